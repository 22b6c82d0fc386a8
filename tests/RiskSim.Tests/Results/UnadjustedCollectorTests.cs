using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Tests.Cli;
using RiskSim.Tests.Engine;

namespace RiskSim.Tests.Results;

/// <summary>
/// The unadjusted pass keeps two figures a trial instead of a spilled summary of every column: its
/// outcome must be bit for bit what a <see cref="SummaryAccumulator"/> of the same trials gives.
/// </summary>
public sealed class UnadjustedCollectorTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(700)] // several blocks, and the collector grows past its first size
    [InlineData(4096)]
    public void The_outcome_equals_the_full_summary_of_the_same_trials(int blockSize)
    {
        var model = EngineTestData.Staffordshire;
        const int trials = 2500;
        var years = model.FinancialYears;
        int last = years.Count - 1;
        using var accumulator = new SummaryAccumulator(years, trials, temp.Path);
        var collector = new UnadjustedCollector(expectedTrials: 100);
        StochasticRunner.Run(model, new RunOptions(trials, 17, 2, BlockSize: blockSize), [accumulator, collector]);
        Assert.Equal(trials, collector.Count);

        var rows = accumulator.Build();
        // A plan near the middle of the distribution, so the coverage is neither 0 nor 1.
        double plan = rows.Single(r => r.Fy == years[last] && r.Metric == Metric.CumulativePositionGbp.ColumnName()).P50 + 1234.5;
        var outcome = collector.Build(years, plan);

        var horizon = rows.Single(r => r.Fy == years[last] && r.Metric == Metric.CumulativePositionGbp.ColumnName());
        Assert.Equal(horizon.P50, outcome.P50);
        Assert.Equal(horizon.P80, outcome.P80);
        Assert.Equal(horizon.P90, outcome.P90);
        Assert.Equal(horizon.P80Ci, outcome.P80Ci);
        Assert.Equal(ContingencyCoverage.Of(accumulator, plan, 0), outcome.PlanCoverage);
        Assert.InRange(outcome.PlanCoverage.Share, 0.3, 0.7);
        for (int fy = 0; fy < years.Count; fy++)
        {
            var flags = rows.Single(r => r.Fy == years[fy] && r.Metric == SummaryAccumulator.BreakevenByFyMetric);
            Assert.Equal(flags.Mean, outcome.BreakevenByFy[fy]);
        }
    }

    [Fact]
    public void An_empty_collector_has_no_outcome()
    {
        var collector = new UnadjustedCollector(0);
        Assert.Throws<InvalidOperationException>(() => collector.Build(EngineTestData.Staffordshire.FinancialYears, 0));
    }
}
