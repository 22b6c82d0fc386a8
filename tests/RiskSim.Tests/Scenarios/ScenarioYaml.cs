namespace RiskSim.Tests.Scenarios;

/// <summary>
/// A small valid scenario used by the loader tests, and a helper to break it in one place.
/// Line numbers asserted by the error tests refer to this text: keep its layout stable.
/// </summary>
internal static class ScenarioYaml
{
    public const string FileName = "testshire.yaml";

    /// <summary>Three types, both spend forms, every effect kind, workforce saving, a pressure and reference data.</summary>
    public const string Valid = """
        schema: risksim/scenario/1
        name: Testshire 2019
        description: A small scenario for the loader tests.
        horizon:
          start: 2019-04
          end: 2022-03
          fy_start_month: 4
        stock:
          total: 500
          mix_concentration: 200
        entries:
          per_month: {dist: normal, mean: 30, sd: 4, min: 0}
          annual_growth: 0.02
          rate_multiplier: {dist: uniform, min: 0.9, max: 1.1}
          mix_concentration: 100
        placement_types:
          - id: residential
            label: Children's homes
            stock_share: 0.2
            entry_share: 0.1
            weekly_cost_gbp: {dist: pert, min: 3830, mode: 4200, max: 4639}
            unit_cost_inflation: 0.03
            exit_rate: 0.03
            source: paper table 2
          - id: ifa
            label: Independent fostering
            stock_share: 0.3
            entry_share: 0.3
            weekly_cost_gbp: {dist: lognormal, median: 900, sigma: 0.1}
            exit_rate: {dist: uniform, min: 0.025, max: 0.035}
          - id: in_house
            label: In-house fostering
            stock_share: 0.5
            entry_share: 0.6
            weekly_cost_gbp: 400
            exit_rate: {dist: triangular, min: 0.02, mode: 0.025, max: 0.04, plan: 0.03}
        step_downs:
          - from: residential
            to: ifa
            monthly_rate: 0.01
        investment_lines:
          - id: edge_of_care
            label: Edge of care team
            planned_start: 2019-07
            posts:
              count: 6
              annual_cost_gbp: 45000
              end: 2022-03
            recruitment_delay_months: {dist: pert, min: 0, mode: 2, max: 9, plan: 0}
            agency_cover_ratio: 1.245
          - id: fostering_recruitment
            label: Foster carer recruitment
            planned_start: 2019-04
            amounts_gbp_by_fy:
              2019/20: 100000
              2020/21: 150000
              2021/22: 150000
        effects:
          - id: diversion
            kind: entry_diversion
            lines: [edge_of_care]
            start: 2019-10
            ramp_months: 6
            size: {dist: pert, min: 0, mode: 0.1, max: 0.2}
          - id: more_exits
            kind: exit_uplift
            lines: [edge_of_care]
            start: 2019-10
            end: 2021-09
            size: 0.2
            types: [residential]
          - id: resi_to_fostering
            kind: step_down
            lines: [fostering_recruitment]
            start: 2020-01
            ramp_months: 12
            size: {dist: uniform, min: 0, max: 0.02}
            from: residential
            to: in_house
          - id: hold_in_house
            kind: one_in_one_out
            lines: []
            start: 2020-04
            types: [in_house]
        workforce_saving:
          amounts_gbp_by_fy:
            2020/21: 50000
            2021/22: 80000
          scales_with_lac_reduction: false
        pressures:
          - id: overspend
            label: Forecast overspend
            amounts_gbp_by_fy:
              2020/21: {dist: normal, mean: 500000, sd: 100000}
              2021/22: -200000
        reference:
          rows:
            investment_gbp:
              2019/20: 370000
              2020/21: 420000
            position_gbp:
              2021/22: -150000
          lac_milestones:
            - {month: 2019-03, lac: 500}
            - {month: 2022-03, lac: 470}
          breakeven_fy: 2021/22
        """;

    /// <summary>
    /// <see cref="Valid"/> with <paramref name="find"/> (which must occur exactly once) replaced
    /// by <paramref name="replace"/>.
    /// </summary>
    public static string With(string find, string replace)
    {
        int at = Valid.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the base scenario");
        Assert.True(Valid.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"'{find}' occurs more than once");
        return string.Concat(Valid.AsSpan(0, at), replace, Valid.AsSpan(at + find.Length));
    }
}
