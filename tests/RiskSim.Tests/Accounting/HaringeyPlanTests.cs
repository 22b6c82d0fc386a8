using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Core.Time;
using RiskSim.Scenarios;

namespace RiskSim.Tests.Accounting;

/// <summary>
/// Plan mode reproduces Haringey's LAC &amp; Sufficiency savings (Cabinet 17 March 2015, Table 3, para
/// 21.4.4). The targets are typed in from the paper, not read from the scenario's reference block.
/// </summary>
public sealed class HaringeyPlanTests
{
    private static readonly string HaringeyPath = Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "haringey-2015.yaml");

    private static readonly Lazy<(Scenario Scenario, PlanResult Plan)> Result = new(() =>
    {
        var scenario = ScenarioLoader.Parse(File.ReadAllBytes(HaringeyPath), "haringey-2015.yaml");
        return (scenario, PlanRunner.Run(CompiledModel.Compile(scenario)));
    });

    /// <summary>Table 3: £2,000k, £2,000k, £1,100k of new savings a year, as levels.</summary>
    [Theory]
    [InlineData(0, "2015/16", 2_000_000)]
    [InlineData(1, "2016/17", 4_000_000)]
    [InlineData(2, "2017/18", 5_100_000)]
    public void Placements_saving_is_within_5_percent_of_table_3_as_levels(int fy, string label, double level)
    {
        var plan = Result.Value.Plan;
        Assert.Equal(label, plan.FinancialYears[fy].Label);
        double saving = plan.Get(fy, Metric.PlacementsSavingGbp);
        Assert.InRange(saving / level - 1, -0.05, 0.05);
    }

    [Fact]
    public void The_reference_row_is_given_as_increments_and_held_as_the_same_levels()
    {
        var reference = Result.Value.Scenario.Reference!;
        Assert.Equal(ReferenceBasis.Increment, reference.BasisOf("placements_saving_gbp"));
        Assert.Equal([2_000_000, 4_000_000, 5_100_000], reference.Rows["placements_saving_gbp"].OrderBy(p => p.Key.StartYear).Select(p => p.Value));
    }

    /// <summary>Para 21.4.4: a 5 % reduction in 2015/16 and 25 % over three years, from 451 at 31 March 2015.</summary>
    [Theory]
    [InlineData(2016, 451 * 0.95)]
    [InlineData(2018, 451 * 0.75)]
    public void Lac_follows_para_21_4_4_within_1_percent(int marchOfYear, double lac) =>
        Assert.InRange(Result.Value.Plan.LacAtEndOf(new YearMonth(marchOfYear, 3)) / lac - 1, -0.01, 0.01);

    [Fact]
    public void The_position_is_the_mtfs_shortfall_and_is_nil_in_plan()
    {
        var plan = Result.Value.Plan;
        for (int f = 0; f < 3; f++)
        {
            Assert.InRange(plan.Get(f, Metric.PositionGbp), -0.05 * 5_100_000, 0.05 * 5_100_000);
        }
    }
}
