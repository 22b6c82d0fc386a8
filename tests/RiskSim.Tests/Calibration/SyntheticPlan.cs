using System.Globalization;
using System.Text;
using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Scenarios;

namespace RiskSim.Tests.Calibration;

/// <summary>
/// A small synthetic case for calibration tests: a scenario with four placeholders (do-nothing
/// growth and step, an entry diversion, an exit uplift), whose reference rows are plan mode's own
/// output at known values, so a calibration can be checked against the truth.
/// </summary>
internal static class SyntheticPlan
{
    public static readonly IReadOnlyDictionary<string, double> Truth = new Dictionary<string, double>
    {
        ["GROWTH"] = 0.03,
        ["STEP"] = 0.15,
        ["DIV"] = 0.12,
        ["UP"] = 0.25,
    };

    public const string Body = """
        schema: risksim/scenario/1
        name: synthetic-calibration
        horizon: {start: 2020-04, end: 2025-03, fy_start_month: 4}   # test case
        stock: {total: 600}                                          # test case
        entries:
          per_month: 18                                              # steady state 600 × 0.03
          mix: same_as_stock                                         # test case
          annual_growth: {{GROWTH}}                                  # fitted
          step: {month: 2021-04, size: {{STEP}}}                     # fitted
        placement_types:
          - {id: foster, label: Fostering, stock_share: 0.7, weekly_cost_gbp: 500, exit_rate: 0.03}        # test case
          - {id: residential, label: Homes, stock_share: 0.3, weekly_cost_gbp: 4000, exit_rate: 0.03}      # test case
        investment_lines:
          - {id: team, label: Team, planned_start: 2020-07, amounts_gbp_by_fy: {2020/21: 300000, 2021/22: 400000, 2022/23: 400000, 2023/24: 400000, 2024/25: 400000}}  # test case
        effects:
          - {id: divert, kind: entry_diversion, lines: [team], start: 2020-07, ramp_months: 6, size: {{DIV}}}     # fitted
          - {id: exits, kind: exit_uplift, lines: [team], start: 2021-04, ramp_months: 12, size: {{UP}}}         # fitted

        """;

    public static string Calibrate(string starts) => $$"""
        calibrate:
          parameters:
            GROWTH: {start: 0.01, min: -0.1, max: 0.2, says: "do-nothing entries grow {percent} a year", today: 0.02, today_source: "test"}
            STEP: {start: 0.3, min: 0, max: 1}
            DIV: {start: 0.25, min: 0.0001, max: 0.9999}
            UP: {start: 0.1, min: 0.0001, max: 3}
          targets:
            lac_milestones: {relative: 0.001}
            avoidance_of_growth_gbp: {relative: 0.01, absolute: 1000}
            placements_saving_gbp: {relative: 0.01, absolute: 1000}
          roughness: 0
        {{starts}}
        """;

    /// <summary>The body filled with <see cref="Truth"/>, plus a reference block made from its own plan.</summary>
    public static string BodyWithReference()
    {
        string filled = Body;
        foreach (var (name, value) in Truth)
        {
            filled = filled.Replace("{{" + name + "}}", value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var scenario = ScenarioLoader.Parse(filled, "synthetic.yaml");
        var plan = PlanRunner.Run(CompiledModel.Compile(scenario));
        var text = new StringBuilder(Body);
        text.AppendLine("reference:").AppendLine("  rows:");
        foreach (var metric in new[] { Metric.AvoidanceOfGrowthGbp, Metric.PlacementsSavingGbp })
        {
            var cells = plan.FinancialYears.Select((fy, f) => string.Create(CultureInfo.InvariantCulture, $"{fy}: {Math.Round(plan.Get(f, metric))}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"    {metric.ColumnName()}: {{{string.Join(", ", cells)}}}   # synthetic: plan mode at the true values");
        }

        text.AppendLine("  lac_milestones:");
        foreach (string month in new[] { "2021-03", "2023-03", "2025-03" })
        {
            Core.Time.YearMonth.TryParse(month, out var m);
            text.AppendLine(CultureInfo.InvariantCulture, $"    - {{month: {month}, lac: {Math.Round(plan.LacAtEndOf(m), 2)}}}   # synthetic");
        }

        return text.ToString();
    }
}
