using RiskSim.Analysis.Compare;
using RiskSim.Core.Random;

namespace RiskSim.Tests.Analysis.Compare;

/// <summary>The statistics of compare: paired shares, bootstrap percentile errors, resample quantiles.</summary>
public sealed class ComparerTests
{
    private static readonly string[] OneYear = ["2019/20"];

    /// <summary>A one-FY side whose cumulative position is <paramref name="cumulative"/>, LAC <paramref name="lac"/>, breakeven as given.</summary>
    private static CompareSide Side(double[] cumulative, double[]? lac = null, int[]? breakeven = null, ulong seed = 1, long firstTrial = 0) =>
        new(
            "test",
            "synthetic",
            seed,
            "mc",
            OneYear,
            0,
            [.. Enumerable.Range(0, cumulative.Length).Select(i => firstTrial + i)],
            cumulative,
            breakeven ?? new int[cumulative.Length],
            breakeven ?? new int[cumulative.Length],
            lac ?? new double[cumulative.Length]);

    private static double[] Normals(ulong seed, int n)
    {
        var rng = Xoshiro256StarStar.ForTrial(seed, 0);
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            // Box–Muller: exact normal draws for a test.
            double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
            values[i] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return values;
    }

    [Fact]
    public void Resample_quantiles_equal_type_7_percentiles_of_the_materialised_resample()
    {
        var rng = Xoshiro256StarStar.ForTrial(7, 0);
        var values = Enumerable.Range(0, 101).Select(_ => Math.Round(rng.NextDouble() * 50)).ToArray(); // with ties
        var order = WeightedQuantiles.Order(values);
        double[] probabilities = [0.05, 0.1, 0.5, 0.8, 0.9, 0.99];
        for (int trial = 0; trial < 50; trial++)
        {
            var counts = new int[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                counts[(int)(rng.NextDouble() * values.Length)]++;
            }

            var resample = values.SelectMany((v, i) => Enumerable.Repeat(v, counts[i])).Order().ToArray();
            var got = new double[probabilities.Length];
            WeightedQuantiles.OfResample(values, order, counts, values.Length, probabilities, got);
            for (int q = 0; q < probabilities.Length; q++)
            {
                double h = (resample.Length - 1) * probabilities[q];
                int lo = (int)Math.Floor(h);
                double expected = resample[lo] + ((h - lo) * (resample[Math.Min(lo + 1, resample.Length - 1)] - resample[lo]));
                Assert.Equal(expected, got[q], 12);
            }
        }
    }

    [Fact]
    public void A_constant_shift_on_common_random_numbers_is_found_exactly_with_no_error()
    {
        var a = Normals(1, 1000).Select(x => x * 1e6).ToArray();
        var b = a.Select(x => x + 250_000).ToArray();
        var lacA = Normals(2, 1000).Select(x => 1000 + (50 * x)).ToArray();
        var lacB = lacA.Select(x => x - 30).ToArray();
        var comparison = Comparer.Compare(Side(a, lacA), Side(b, lacB));
        Assert.True(comparison.Paired && comparison.CommonRandomNumbers);
        foreach (double level in new[] { 0.5, 0.8, 0.9 })
        {
            var row = comparison.Find(Comparer.Contingency(level), 0)!;
            Assert.Equal(250_000, row.Difference, 6);
            Assert.Equal(0, row.DifferenceSe, 6);
        }

        var lac = comparison.Find(Comparer.LacEnd(0.5), 0)!;
        Assert.Equal(-30, lac.Difference, 9);
        Assert.Equal(0, lac.DifferenceSe, 9);
    }

