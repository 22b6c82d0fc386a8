using System.Globalization;
using System.Text;
using RiskSim.Scenarios;

namespace RiskSim.Tests.Fuzz;

/// <summary>
/// The limits are only right if a scenario at every one of them at once still runs to completion
/// with finite figures: the largest stock, entries, costs, inflation and amounts over the longest
/// horizon, and the smallest concentration.
/// </summary>
public sealed class LimitScenarioTests
{
    [Theory]
    [InlineData("full entries, no growth", "10000", "0", "10")]
    [InlineData("doubling every year for 50 years", "8.8e-12", "1", "10")]
    public void AScenarioAtEveryLimitRunsWithFiniteFigures(string variant, string perMonth, string growth, string multiplier)
    {
        string yaml = AtTheLimits(perMonth, growth, multiplier);
        ScenarioLoader.Parse(yaml, "limits.yaml");

        string? finding = FuzzHarness.Check(Encoding.UTF8.GetBytes(yaml), "limits.yaml", trials: 4);

        Assert.True(finding is null, $"{variant}: {finding}");
    }

    [Fact]
    public void JustOverTheEntryLimitIsRefused()
    {
        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(AtTheLimits("10000", "0", "10.001"), "limits.yaml"));

        Assert.Contains(exception.Errors, e => e.Path == "entries.rate_multiplier");
    }

    /// <summary>A 50-year scenario with every value at its limit (entries as given).</summary>
    private static string AtTheLimits(string perMonth, string growth, string multiplier)
    {
        string Fys(string amount) =>
            "{" + string.Join(", ", Enumerable.Range(2000, 50).Select(y => string.Create(CultureInfo.InvariantCulture, $"{y}/{(y + 1) % 100:D2}: {amount}"))) + "}";

        return $"""
            schema: risksim/scenario/1
            name: at the limits
            horizon: {"{"}start: 2000-04, end: 2050-03{"}"}
            stock: {"{"}total: 1000000, mix_concentration: 1{"}"}
            entries:
              per_month: {perMonth}
              annual_growth: {growth}
              rate_multiplier: {multiplier}
              mix_concentration: 1
            placement_types:
              - {"{"}id: dear, label: Dear, stock_share: 0.999999, entry_share: 0.999999, weekly_cost_gbp: 100000, unit_cost_inflation: 1, exit_rate: 0{"}"}
              - {"{"}id: rare, label: Rare, stock_share: 0.000001, entry_share: 0.000001, weekly_cost_gbp: {"{"}dist: lognormal, median: 0.06, sigma: 3{"}"}, unit_cost_inflation: -0.5, exit_rate: 1{"}"}
            step_downs:
              - {"{"}from: rare, to: dear, monthly_rate: 1{"}"}
            investment_lines:
              - id: big
                label: Big
                planned_start: 2000-04
                amounts_gbp_by_fy: {Fys("1e10")}
                recruitment_delay_months: 600
                agency_cover_ratio: 10
              - id: posts
                label: Posts
                planned_start: 2000-04
                posts: {"{"}count: 10000, annual_cost_gbp: 1000000, end: 2050-03{"}"}
                recruitment_delay_months: {"{"}dist: uniform, min: 0, max: 600{"}"}
                agency_cover_ratio: 10
            effects:
              - {"{"}id: exits, kind: exit_uplift, lines: [big, posts], start: 2000-04, ramp_months: 600, size: 10{"}"}
              - {"{"}id: stop, kind: exit_uplift, lines: [], start: 2000-04, size: -1, types: [dear]{"}"}
              - {"{"}id: divert, kind: entry_diversion, lines: [posts], start: 2000-04, size: 1{"}"}
              - {"{"}id: grow, kind: growth_diversion, lines: [posts], start: 2000-04, size: 1{"}"}
              - {"{"}id: step, kind: step_down, lines: [], start: 2000-04, size: 1, from: dear, to: rare{"}"}
              - {"{"}id: hold, kind: one_in_one_out, lines: [], start: 2000-04, types: [dear, rare]{"}"}
            workforce_saving: {"{"}amounts_gbp_by_fy: {Fys("1e10")}{"}"}
            pressures:
              - {"{"}id: up, label: Up, amounts_gbp_by_fy: {Fys("1e10")}{"}"}
              - {"{"}id: down, label: Down, amounts_gbp_by_fy: {Fys("-1e10")}{"}"}
            reference:
              rows: {"{"}position_gbp: {Fys("-1e10")}{"}"}
              lac_milestones: [{"{"}month: 2000-03, lac: 100000000{"}"}, {"{"}month: 2050-03, lac: 0{"}"}]
            """;
    }
}
