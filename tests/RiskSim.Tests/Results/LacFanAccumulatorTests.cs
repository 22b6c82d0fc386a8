using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using RiskSim.Tests.Engine;

namespace RiskSim.Tests.Results;

public sealed class LacFanAccumulatorTests
{
    private static readonly double[] Probabilities = [0, 0.01, 0.05, 0.123, 0.25, 0.5, 0.75, 0.8, 0.95, 0.999, 1];

    /// <summary>Whole counts with a few months and a spread that forces the histogram to grow.</summary>
    private static double[][] Trials(int trials, int months, int seed)
    {
        var random = new System.Random(seed);
        return [.. Enumerable.Range(0, trials).Select(_ => Enumerable.Range(0, months).Select(m => (double)Poisson.Sample(random, 40 + (300 * m))).ToArray())];
    }

    [Fact]
    public void Percentiles_equal_the_exact_percentiles_of_the_sorted_values()
    {
        var data = Trials(1001, 4, 1);
        var fan = new LacFanAccumulator(4);
        foreach (var trial in data)
        {
            fan.Add(trial);
        }

        for (int m = 0; m < 4; m++)
        {
            double[] sorted = [.. data.Select(t => t[m]).Order()];
            foreach (double p in Probabilities)
            {
                Assert.Equal(SortedArrayStatistics.QuantileCustom(sorted, p, QuantileDefinition.R7), fan.Quantile(m, p));
            }
        }
    }

    [Fact]
    public void Shards_merged_in_any_order_equal_one_run()
    {
        var data = Trials(700, 3, 2);
        var whole = new LacFanAccumulator(3);
        var a = new LacFanAccumulator(3);
        var b = new LacFanAccumulator(3);
        for (int i = 0; i < data.Length; i++)
        {
            whole.Add(data[i]);
            (i < 250 ? a : b).Add(data[i]);
        }

        var ab = new LacFanAccumulator(3);
        ab.Merge(a);
        ab.Merge(b);
        var ba = new LacFanAccumulator(3);
        ba.Merge(b);
        ba.Merge(a);
        Assert.Equal(whole.Count, ab.Count);
        for (int m = 0; m < 3; m++)
        {
            foreach (double p in Probabilities)
            {
                Assert.Equal(whole.Quantile(m, p), ab.Quantile(m, p));
                Assert.Equal(whole.Quantile(m, p), ba.Quantile(m, p));
            }
        }
    }

    [Fact]
    public void Cells_rebuild_the_same_fan_in_any_order()
    {
        var data = Trials(600, 3, 3);
        var fan = new LacFanAccumulator(3);
        foreach (var trial in data)
        {
            fan.Add(trial);
        }

        var cells = fan.Cells().ToArray();
        Assert.All(cells, c => Assert.True(c.Trials > 0));
        Assert.Equal(3 * 600L, cells.Sum(c => c.Trials));
        var rebuilt = LacFanAccumulator.FromCells(3, 600, cells.Reverse());
        Assert.Equal(600, rebuilt.Count);
        Assert.Equal(cells, rebuilt.Cells().ToArray());
        for (int m = 0; m < 3; m++)
        {
            foreach (double p in Probabilities)
            {
                Assert.Equal(fan.Quantile(m, p), rebuilt.Quantile(m, p));
            }
        }
    }

    [Theory]
    [InlineData(3, 5, 1L, "out of range")] // month beyond the horizon
    [InlineData(0, -1, 1L, "out of range")] // negative LAC
    [InlineData(0, 5, 0L, "out of range")] // an empty cell is never written
    [InlineData(0, 5, 2L, "month 0's cells hold 3 trials, not 2")] // more trials than the shard ran
    public void Cells_that_do_not_describe_the_trials_are_refused(int month, int lac, long trials, string message)
    {
        (int, int, long)[] cells = [(0, 4, 1), (1, 4, 2), (2, 4, 2), (month, lac, trials)];
        var e = Assert.Throws<ArgumentException>(() => LacFanAccumulator.FromCells(3, 2, cells));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fraction_of_a_child_is_refused()
    {
        var fan = new LacFanAccumulator(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => fan.Add([3, 2.5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => fan.Add([3, -1]));
    }

    /// <summary>
    /// The engine's month-end LAC: whole children, the last month of each FY equal to that FY's
    /// lac_end, and the fan of a real run equal to the sorted percentiles of what the blocks carried.
    /// </summary>
    [Fact]
    public void The_engine_fills_month_end_lac_and_the_fan_matches_it()
    {
        var model = EngineTestData.Staffordshire;
        int months = model.Horizon.MonthCount;
        var collected = new MonthlyLacSink();
        var yearly = new CollectingSink();
        var fan = new LacFanAccumulator(months);
        StochasticRunner.Run(model, new RunOptions(300, 11UL, 2, BlockSize: 128), [collected, yearly, fan]);

        int[] lastMonth = EngineTestData.LastMonthOfFy(model);
        for (int t = 0; t < 300; t++)
        {
            for (int f = 0; f < lastMonth.Length; f++)
            {
                Assert.Equal(yearly.Get(t, f, Metric.LacEnd), collected.Lac[t][lastMonth[f]]);
            }
        }

        foreach (int m in new[] { 0, months / 2, months - 1 })
        {
            double[] sorted = [.. collected.Lac.Select(t => t[m]).Order()];
            foreach (double p in new[] { 0.05, 0.25, 0.5, 0.75, 0.95 })
            {
                Assert.Equal(SortedArrayStatistics.QuantileCustom(sorted, p, QuantileDefinition.R7), fan.Quantile(m, p));
            }
        }
    }

    private sealed class MonthlyLacSink : ITrialSink
    {
        public List<double[]> Lac { get; } = [];

        public void Accept(TrialBlock block)
        {
            for (int t = 0; t < block.Count; t++)
            {
                Lac.Add(block.LacByMonthEndOf(t).ToArray());
            }
        }
    }
}
