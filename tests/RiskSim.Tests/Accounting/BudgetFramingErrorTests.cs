using RiskSim.Scenarios;
using RiskSim.Tests.Scenarios;

namespace RiskSim.Tests.Accounting;

/// <summary>Mistakes in the budget framing and in reference rows are located errors, one per mistake.</summary>
public sealed class BudgetFramingErrorTests
{
    /// <summary>The base scenario's first reference row, to be replaced by a broken one.</summary>
    private const string InvestmentRow = "    investment_gbp:\n      2019/20: 370000\n      2020/21: 420000\n";

    public static TheoryData<string, string, string, string> Cases { get; } = new()
    {
        {
            "unknown basis",
            "    investment_gbp: {basis: increments, amounts_gbp_by_fy: {2019/20: 1}}\n",
            "reference.rows.investment_gbp.basis",
            "expected 'level' (each FY's value is the row's level) or 'increment'"
        },
        {
            "increment row with a gap",
            "    investment_gbp: {basis: increment, amounts_gbp_by_fy: {2019/20: 1, 2021/22: 1}}\n",
            "reference.rows.investment_gbp.amounts_gbp_by_fy",
            "2020/21 is missing"
        },
        {
            "structured row without amounts",
            "    investment_gbp: {basis: increment}\n",
            "reference.rows.investment_gbp.amounts_gbp_by_fy",
            "missing required field 'amounts_gbp_by_fy'"
        },
        {
            "structured row with an unknown key",
            "    investment_gbp: {basis: level, amounts_gbp_by_fy: {2019/20: 1}, unit: k}\n",
            "reference.rows.investment_gbp.unit",
            "unknown field 'unit'"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_reference_row_is_reported_at_its_node(string mistake, string row, string path, string fragment)
    {
        string yaml = ScenarioYaml.With(InvestmentRow, row);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, ScenarioYaml.FileName));
        var error = Assert.Single(e.Errors);
        Assert.True(error.Path == path, $"{mistake}: {error}");
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BudgetCases { get; } = new()
    {
        { "budget:\n  funded_growth: do_something\n", "budget.funded_growth", "expected 'do_nothing'" },
        { "budget:\n  funded_growth: {amounts_gbp_by_fy: {2030/31: 5}}\n", "budget.funded_growth.amounts_gbp_by_fy.2030/31", "outside the horizon" },
        { "budget:\n  baseline_gbp_by_fy: {2019/20: -5}\n", "budget.baseline_gbp_by_fy.2019/20", "from 0 to" },
        { "budget:\n  labels: {positon_gbp: Net}\n", "budget.labels.positon_gbp", "unknown metric 'positon_gbp'" },
        { "budget:\n  baseline: 5\n", "budget.baseline", "unknown field 'baseline'" },
        {
            "budget:\n  contingency:\n    - {id: c, label: A, amounts_gbp_by_fy: {2019/20: 1}}\n    - {id: c, label: B, amounts_gbp_by_fy: {2019/20: 1}}\n",
            "budget.contingency[1].id",
            "duplicate contingency line id 'c'"
        },
        { "budget:\n  contingency:\n    - {id: c, label: A, amounts_gbp_by_fy: {2019/20: -1}}\n", "budget.contingency[0].amounts_gbp_by_fy.2019/20", "from 0 to" },
    };

    [Theory]
    [MemberData(nameof(BudgetCases))]
    public void A_bad_budget_section_is_reported_at_its_node(string budget, string path, string fragment)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(ScenarioYaml.Valid + "\n" + budget, ScenarioYaml.FileName));
        var error = Assert.Single(e.Errors);
        Assert.True(error.Path == path, error.ToString());
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(ScenarioYaml.FileName + ":", error.ToString(), StringComparison.Ordinal);
    }
}