    [Fact]
    public void Paired_share_error_is_the_standard_deviation_of_the_per_trial_differences()
    {
        // 1,000 pairs: 100 break even only in A, 40 only in B, 300 in both, 560 in neither.
        int n = 1000;
        var a = new int[n];
        var b = new int[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = i < 400 ? 0 : -1;            // A: 0–99 (A only) and 100–399 (both)
            b[i] = i is >= 100 and < 440 ? 0 : -1; // B: 100–399 (both) and 400–439 (B only)
        }

        var comparison = Comparer.Compare(Side(new double[n], breakeven: a), Side(new double[n], breakeven: b));
        var row = comparison.Find(Comparer.BreakevenByFy, 0)!;
        Assert.Equal(0.4, row.A, 12);
        Assert.Equal(0.34, row.B, 12);

        // d = +1 on 40 trials, −1 on 100: mean −0.06, sample variance (140 − n·0.0036)/(n − 1).
        double variance = (140 - (n * 0.06 * 0.06)) / (n - 1);
        Assert.Equal(Math.Sqrt(variance / n), row.DifferenceSe, 12);

        // Independent runs (different trial indices) use the unpaired formula instead.
        var unpaired = Comparer.Compare(Side(new double[n], breakeven: a), Side(new double[n], breakeven: b, firstTrial: n));
        Assert.False(unpaired.Paired);
        Assert.Equal(Math.Sqrt((0.4 * 0.6 / n) + (0.34 * 0.66 / n)), unpaired.Find(Comparer.BreakevenByFy, 0)!.DifferenceSe, 12);
    }

    [Fact]
    public void Bootstrap_error_of_independent_normal_percentiles_matches_the_asymptotic_formula()
    {
        // Two independent N(0, 1) samples of n: SE(Q̂p) = √(p(1 − p)/n) / φ(zp), so the difference's SE
        // is √2 times that. The bootstrap SE is itself noisy (resampling, 1/√(2R) ≈ 3.5 % at R = 400, and
        // the sample quantile's slow O(n^−1/4) convergence): on 20 seeds at these settings the ratio
        // got/expected ranged 0.83–1.26 with sd 0.09, so ±30 % is about 3.4 sd.
        int n = 4000;
        var a = Normals(11, n);
        var b = Normals(12, n);
        var comparison = Comparer.Compare(Side(a, a), Side(b, b, firstTrial: n), new CompareOptions(BootstrapReplicates: 400));
        Assert.False(comparison.Paired);
        foreach (var (level, z) in new[] { (0.8, 0.8416212335729143), (0.9, 1.2815515655446004) })
        {
            double phi = Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);
            double expected = Math.Sqrt(2 * level * (1 - level) / n) / phi;
            double got = comparison.Find(Comparer.Contingency(level), 0)!.DifferenceSe;
            Assert.InRange(got / expected, 0.7, 1.3);
        }
    }

    [Fact]
    public void Pairing_on_correlated_draws_shrinks_the_percentile_error()
    {
        // B = A + small independent noise: the paired bootstrap must see the difference's small spread,
        // far below the independent-runs error of the same two samples.
        int n = 3000;
        var a = Normals(21, n);
        var noise = Normals(22, n);
        var b = a.Select((x, i) => x + (0.1 * noise[i])).ToArray();
        var paired = Comparer.Compare(Side(a), Side(b));
        var unpaired = Comparer.Compare(Side(a), Side(b, firstTrial: n));
        double pairedSe = paired.Find(Comparer.Contingency(0.8), 0)!.DifferenceSe;
        double unpairedSe = unpaired.Find(Comparer.Contingency(0.8), 0)!.DifferenceSe;
        Assert.True(pairedSe < unpairedSe / 4, $"paired {pairedSe}, unpaired {unpairedSe}");
        Assert.True(pairedSe > 0);
    }

    [Fact]
    public void The_same_inputs_give_the_same_errors()
    {
        var a = Normals(31, 500);
        var b = Normals(32, 500);
        var first = Comparer.Compare(Side(a, a), Side(b, b));
        var second = Comparer.Compare(Side(a, a), Side(b, b));
        Assert.Equal(first.Rows, second.Rows);
    }

    [Fact]
    public void Runs_of_different_horizons_are_refused()
    {
        var a = Side([1.0, 2.0]);
        var b = new CompareSide("b", "other", 1, "mc", ["2020/21"], 0, [0, 1], [1.0, 2.0], [0, 0], [0, 0], [1.0, 1.0]);
        var e = Assert.Throws<CompareException>(() => Comparer.Compare(a, b));
        Assert.Contains("different financial years", e.Message, StringComparison.Ordinal);
    }
}
