using System.Runtime.Intrinsics;
using RiskSim.Core.Random;

namespace RiskSim.Tests.Random;

/// <summary>
/// <see cref="DiscreteInverse.BinomialLanes"/> and <see cref="DiscreteInverse.NegativeBinomialLanes"/>:
/// every lane equals the scalar sampler at the same uniform, exactly (not within a tolerance), on
/// millions of random arguments shaped like a trial's worlds (near-identical lanes, equal lanes)
/// and unlike them (independent lanes), and on the edge cases (n = 0, p = 0, ½, 1, p &gt; ½, means
/// above the search-from-0 limit, uniforms at 0 and just below 1, where the search stops because
/// the sum no longer grows).
/// </summary>
public sealed class DiscreteInverseLanesTests
{
    /// <summary>Uniforms that reach the ends: 0, the largest double below 1, and the next few below it.</summary>
    private static double Uniform(ref Xoshiro256StarStar rng)
    {
        double r = rng.NextDouble();
        return r switch
        {
            < 0.01 => 0.0,
            < 0.03 => 1.0 - Math.Pow(2, -53),
            < 0.06 => 1.0 - ((1 + (int)(rng.NextDouble() * 9)) * Math.Pow(2, -53)), // the 9 doubles below 1
            _ => rng.NextDouble(),
        };
    }

    private static double Probability(ref Xoshiro256StarStar rng)
    {
        double r = rng.NextDouble();
        return r switch
        {
            < 0.02 => 0.0,
            < 0.04 => 1.0,
            < 0.06 => 0.5,
            < 0.10 => 0.5 + (rng.NextDouble() * 0.5), // the search down from n
            < 0.15 => rng.NextDouble() * 1e-6,
            < 0.60 => rng.NextDouble() * 0.08, // exits and step-downs
            _ => rng.NextDouble() * 0.5, // shares of the entry split
        };
    }

    private static int Trials(ref Xoshiro256StarStar rng)
    {
        double r = rng.NextDouble();
        return r switch
        {
            < 0.03 => 0,
            < 0.06 => 1,
            < 0.10 => (int)(rng.NextDouble() * 5000), // means above the search-from-0 limit
            < 0.12 => (int)(rng.NextDouble() * 2e8), // huge n, small p
            _ => (int)(rng.NextDouble() * 600),
        };
    }

    [Fact]
    public void Every_binomial_lane_equals_the_scalar_sampler_exactly()
    {
        var rng = Xoshiro256StarStar.ForTrial(20261204, 1);
        var caches = new BinomialLogCache[2 * DiscreteInverse.MaxLanes];
        Array.Fill(caches, BinomialLogCache.Empty);
        Span<double> n = stackalloc double[4];
        Span<double> p = stackalloc double[4];
        long vectorDraws = 0;
        for (int i = 0; i < 1_500_000; i++)
        {
            double u = Uniform(ref rng);
            int lanes = 1 + (int)(rng.NextDouble() * 4);
            int baseN = Trials(ref rng);
            double baseP = Probability(ref rng);
            bool worlds = rng.NextDouble() < 0.7;
            for (int w = 0; w < 4; w++)
            {
                double r = rng.NextDouble();
                if (!worlds)
                {
                    n[w] = Trials(ref rng);
                    p[w] = Probability(ref rng);
                }
                else if (r < 0.3 && w > 0)
                {
                    n[w] = n[w - 1]; // an equal lane: the memo
                    p[w] = p[w - 1];
                }
                else
                {
                    // Near-identical worlds: a few children apart, the rate a little apart (or equal).
                    n[w] = Math.Max(0, baseN + (int)((rng.NextDouble() - 0.5) * 8));
                    p[w] = r < 0.6 ? baseP : Math.Min(1.0, baseP * (1 + ((rng.NextDouble() - 0.5) * 0.1)));
                }
            }

            // The caches carry over from draw to draw, as in the month loop (a pure function of p).
            var got = DiscreteInverse.BinomialLanes(u, Vector256.Create(n), Vector256.Create(p), lanes, caches, 2);
            for (int w = 0; w < 4; w++)
            {
                double expected = w < lanes ? DiscreteInverse.Binomial(u, (int)n[w], p[w]) : 0.0;
                if (got.GetElement(w) != expected)
                {
                    Assert.Fail($"lane {w} of {lanes}: u = {u:R}, n = {n[w]}, p = {p[w]:R}: {got.GetElement(w)} vs scalar {expected}");
                }
            }

            vectorDraws += lanes;
        }

        Assert.True(vectorDraws > 3_000_000);
    }

