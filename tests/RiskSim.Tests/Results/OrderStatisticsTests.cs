using MathNet.Numerics.Statistics;
using RiskSim.Core.Results;
using RiskSim.Core.Time;

namespace RiskSim.Tests.Results;

/// <summary>
/// The summary selects the order statistics its rows read instead of sorting whole columns: every
/// requested position must hold what a sort puts there, and a summary row must be the same bits as
/// one computed from a fully sorted copy (mean and sd in trial order, R7 quantiles, order-statistic intervals).
/// </summary>
public sealed class OrderStatisticsTests
{
    public static TheoryData<string, int> Columns => new()
    {
        { "continuous", 1 }, { "continuous", 2 }, { "continuous", 3 }, { "continuous", 17 }, { "continuous", 1000 }, { "continuous", 4095 }, { "continuous", 4096 }, { "continuous", 50_001 },
        { "skewed", 100_000 }, { "clustered", 60_000 }, { "huge-range", 20_000 }, { "overflowing-range", 20_000 }, { "tiny-range", 20_000 }, { "whole", 200_000 },
        { "whole", 5000 }, { "flags", 4096 }, { "all-ones", 300 }, { "sorted", 3000 }, { "reversed", 3000 },
        { "organ-pipe", 3001 }, { "two-values", 999 }, { "signed-zeros", 2000 }, { "with-nan", 200 },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public void Selected_positions_hold_the_sorted_values(string kind, int n)
    {
        double[] values = Column(kind, n, seed: n);
        double[] sorted = [.. values];
        Array.Sort(sorted);
        int[] ranks = SummaryAccumulator.SummaryRanks(n);
        if (OrderStatistics.NeedsFullSort(values))
        {
            Assert.True(kind is "signed-zeros" or "with-nan", kind);
            return;
        }

        double[] selected = [.. values];
        OrderStatistics.Select(selected, ranks);
        foreach (int r in ranks)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(sorted[r]), BitConverter.DoubleToInt64Bits(selected[r]));
        }
    }

    [Theory]
    [MemberData(nameof(Columns))]
    public void A_summary_row_is_the_same_bits_as_from_a_full_sort(string kind, int n)
    {
        double[] values = Column(kind, n, seed: n + 1);
        var fy = new FinancialYear(2023);
        if (kind is "with-nan" or "overflowing-range")
        {
            // A NaN, or a sum beyond the largest double: no row rather than a non-finite one.
            Assert.Throws<NonFiniteResultException>(() => SummaryAccumulator.Summarise(fy, "m", values));
            return;
        }

        var expected = FromFullSort(fy, [.. values]);
        var actual = SummaryAccumulator.Summarise(fy, "m", values);
        Assert.Equal(Bits(expected), Bits(actual));
    }

    [Fact]
    public void Ranks_cover_the_quantiles_and_intervals_of_small_and_large_columns()
    {
        Assert.Equal([0], SummaryAccumulator.SummaryRanks(1));
        Assert.Equal([0, 1], SummaryAccumulator.SummaryRanks(2));
        int[] ranks = SummaryAccumulator.SummaryRanks(50_000);
        Assert.Equal(ranks.Order().Distinct(), ranks);

        // P80 of 50,000: h = 49,999 × 0.8 + 1 = 40,000.2, so positions 39,999 and 40,000; its interval's
        // 1-based ranks 39,824 and 40,177 (QuantileInterval.Ranks) are positions 39,823 and 40,176.
        Assert.Contains(39_999, ranks);
        Assert.Contains(40_000, ranks);
        Assert.Equal((39_824, 40_177), QuantileInterval.Ranks(50_000, 0.8));
        Assert.Contains(39_823, ranks);
        Assert.Contains(40_176, ranks);
    }

    /// <summary>The row from a full sort: mean and sd in trial order, then the sorted column.</summary>
    private static SummaryRow FromFullSort(FinancialYear fy, double[] values)
    {
        var (mean, sd) = ColumnMoments.Of(values);
        Array.Sort(values);
        double Q(double tau) => SortedArrayStatistics.QuantileCustom(values, tau, QuantileDefinition.R7);
        QuantileInterval Ci(double tau) => QuantileInterval.FromSorted(values, tau);
        return new SummaryRow(
            fy, "m", mean, sd, Q(0.05), Q(0.10), Q(0.25), Q(0.50), Q(0.75), Q(0.80), Q(0.90), Q(0.95),
            MeanSe: sd / Math.Sqrt(values.Length), P50Ci: Ci(0.50), P80Ci: Ci(0.80), P90Ci: Ci(0.90));
    }

    private static long[] Bits(SummaryRow r) =>
        [.. new[]
        {
            r.Mean, r.Sd, r.P5, r.P10, r.P25, r.P50, r.P75, r.P80, r.P90, r.P95, r.MeanSe,
            r.P50Ci.Low, r.P50Ci.High, r.P80Ci.Low, r.P80Ci.High, r.P90Ci.Low, r.P90Ci.High,
        }.Select(BitConverter.DoubleToInt64Bits)];

    private static double[] Column(string kind, int n, int seed)
    {
        var random = new System.Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = kind switch
            {
                "continuous" => (random.NextDouble() - 0.3) * 1e7,
                "skewed" => Math.Exp(8 * random.NextDouble()) * (random.NextDouble() < 0.01 ? 1e6 : 1.0),
                "clustered" => i % 10 == 0 ? 1e12 : 84_680_000.0 + random.Next(-500, 500),
                "huge-range" => i % 2 == 0 ? -1e100 * random.NextDouble() : 1e100 * random.NextDouble(),
                "overflowing-range" => i % 2 == 0 ? -1.5e308 * random.NextDouble() : 1.5e308 * random.NextDouble(),
                "tiny-range" => 1.0 + (random.Next(0, 7) * Math.BitIncrement(1.0) - 1.0),
                "whole" => random.Next(900, 1300),
                "flags" => random.NextDouble() < 0.04 ? 1.0 : 0.0,
                "all-ones" => 1.0,
                "sorted" => i * 0.5,
                "reversed" => (n - i) * 0.5,
                "organ-pipe" => Math.Min(i, n - i),
                "two-values" => i % 2 == 0 ? -3.5 : 7.25,
                "signed-zeros" => i % 3 == 0 ? -0.0 : i % 3 == 1 ? 0.0 : random.NextDouble() - 0.5,
                "with-nan" => i == n / 2 ? double.NaN : random.NextDouble(),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
        }

        return v;
    }
}
