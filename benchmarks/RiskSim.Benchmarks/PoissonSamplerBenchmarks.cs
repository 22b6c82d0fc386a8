using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Distributions;
using RiskSim.Core.Random;

namespace RiskSim.Benchmarks;

/// <summary>
/// Cost of one Poisson(<see cref="Lambda"/>) variate: MathNet's sampler (the naive baseline)
/// against the engine's inverse-CDF sampler <see cref="DiscreteInverse.Poisson"/>.
/// </summary>
/// <remarks>
/// <para>
/// Why: the month loop draws the month's entries into care as one Poisson variate in each world,
/// every month of every trial. The engine uses inversion for common random numbers (see
/// <see cref="DiscreteInverse"/>); this shows what that costs against the library sampler.
/// λ = 37.4 is Staffordshire's 2019/20 entries a month (1,248 × 0.03); 5 is a small authority; 500
/// is above <c>DiscreteInverse.SequentialSearchMaxMean</c> (100), so it exercises the search
/// from the mode rather than from zero.
/// </para>
/// <para>
/// Each invocation draws <see cref="Draws"/> variates (so the reported time is per variate, via
/// <c>OperationsPerInvoke</c>) and returns their sum so the JIT cannot drop the work. Both methods
/// use the same xoshiro256** stream: the baseline reads it through <see cref="RandomAdapter"/>
/// (the <see cref="System.Random"/> that MathNet requires), the inversion reads it directly.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class PoissonSamplerBenchmarks
{
    /// <summary>Variates drawn per invocation.</summary>
    private const int Draws = 1000;

    private RandomAdapter random = null!;
    private Xoshiro256StarStar rng;

    /// <summary>The Poisson mean (expected entries in a month).</summary>
    [Params(5.0, 37.4, 500.0)]
    public double Lambda { get; set; }

    /// <summary>Seeds both generators with the same stream.</summary>
    [GlobalSetup]
    public void Setup()
    {
        rng = Xoshiro256StarStar.ForTrial(20191120UL, 0);
        random = new RandomAdapter(rng);
    }

    /// <summary>
    /// Baseline: <c>MathNet.Numerics.Distributions.Poisson.Sample(random, lambda)</c> (Knuth's
    /// multiplication method for small λ, rejection for large λ: a variable number of uniforms).
    /// </summary>
    /// <returns>The sum of the variates.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Draws)]
    public long Poisson_MathNetSample()
    {
        var r = random;
        double lambda = Lambda;
        long sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            sum += Poisson.Sample(r, lambda);
        }

        return sum;
    }

    /// <summary>
    /// <see cref="DiscreteInverse.Poisson"/> at one uniform per variate from a
    /// <see cref="Xoshiro256StarStar"/>: O(λ) search from zero up to λ = 100, O(√λ) search from the mode above.
    /// </summary>
    /// <returns>The sum of the variates.</returns>
    [Benchmark(OperationsPerInvoke = Draws)]
    public long Poisson_Inversion()
    {
        var g = rng;
        double lambda = Lambda;
        long sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            sum += DiscreteInverse.Poisson(g.NextDouble(), lambda);
        }

        rng = g;
        return sum;
    }
}