    [Fact]
    public void Every_lane_of_a_binomial_pair_equals_the_scalar_sampler_exactly()
    {
        // Two draws at two uniforms (two types' exits), walked together in eight lanes where 512-bit
        // vectors are fast: each lane must still be the scalar sampler's variate at its draw's uniform,
        // including the stop at k = n, the stalled sum just below 1 and lanes outside the search.
        var rng = Xoshiro256StarStar.ForTrial(20261204, 3);
        var caches = new BinomialLogCache[2 * 2 * DiscreteInverse.MaxLanes];
        Array.Fill(caches, BinomialLogCache.Empty);
        Span<double> n = stackalloc double[8];
        Span<double> p = stackalloc double[8];
        for (int i = 0; i < 400_000; i++)
        {
            double uA = Uniform(ref rng), uB = Uniform(ref rng);
            int lanes = 1 + (int)(rng.NextDouble() * 4);
            for (int d = 0; d < 2; d++)
            {
                int baseN = Trials(ref rng);
                double baseP = Probability(ref rng);
                for (int w = 0; w < 4; w++)
                {
                    n[(4 * d) + w] = rng.NextDouble() < 0.3 ? baseN : Math.Max(0, baseN + (int)((rng.NextDouble() - 0.5) * 8));
                    p[(4 * d) + w] = rng.NextDouble() < 0.6 ? baseP : Math.Min(1.0, baseP * (1 + ((rng.NextDouble() - 0.5) * 0.1)));
                }
            }

            // Draw A's caches in even slots, B's in odd ones (stride 2 per lane each way: 4 caches per lane).
            DiscreteInverse.BinomialLanesPair(
                uA, Vector256.Create(n[..4]), Vector256.Create(p[..4]), caches.AsSpan(0),
                uB, Vector256.Create(n[4..]), Vector256.Create(p[4..]), caches.AsSpan(1),
                lanes, 2, out var gotA, out var gotB);
            for (int w = 0; w < 4; w++)
            {
                double expectedA = w < lanes ? DiscreteInverse.Binomial(uA, (int)n[w], p[w]) : 0.0;
                double expectedB = w < lanes ? DiscreteInverse.Binomial(uB, (int)n[4 + w], p[4 + w]) : 0.0;
                if (gotA.GetElement(w) != expectedA || gotB.GetElement(w) != expectedB)
                {
                    Assert.Fail($"lane {w} of {lanes}: A u = {uA:R}, n = {n[w]}, p = {p[w]:R}: {gotA.GetElement(w)} vs {expectedA}; "
                        + $"B u = {uB:R}, n = {n[4 + w]}, p = {p[4 + w]:R}: {gotB.GetElement(w)} vs {expectedB}");
                }
            }
        }
    }

    [Fact]
    public void Binomial_lanes_stop_where_the_sum_stops_growing_as_the_scalar_does()
    {
        // u just below 1 with a long tail: the search ends at "next == cdf", not at F(k) > u.
        double u = 1.0 - Math.Pow(2, -53);
        var caches = new BinomialLogCache[4];
        Array.Fill(caches, BinomialLogCache.Empty);
        var n = Vector256.Create(3000.0, 3001.0, 2999.0, 0.0);
        var p = Vector256.Create(0.03, 0.03, 0.0301, 0.0);
        var got = DiscreteInverse.BinomialLanes(u, n, p, 3, caches, 1);
        for (int w = 0; w < 3; w++)
        {
            Assert.Equal(DiscreteInverse.Binomial(u, (int)n.GetElement(w), p.GetElement(w)), got.GetElement(w));
        }

        // k = n: every child leaves before the sum passes u.
        n = Vector256.Create(3.0, 2.0, 1.0, 0.0);
        p = Vector256.Create(0.5, 0.5, 0.5, 0.0);
        got = DiscreteInverse.BinomialLanes(u, n, p, 3, caches, 1);
        Assert.Equal(Vector256.Create(3.0, 2.0, 1.0, 0.0), got);
    }

    [Fact]
    public void Binomial_lanes_throw_as_the_scalar_does()
    {
        var caches = new BinomialLogCache[4];
        Array.Fill(caches, BinomialLogCache.Empty);
        var ok = Vector256.Create(10.0);
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.BinomialLanes(1.0, ok, Vector256.Create(0.1), 3, caches, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.BinomialLanes(0.5, ok, Vector256.Create(0.1, double.NaN, 0.1, 0.1), 3, caches, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.BinomialLanes(0.5, Vector256.Create(10.0, 10.0, -1.0, 0.0), Vector256.Create(0.1), 3, caches, 1));
    }

    [Theory]
    [InlineData(90.0)]
    [InlineData(0.7)]
    [InlineData(1e-3)]
    [InlineData(5000.0)]
    [InlineData(double.PositiveInfinity)]
    public void Every_negative_binomial_lane_equals_the_scalar_sampler_exactly(double dispersion)
    {
        var rng = Xoshiro256StarStar.ForTrial(20261204, 2);
        var ratios = new double[64]; // short, so the searches also run past the table
        if (!double.IsPositiveInfinity(dispersion))
        {
            DiscreteInverse.NegativeBinomialStepRatios(dispersion, ratios);
        }

        Span<double> mean = stackalloc double[4];
        int count = dispersion < 0.01 ? 20_000 : 400_000; // a tiny k makes very long tails
        for (int i = 0; i < count; i++)
        {
            double u = Uniform(ref rng);
            int lanes = 1 + (int)(rng.NextDouble() * 4);
            double r = rng.NextDouble();
            double baseMean = r < 0.05 ? 0.0 : r < 0.15 ? 100 + (rng.NextDouble() * 400) : r < 0.2 ? 100.0 : rng.NextDouble() * 100;
            for (int w = 0; w < 4; w++)
            {
                double s = rng.NextDouble();
                mean[w] = s < 0.3 && w > 0 ? mean[w - 1] : s < 0.5 ? baseMean : baseMean * (0.7 + (0.3 * rng.NextDouble()));
            }

            var got = DiscreteInverse.NegativeBinomialLanes(u, Vector256.Create(mean), dispersion, lanes, ratios);
            for (int w = 0; w < 4; w++)
            {
                double expected = w < lanes ? DiscreteInverse.NegativeBinomial(u, mean[w], dispersion) : 0.0;
                if (got.GetElement(w) != expected)
                {
                    Assert.Fail($"lane {w} of {lanes}: u = {u:R}, mean = {mean[w]:R}, k = {dispersion}: {got.GetElement(w)} vs scalar {expected}");
                }
            }
        }
    }

    [Fact]
    public void Negative_binomial_step_ratios_are_the_scalar_searchs()
    {
        var ratios = new double[300];
        DiscreteInverse.NegativeBinomialStepRatios(90, ratios);
        for (int x = 0; x < ratios.Length; x++)
        {
            Assert.Equal((x + 90.0) / (x + 1), ratios[x]);
        }
    }
}
