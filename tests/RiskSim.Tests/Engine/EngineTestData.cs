using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Core.Random;
using RiskSim.Core.Results;
using RiskSim.Core.Sampling;
using RiskSim.Scenarios;

namespace RiskSim.Tests.Engine;

/// <summary>Scenarios and helpers shared by the engine tests.</summary>
internal static class EngineTestData
{
    /// <summary>The Staffordshire scenario, copied to the test output directory by the test project.</summary>
    public static string StaffordshirePath { get; } =
        Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "staffordshire-2019.yaml");

    public static string StaffordshireText => File.ReadAllText(StaffordshirePath);

    private static readonly Lazy<CompiledModel> StaffordshireModel = new(() => Compile(StaffordshireText, StaffordshirePath));

    /// <summary>The compiled Staffordshire scenario (compiled once; models are read-only).</summary>
    public static CompiledModel Staffordshire => StaffordshireModel.Value;

    public static Scenario Parse(string text, string fileName = "inline.yaml") => ScenarioLoader.Parse(text, fileName);

    public static CompiledModel Compile(string text, string fileName = "inline.yaml") => CompiledModel.Compile(Parse(text, fileName));

    /// <summary>
    /// A small scenario exercising every engine feature: 4 types with different exit rates and costs,
    /// unit-cost inflation, baseline step-downs (one uncertain), annual growth, sampled mixes, posts
    /// with agency cover and an FY-amounts line, every effect kind (entry and growth diversion, exit
    /// uplift on some types, a step-down uplift, one-in-one-out), workforce saving and a pressure.
    /// Residential is held by one-in-one-out from 2021-04; it is the source of step-downs but never
    /// a destination, and it is small (20 children) against ~30 entries a month, so entries always
    /// suffice to replace its leavers.
    /// </summary>
    public const string Smallshire = """
        schema: risksim/scenario/1
        name: smallshire
        horizon:
          start: 2020-04
          end: 2023-03
          fy_start_month: 4
        stock:
          total: 400
          mix_concentration: 200
        entries:
          per_month: {dist: pert, min: 28, mode: 32, max: 40}
          annual_growth: {dist: uniform, min: 0.02, max: 0.08, plan: 0.05}
          rate_multiplier: 1
          mix_concentration: 100
        placement_types:
          - id: residential
            label: Children's homes
            stock_share: 0.05
            entry_share: 0.1
            weekly_cost_gbp: {dist: pert, min: 3800, mode: 4200, max: 5000}
            unit_cost_inflation: 0.03
            exit_rate: {dist: uniform, min: 0.02, max: 0.04}
          - id: ifa
            label: Independent fostering
            stock_share: 0.35
            entry_share: 0.3
            weekly_cost_gbp: 850
            exit_rate: 0.03
          - id: in_house
            label: In-house fostering
            stock_share: 0.4
            entry_share: 0.4
            weekly_cost_gbp: 400
            unit_cost_inflation: 0.02
            exit_rate: 0.025
          - id: kinship
            label: Kinship
            stock_share: 0.2
            entry_share: 0.2
            weekly_cost_gbp: 250
            exit_rate: 0.035
        step_downs:
          - from: residential
            to: ifa
            monthly_rate: 0.01
          - from: ifa
            to: in_house
            monthly_rate: {dist: uniform, min: 0.005, max: 0.015}
        investment_lines:
          - id: edge_of_care
            label: Edge of care team
            planned_start: 2020-07
            posts:
              count: 6
              annual_cost_gbp: 45000
              end: 2023-03
            recruitment_delay_months: {dist: pert, min: 0, mode: 2, max: 9, plan: 0}
            agency_cover_ratio: 1.245
          - id: fostering
            label: Foster carer recruitment
            planned_start: 2020-04
            amounts_gbp_by_fy:
              2020/21: 120000
              2021/22: 150000
              2022/23: 150000
            recruitment_delay_months: {dist: uniform, min: 0, max: 4, plan: 0}
        effects:
          - id: diversion
            kind: entry_diversion
            lines: [edge_of_care]
            start: 2020-07
            ramp_months: 6
            size: {dist: pert, min: 0.05, mode: 0.12, max: 0.2, plan: 0.15}
          - id: early_help
            kind: growth_diversion
            lines: [edge_of_care]
            start: 2020-07
            size: {dist: pert, min: 0.3, mode: 0.6, max: 1.0, plan: 0.8}
          - id: more_exits
            kind: exit_uplift
            lines: [edge_of_care]
            start: 2020-10
            ramp_months: 12
            size: {dist: pert, min: 0.05, mode: 0.15, max: 0.25, plan: 0.2}
            types: [ifa, in_house, kinship]
          - id: resi_step_down
            kind: step_down
            lines: [fostering]
            start: 2021-01
            ramp_months: 6
            size: {dist: uniform, min: 0.005, max: 0.02, plan: 0.015}
            from: residential
            to: ifa
          - id: hold_residential
            kind: one_in_one_out
            lines: []
            start: 2021-04
            types: [residential]
        workforce_saving:
          amounts_gbp_by_fy:
            2021/22: 50000
            2022/23: 100000
        pressures:
          - id: overspend
            label: Forecast overspend
            amounts_gbp_by_fy:
              2020/21: {dist: normal, mean: 500000, sd: 100000}
              2021/22: 300000
              2022/23: 300000
        """;

    /// <summary><paramref name="text"/> with <paramref name="find"/> (which must occur exactly once) replaced.</summary>
    public static string Edit(string text, string find, string replace)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the scenario text");
        Assert.True(text.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"'{find}' occurs more than once");
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }

    /// <summary>The month index at which each FY ends (its last simulated month).</summary>
    public static int[] LastMonthOfFy(CompiledModel model)
    {
        var last = new int[model.FyCount];
        for (int m = 0; m < model.MonthCount; m++)
        {
            last[model.FyOfMonth[m]] = m;
        }

        return last;
    }

    /// <summary>One trial as <see cref="StochasticRunner"/> runs it, with a month trace.</summary>
    public static TracedTrial RunTraced(CompiledModel model, ulong seed, long trial, bool sampleInputs = true)
    {
        var ws = new TrialWorkspace(model);
        var design = sampleInputs ? new MonteCarloDesign(model.InputDimensions, seed) : null;
        Simulator.SetInputs(model, ws, design, trial);
        var rng = Xoshiro256StarStar.ForTrial(seed, trial);
        var trace = new MonthTrace(model.MonthCount, model.Types);
        var yearly = new double[model.FyCount * Metrics.Count];
        int breakeven = Simulator.Run<DrawnFlows>(model, ws, ref rng, scaleWorkforce: true, yearly, trace);
        return new TracedTrial(trace, yearly, breakeven, (double[])ws.StartStock.Clone());
    }

    /// <summary>Plan mode (expected flows, plan inputs) with a month trace.</summary>
    public static TracedTrial RunPlanTraced(CompiledModel model)
    {
        var plan = PlanRunner.RunTraced(model, out var trace, out var ws);
        return new TracedTrial(trace, plan.Yearly.ToArray(), plan.BreakevenFyIndex, (double[])ws.StartStock.Clone());
    }

    public static double Get(double[] yearly, int fy, Metric metric) => yearly[(fy * Metrics.Count) + (int)metric];
}

/// <summary>One traced trial: the month trace, the per-FY rows, the breakeven FY index and the starting stock by type.</summary>
internal sealed record TracedTrial(MonthTrace Trace, double[] Yearly, int Breakeven, double[] StartStock);
