using RiskSim.Core.Random;
using RiskSim.Core.Results;
using RiskSim.Core.Time;

namespace RiskSim.Tests.Sampling;

/// <summary>Monte Carlo standard errors and order-statistic confidence intervals in the summary.</summary>
public sealed class ConvergenceTests
{
    [Theory]
    [InlineData(0.5, 200)]
    [InlineData(0.8, 200)]
    [InlineData(0.9, 500)]
    public void Order_statistic_intervals_cover_the_true_quantile_95_percent_of_the_time(double q, int n)
    {
        // U(0, 1) samples: the true q-quantile is q. Coverage over 2,000 replications should be
        // 0.95 ± 3 SE, SE = √(0.95 · 0.05 / 2000) ≈ 0.0049 (the binomial approximation adds a little).
        const int replications = 2000;
        var rng = Xoshiro256StarStar.ForTrial(17, (long)(q * 1000) + n);
        var sample = new double[n];
        int covered = 0;
        for (int r = 0; r < replications; r++)
        {
            for (int i = 0; i < n; i++)
            {
                sample[i] = rng.NextDouble();
            }

            Array.Sort(sample);
            var ci = QuantileInterval.FromSorted(sample, q);
            if (ci.Low <= q && q <= ci.High)
            {
                covered++;
            }
        }

        double se = Math.Sqrt(0.95 * 0.05 / replications);
        Assert.InRange(covered / (double)replications, 0.95 - (3 * se), 0.95 + (3 * se) + 0.01);
    }

    [Fact]
    public void Interval_ranks_are_clamped_for_tiny_samples_and_widen_with_confidence()
    {
        Assert.Equal((1, 1), QuantileInterval.Ranks(1, 0.8));
        var (lo95, hi95) = QuantileInterval.Ranks(1000, 0.8);
        var (lo99, hi99) = QuantileInterval.Ranks(1000, 0.8, 2.5758);
        Assert.True(lo99 <= lo95 && hi99 >= hi95);
        Assert.InRange(lo95, 770, 780);   // 800 − 1.96 · √160 ≈ 775.2
        Assert.InRange(hi95, 825, 827);   // ⌈824.8⌉ + 1
    }

    [Fact]
    public void The_summary_reports_the_standard_error_of_the_mean_and_percentile_intervals()
    {
        double[] values = [.. Enumerable.Range(1, 1000).Select(i => (double)i)];
        var row = SummaryAccumulator.Summarise(new FinancialYear(2023), "position_gbp", values);
        Assert.Equal(row.Sd / Math.Sqrt(1000), row.MeanSe, 12);
        Assert.True(row.P80Ci.Low <= row.P80 && row.P80 <= row.P80Ci.High);
        Assert.True(row.P50Ci.Low <= row.P50 && row.P50 <= row.P50Ci.High);
        Assert.True(row.P90Ci.Low <= row.P90 && row.P90 <= row.P90Ci.High);
        Assert.Equal(775, row.P80Ci.Low);
        Assert.Equal(826, row.P80Ci.High);
    }
}

/// <summary>Adding trials in ranges (how <c>--precision</c> works) gives exactly one run of all of them.</summary>
public sealed class TrialRangeTests
{
    [Fact]
    public void Consecutive_ranges_equal_one_run_of_all_their_trials()
    {
        var model = RiskSim.Tests.Engine.EngineTestData.Staffordshire;
        var options = new RiskSim.Core.Engine.RunOptions(500, 21, 2, BlockSize: 64);
        var whole = new RiskSim.Tests.Engine.CollectingSink();
        RiskSim.Core.Engine.StochasticRunner.Run(model, options, [whole]);

        var design = RiskSim.Core.Sampling.InputDesign.Create(RiskSim.Core.Sampling.SamplingMode.MonteCarlo, model.InputDimensions, 21, 500);
        var parts = new RiskSim.Tests.Engine.CollectingSink();
        RiskSim.Core.Engine.StochasticRunner.RunRange(model, options with { Trials = 300 }, design, 0, [parts]);
        RiskSim.Core.Engine.StochasticRunner.RunRange(model, options with { Trials = 200 }, design, 300, [parts]);

        var (i1, y1, b1) = whole.Bits();
        var (i2, y2, b2) = parts.Bits();
        Assert.Equal(i1, i2);
        Assert.Equal(y1, y2);
        Assert.Equal(b1, b2);
    }

    [Fact]
    public void The_accumulator_grows_when_told_to_expect_more_trials()
    {
        var years = RiskSim.Tests.Engine.EngineTestData.Staffordshire.FinancialYears;
        var accumulator = new SummaryAccumulator(years, 300);
        var model = RiskSim.Tests.Engine.EngineTestData.Staffordshire;
        var options = new RiskSim.Core.Engine.RunOptions(300, 21, 2);
        var design = RiskSim.Core.Sampling.InputDesign.Create(RiskSim.Core.Sampling.SamplingMode.MonteCarlo, model.InputDimensions, 21, 300);
        RiskSim.Core.Engine.StochasticRunner.RunRange(model, options, design, 0, [accumulator]);
        Assert.Throws<InvalidOperationException>(() => RiskSim.Core.Engine.StochasticRunner.RunRange(model, options with { Trials = 10 }, design, 300, [accumulator]));

        var fresh = new SummaryAccumulator(years, 300);
        RiskSim.Core.Engine.StochasticRunner.RunRange(model, options, design, 0, [fresh]);
        fresh.Expect(200);
        RiskSim.Core.Engine.StochasticRunner.RunRange(model, options with { Trials = 200 }, design, 300, [fresh]);
        var grown = fresh.Build();

        var once = new SummaryAccumulator(years, 500);
        RiskSim.Core.Engine.StochasticRunner.Run(model, options with { Trials = 500 }, [once]);
        Assert.Equal(once.Build(), grown);
    }
}
