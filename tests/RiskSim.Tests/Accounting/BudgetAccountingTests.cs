using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Scenarios;
using RiskSim.Tests.Scenarios;

namespace RiskSim.Tests.Accounting;

/// <summary>
/// The budget framing changes only the money rows, by the identities of docs/model.md ("Accounting"):
/// the same stocks and costs, a different baseline, released funding and contingency.
/// </summary>
public sealed class BudgetAccountingTests
{
    private static PlanResult Plan(string budget) =>
        PlanRunner.Run(CompiledModel.Compile(ScenarioLoader.Parse(ScenarioYaml.Valid + "\n" + budget, ScenarioYaml.FileName)));

    private static readonly Lazy<PlanResult> Standstill = new(() => Plan(""));

    [Fact]
    public void Without_a_budget_section_the_new_rows_are_zero_and_funding_required_is_the_deficit()
    {
        var plan = Standstill.Value;
        for (int f = 0; f < plan.FinancialYears.Count; f++)
        {
            Assert.Equal(0, plan.Get(f, Metric.GrowthFundingReleasedGbp));
            Assert.Equal(0, plan.Get(f, Metric.ContingencyGbp));
            Assert.Equal(Math.Max(0, plan.Get(f, Metric.PositionGbp)), plan.Get(f, Metric.FundingRequiredGbp));
            double identity = plan.Get(f, Metric.InvestmentGbp) - plan.Get(f, Metric.PlacementsSavingGbp)
                - plan.Get(f, Metric.WorkforceSavingGbp) + plan.Get(f, Metric.PressuresGbp);
            Assert.Equal(identity, plan.Get(f, Metric.PositionGbp), 6);
        }
    }

    [Fact]
    public void Contingency_lines_add_to_the_position_and_nothing_else()
    {
        var plan = Plan("budget:\n  contingency:\n    - {id: a, label: A, amounts_gbp_by_fy: {2020/21: 100000}}\n    - {id: b, label: B, amounts_gbp_by_fy: {2020/21: 50000, 2021/22: 25000}}\n");
        double[] expected = [0, 150_000, 25_000];
        for (int f = 0; f < 3; f++)
        {
            Assert.Equal(expected[f], plan.Get(f, Metric.ContingencyGbp));
            Assert.Equal(Standstill.Value.Get(f, Metric.PositionGbp) + expected[f], plan.Get(f, Metric.PositionGbp), 6);
            Assert.Equal(Standstill.Value.Get(f, Metric.PlacementsSavingGbp), plan.Get(f, Metric.PlacementsSavingGbp));
        }
    }

    [Fact]
    public void Funded_do_nothing_growth_is_released_so_the_position_is_roi_plus_pressures()
    {
        var plan = Plan("budget:\n  funded_growth: do_nothing\n");
        for (int f = 0; f < 3; f++)
        {
            Assert.Equal(plan.Get(f, Metric.AvoidanceOfGrowthGbp), plan.Get(f, Metric.GrowthFundingReleasedGbp));
            Assert.Equal(plan.Get(f, Metric.RoiGbp) + plan.Get(f, Metric.PressuresGbp), plan.Get(f, Metric.PositionGbp), 6);
        }

        // The scenario's entries grow 2 % a year, so the release is real money by the last FY.
        Assert.True(plan.Get(2, Metric.GrowthFundingReleasedGbp) > 100_000);
    }

    [Fact]
    public void Stated_growth_funding_and_a_baseline_follow_spend_minus_budget()
    {
        var plan = Plan("budget:\n  baseline_gbp_by_fy: {2020/21: 20000000}\n  funded_growth: {amounts_gbp_by_fy: {2021/22: 300000}}\n");
        var stand = Standstill.Value;

        // 2020/21: the baseline replaces the standstill; the stocks and costs are untouched.
        Assert.Equal(20_000_000, plan.Get(1, Metric.CostStandstillGbp));
        Assert.Equal(stand.Get(1, Metric.CostProgrammeGbp), plan.Get(1, Metric.CostProgrammeGbp));
        Assert.Equal(20_000_000 - plan.Get(1, Metric.CostProgrammeGbp), plan.Get(1, Metric.PlacementsSavingGbp), 6);
        Assert.Equal(stand.Get(0, Metric.CostStandstillGbp), plan.Get(0, Metric.CostStandstillGbp));

        // Position = investment + programme cost − (baseline + funded growth) − workforce + pressures.
        for (int f = 0; f < 3; f++)
        {
            double spendMinusBudget = plan.Get(f, Metric.InvestmentGbp) + plan.Get(f, Metric.CostProgrammeGbp)
                - (plan.Get(f, Metric.CostStandstillGbp) + plan.Get(f, Metric.GrowthFundingReleasedGbp))
                - plan.Get(f, Metric.WorkforceSavingGbp) + plan.Get(f, Metric.PressuresGbp);
            Assert.Equal(spendMinusBudget, plan.Get(f, Metric.PositionGbp), 5);
        }

        Assert.Equal(300_000, plan.Get(2, Metric.GrowthFundingReleasedGbp));
        Assert.Equal(stand.Get(2, Metric.PositionGbp) - 300_000, plan.Get(2, Metric.PositionGbp), 6);
    }

    [Fact]
    public void An_uncertain_baseline_is_a_trials_column()
    {
        var model = CompiledModel.Compile(ScenarioLoader.Parse(
            ScenarioYaml.Valid + "\nbudget:\n  baseline_gbp_by_fy: {2020/21: {dist: uniform, min: 19000000, max: 21000000}}\n", ScenarioYaml.FileName));
        Assert.Contains("budget_baseline_2020_21_gbp", model.InputColumns);
    }

    [Fact]
    public void A_one_fy_horizon_runs()
    {
        string yaml = ScenarioYaml.Valid[..ScenarioYaml.Valid.IndexOf("step_downs:", StringComparison.Ordinal)]
            .Replace("end: 2022-03", "end: 2020-03", StringComparison.Ordinal);
        var plan = PlanRunner.Run(CompiledModel.Compile(ScenarioLoader.Parse(yaml, ScenarioYaml.FileName)));
        Assert.Single(plan.FinancialYears);
        Assert.Equal("2019/20", plan.FinancialYears[0].Label);
        Assert.True(plan.Get(0, Metric.LacEnd) > 0);
    }
}
