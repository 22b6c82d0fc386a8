using BenchmarkDotNet.Attributes;
using MathNet.Numerics;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Benchmarks;

/// <summary>
/// Cost of one input quantile: the Beta quantile behind PERT (the old Newton <see cref="BetaInverse"/>
/// as baseline, against the per-shape <see cref="BetaQuantileTable"/>) and the Gamma log-quantile
/// behind a Dirichlet mix (the old path, MathNet's <c>GammaLowerRegularizedInv</c> with its small-x
/// expansion, as baseline, against <see cref="GammaQuantile.Log"/>'s per-shape table).
/// </summary>
/// <remarks>
/// Why: a Staffordshire trial draws about 28 PERT inputs and one 6-type Dirichlet mix (shapes 98 to
/// 279); with the old paths these took about 47 µs of a trial. Shapes: PERT(0, 2, 9) has
/// α = 1.89, β = 4.11; PERT with the mode at min has α = 1, β = 5. Gamma shapes: the mix's 114 and
/// small ones where the old path used its expansion. Each invocation maps <see cref="Draws"/> fixed
/// uniforms (time per quantile via <c>OperationsPerInvoke</c>) and returns their sum.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class InputQuantileBenchmarks
{
    private const int Draws = 1000;

    private readonly double[] uniforms = new double[Draws];
    private BetaInverse newton = null!;
    private BetaQuantileTable table = null!;

    /// <summary>PERT's α (β = 6 − α).</summary>
    [Params(1.0, 1.0 + (8.0 / 9))]
    public double Alpha { get; set; }

    /// <summary>Dirichlet gamma shape (share × concentration).</summary>
    [Params(0.05, 114.0)]
    public double Shape { get; set; }

    /// <summary>Fixed, well-spread uniforms (a golden-ratio sequence), and the shapes' tables built once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < Draws; i++)
        {
            uniforms[i] = ((i + 1) * 0.6180339887498949) % 1.0;
        }

        newton = new BetaInverse(Alpha, 6 - Alpha);
        table = BetaQuantileTable.TryGet(Alpha, 6 - Alpha)!;
        GammaQuantile.Log(Shape, 0.5);
    }

    /// <summary>Old PERT path: Newton on MathNet's incomplete beta.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Draws)]
    public double BetaNewton()
    {
        double sum = 0;
        foreach (double u in uniforms)
        {
            sum += newton.Quantile(u);
        }

        return sum;
    }

    /// <summary>New PERT path: the per-shape Chebyshev table.</summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    public double BetaTable()
    {
        double sum = 0;
        foreach (double u in uniforms)
        {
            sum += table.Quantile(u);
        }

        return sum;
    }

    /// <summary>Old mix path: MathNet's inverse, or the lower-tail expansion where x &lt; 10^-6.</summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    public double GammaMathNet()
    {
        double sum = 0;
        foreach (double u in uniforms)
        {
            double tail = (Math.Log(u) + SpecialFunctions.GammaLn(Shape + 1)) / Shape;
            sum += tail < -13.815510557964274 ? tail : Math.Log(SpecialFunctions.GammaLowerRegularizedInv(Shape, u));
        }

        return sum;
    }

    /// <summary>New mix path: cache look-up by shape and the per-shape table.</summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    public double GammaTable()
    {
        double sum = 0;
        foreach (double u in uniforms)
        {
            sum += GammaQuantile.Log(Shape, u);
        }

        return sum;
    }
}
