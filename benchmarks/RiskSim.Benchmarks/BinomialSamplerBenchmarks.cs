using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Distributions;
using RiskSim.Core.Random;

namespace RiskSim.Benchmarks;

/// <summary>
/// Cost of one Binomial(<see cref="N"/>, 0.03) variate: MathNet's sampler (the naive baseline)
/// against the engine's inverse-CDF sampler <see cref="DiscreteInverse.Binomial"/>.
/// </summary>
/// <remarks>
/// <para>
/// Why: the month loop draws one binomial per placement type (exits) and per step-down pair
/// (moves) in each of two worlds, every month of every trial, so this sampler is on the hot path.
/// The engine uses inversion for common random numbers (see <see cref="DiscreteInverse"/>); this
/// shows what that choice costs, or saves, against the library sampler. p = 0.03 is the
/// Staffordshire scenario's monthly exit rate, and N spans a small placement type (30), a large
/// one (300) and more than twice the scenario's whole looked-after population of 1,248 (3,000).
/// </para>
/// <para>
/// Each invocation draws <see cref="Draws"/> variates (so the reported time is per variate, via
/// <c>OperationsPerInvoke</c>) and returns their sum so the JIT cannot drop the work. Both methods
/// use the same xoshiro256** stream: the baseline reads it through <see cref="RandomAdapter"/>
/// (the <see cref="System.Random"/> that MathNet requires, with a virtual call per uniform), the
/// inversion reads it directly, which is how the engine calls each.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class BinomialSamplerBenchmarks
{
    /// <summary>Variates drawn per invocation.</summary>
    private const int Draws = 1000;

    /// <summary>Success probability of each of the <see cref="N"/> trials.</summary>
    private const double P = 0.03;

    private RandomAdapter random = null!;
    private Xoshiro256StarStar rng;

    /// <summary>Number of Bernoulli trials (children who may move).</summary>
    [Params(30, 300, 3000)]
    public int N { get; set; }

    /// <summary>Seeds both generators with the same stream.</summary>
    [GlobalSetup]
    public void Setup()
    {
        rng = Xoshiro256StarStar.ForTrial(20191120UL, 0);
        random = new RandomAdapter(rng);
    }

    /// <summary>
    /// Baseline: <c>MathNet.Numerics.Distributions.Binomial.Sample(random, p, n)</c>, which draws
    /// one uniform per Bernoulli trial, so its cost grows linearly in <see cref="N"/>.
    /// </summary>
    /// <returns>The sum of the variates.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Draws)]
    public long Binomial_MathNetSample()
    {
        var r = random;
        int n = N;
        long sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            sum += Binomial.Sample(r, P, n);
        }

        return sum;
    }

    /// <summary>
    /// <see cref="DiscreteInverse.Binomial"/> at one uniform per variate from a
    /// <see cref="Xoshiro256StarStar"/>: sequential search from 0, cost O(n·p) (0.9 to 90 terms here).
    /// </summary>
    /// <returns>The sum of the variates.</returns>
    [Benchmark(OperationsPerInvoke = Draws)]
    public long Binomial_Inversion()
    {
        var g = rng;
        int n = N;
        long sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            sum += DiscreteInverse.Binomial(g.NextDouble(), n, P);
        }

        rng = g;
        return sum;
    }
}
