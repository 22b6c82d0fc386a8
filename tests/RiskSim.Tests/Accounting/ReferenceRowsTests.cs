using RiskSim.Core.Accounting;
using RiskSim.Core.Model;
using RiskSim.Core.Time;
using RiskSim.Scenarios;
using RiskSim.Tests.Scenarios;

namespace RiskSim.Tests.Accounting;

/// <summary>Reference rows given as year-on-year increments are converted to levels once, when read.</summary>
public sealed class ReferenceRowsTests
{
    private static readonly FinancialYear Fy15 = new(2015), Fy16 = new(2016), Fy17 = new(2017);

    [Fact]
    public void Haringey_increments_become_the_levels_the_budget_shows()
    {
        var levels = ReferenceRows.LevelsFromIncrements(new Dictionary<FinancialYear, double> { [Fy16] = 2_000_000, [Fy15] = 2_000_000, [Fy17] = 1_100_000 });
        Assert.Equal(2_000_000, levels[Fy15]);
        Assert.Equal(4_000_000, levels[Fy16]);
        Assert.Equal(5_100_000, levels[Fy17]);
    }

    [Fact]
    public void Increments_and_levels_round_trip_and_a_gap_is_refused()
    {
        var increments = new Dictionary<FinancialYear, double> { [Fy15] = 250, [Fy16] = -75.5, [Fy17] = 0 };
        var back = ReferenceRows.IncrementsFromLevels(ReferenceRows.LevelsFromIncrements(increments));
        Assert.Equal(increments.OrderBy(p => p.Key.StartYear), back.OrderBy(p => p.Key.StartYear));

        var gap = new Dictionary<FinancialYear, double> { [Fy15] = 1, [Fy17] = 1 };
        var e = Assert.Throws<ArgumentException>(() => ReferenceRows.LevelsFromIncrements(gap));
        Assert.Contains("2016/17", e.Message, StringComparison.Ordinal);
        Assert.Equal(Fy16, ReferenceRows.FirstGap(gap.Keys));
    }

    [Fact]
    public void The_loader_stores_levels_and_remembers_the_basis()
    {
        string yaml = ScenarioYaml.With(
            "    investment_gbp:\n      2019/20: 370000\n      2020/21: 420000",
            "    investment_gbp: {basis: increment, amounts_gbp_by_fy: {2019/20: 370000, 2020/21: 50000}}\n    roi_gbp: {basis: level, amounts_gbp_by_fy: {2019/20: 1}}");
        var reference = ScenarioLoader.Parse(yaml, ScenarioYaml.FileName).Reference!;
        Assert.Equal(370_000, reference.Rows["investment_gbp"][new FinancialYear(2019)]);
        Assert.Equal(420_000, reference.Rows["investment_gbp"][new FinancialYear(2020)]);
        Assert.Equal(ReferenceBasis.Increment, reference.BasisOf("investment_gbp"));
        Assert.Equal(ReferenceBasis.Level, reference.BasisOf("roi_gbp"));
        Assert.Equal(ReferenceBasis.Level, reference.BasisOf("position_gbp"));
    }
}
