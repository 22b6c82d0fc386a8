using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using RiskSim.Core.Random;

namespace RiskSim.Benchmarks;

/// <summary>
/// Cost of one month-loop draw for three worlds at one uniform: three scalar
/// <see cref="DiscreteInverse.Binomial(double, int, double)"/> calls (the baseline) against one
/// <see cref="DiscreteInverse.BinomialLanes"/> call with the worlds in lanes. The worlds' n differ
/// by a few children and their p a little, as the programme, do-nothing and unadjusted worlds' do
/// (exits of a Staffordshire type: n ≈ <see cref="N"/>, p ≈ 0.03). Per draw of three variates.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class BinomialLanesBenchmarks
{
    private const int Draws = 1000;
    private readonly double[] uniforms = new double[Draws];
    private readonly BinomialLogCache[] caches = new BinomialLogCache[3];

    /// <summary>The do-nothing world's n.</summary>
    [Params(40, 400)]
    public int N { get; set; }

    /// <summary>Fixed uniforms.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = Xoshiro256StarStar.ForTrial(20191120UL, 0);
        for (int i = 0; i < Draws; i++)
        {
            uniforms[i] = rng.NextDouble();
        }

        Array.Fill(caches, BinomialLogCache.Empty);
    }

    /// <summary>Three scalar searches.</summary>
    /// <returns>The sum of the variates.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Draws)]
    public double ThreeScalar()
    {
        double sum = 0;
        foreach (double u in uniforms)
        {
            sum += DiscreteInverse.Binomial(u, N - 3, 0.0305) + DiscreteInverse.Binomial(u, N, 0.03) + DiscreteInverse.Binomial(u, N - 2, 0.0304);
        }

        return sum;
    }

    /// <summary>One lane-parallel search.</summary>
    /// <returns>The sum of the variates.</returns>
    [Benchmark(OperationsPerInvoke = Draws)]
    public double Lanes()
    {
        var n = Vector256.Create(N - 3.0, N, N - 2.0, 0.0);
        var p = Vector256.Create(0.0305, 0.03, 0.0304, 0.0);
        double sum = 0;
        foreach (double u in uniforms)
        {
            sum += Vector256.Sum(DiscreteInverse.BinomialLanes(u, n, p, 3, caches, 1));
        }

        return sum;
    }
}
