using RiskSim.Core.Engine;
using RiskSim.Core.Sampling;
using RiskSim.Core.Uncertainty;
using RiskSim.Scenarios;

namespace RiskSim.Tests.Scenarios;

/// <summary>The scenario format's uncertainty features: correlations, risk events and the newer distributions.</summary>
public sealed class UncertaintyFormatTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("risksim-format-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Append(string yaml) => ScenarioYaml.Valid + "\n" + yaml.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static ScenarioError[] Errors(string text)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, ScenarioYaml.FileName));
        return [.. e.Errors];
    }

    [Fact]
    public void Correlations_and_repair_are_read_and_reach_the_copula()
    {
        var scenario = ScenarioLoader.Parse(Append("""
            correlations:
              - {inputs: [entries_rate_multiplier, residential_weekly_cost_gbp], rank: 0.6, source: assumption}
            correlation_repair: nearest
            """), ScenarioYaml.FileName);
        Assert.Single(scenario.Correlations);
        Assert.Equal(0.6, scenario.Correlations[0].Rank);
        Assert.True(scenario.RepairCorrelations);
        var model = CompiledModel.Compile(scenario);
        Assert.NotNull(model.Copula);
        Assert.Equal(2, model.Copula!.Size);
    }

    [Fact]
    public void A_correlation_with_a_bad_rank_or_shape_is_located()
    {
        var errors = Errors(Append("""
            correlations:
              - {inputs: [entries_rate_multiplier], rank: 1.5}
            correlation_repair: maybe
            """));
        Assert.Contains(errors, e => e.Path == "correlations[0].inputs" && e.Message.Contains("two input names", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "correlations[0].rank");
        Assert.Contains(errors, e => e.Path == "correlation_repair" && e.Message.Contains("nearest", StringComparison.Ordinal));
    }

    [Fact]
    public void A_correlation_naming_an_input_that_is_not_sampled_is_refused_with_the_valid_names()
    {
        var scenario = ScenarioLoader.Parse(Append("""
            correlations:
              - {inputs: [entries_rate_multiplier, no_such_input], rank: 0.5}
            """), ScenarioYaml.FileName);
        var e = Assert.Throws<CorrelationException>(() => CompiledModel.Compile(scenario));
        Assert.Contains("no_such_input", e.Message, StringComparison.Ordinal);
        Assert.Contains("residential_weekly_cost_gbp", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_events_are_read_and_become_input_dimensions_and_columns()
    {
        var scenario = ScenarioLoader.Parse(Append("""
            risk_events:
              - id: inadequate_inspection
                label: Ofsted judges the service inadequate
                probability_per_fy: 0.1
                impact: {input: entries_rate_multiplier, multiply: 1.15, months: 12}
                source: assumption
            """), ScenarioYaml.FileName);
        var ev = Assert.Single(scenario.RiskEvents);
        Assert.Equal(("inadequate_inspection", 0.1, "entries_rate_multiplier", 1.15, 12), (ev.Id, ev.ProbabilityPerFy, ev.Input, ev.Multiply, ev.Months));
        var model = CompiledModel.Compile(scenario);
        Assert.Equal(["event_inadequate_inspection_fy"], model.EventColumns);
        Assert.Equal(model.InputColumns.Count + model.FinancialYears.Count, model.InputDimensions.Count);
    }

    [Fact]
    public void A_risk_event_with_bad_fields_is_located()
    {
        var errors = Errors(Append("""
            risk_events:
              - id: x
                probability_per_fy: 1.2
                impact: {input: family_group_conferencing_recruitment_delay_months, multiply: 0, months: 0}
            """));
        Assert.Contains(errors, e => e.Path == "risk_events[0].probability_per_fy");
        Assert.Contains(errors, e => e.Path == "risk_events[0].impact.input" && e.Message.Contains("entries_rate_multiplier", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "risk_events[0].impact.multiply");
        Assert.Contains(errors, e => e.Path == "risk_events[0].impact.months");
    }

    [Fact]
    public void Discrete_beta_and_gamma_values_are_read()
    {
        var scenario = ScenarioLoader.Parse(ScenarioYaml.Valid
            .Replace("rate_multiplier: {dist: uniform, min: 0.9, max: 1.1}", "rate_multiplier: {dist: discrete, values: [0.9, 1.0, 1.2], probabilities: [0.25, 0.5, 0.25]}", StringComparison.Ordinal)
            .Replace("per_month: {dist: normal, mean: 30, sd: 4, min: 0}", "per_month: {dist: gamma, shape: 56.25, scale: 0.5333}", StringComparison.Ordinal)
            .Replace("annual_growth: 0.02", "annual_growth: {dist: beta, alpha: 2, beta: 5, min: 0, max: 0.07}", StringComparison.Ordinal), ScenarioYaml.FileName);
        Assert.IsType<DiscreteDistribution>(scenario.Demand.RateMultiplier.Distribution);
        Assert.IsType<GammaDistribution>(scenario.Demand.EntriesPerMonth!.Distribution);
        Assert.IsType<BetaDistribution>(scenario.Demand.AnnualGrowth.Distribution);
        Assert.Equal(1.0, scenario.Demand.RateMultiplier.Plan);
    }

    [Fact]
    public void Discrete_probabilities_must_match_the_values()
    {
        var errors = Errors(ScenarioYaml.Valid.Replace(
            "rate_multiplier: {dist: uniform, min: 0.9, max: 1.1}",
            "rate_multiplier: {dist: discrete, values: [0.9, 1.0], probabilities: [0.5, 0.3, 0.2]}",
            StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "entries.rate_multiplier.probabilities");
    }

    [Fact]
    public void An_empirical_distribution_resamples_a_CSV_column_next_to_the_scenario()
    {
        File.WriteAllText(Path.Combine(folder, "costs.csv"), "provider,weekly_cost_gbp\nA,4100\nB,3900\nC,5200\n");
        string scenarioPath = Path.Combine(folder, "s.yaml");
        string text = ScenarioYaml.Valid.Replace(
            "weekly_cost_gbp: {dist: pert, min: 3830, mode: 4200, max: 4639}",
            "weekly_cost_gbp: {dist: empirical, file: costs.csv, column: weekly_cost_gbp}",
            StringComparison.Ordinal);
        var scenario = ScenarioLoader.Parse(text, scenarioPath);
        var cost = Assert.IsType<EmpiricalDistribution>(scenario.PlacementTypes[0].WeeklyCostGbp.Distribution);
        Assert.Equal(3, cost.Count);
        Assert.Equal(3900, cost.Minimum);
        Assert.Equal(5200, cost.Maximum);
        Assert.Equal(4100, cost.Plan);

        File.WriteAllText(Path.Combine(folder, "costs.csv"), "provider,weekly_cost_gbp\nA,4100\nB,n/a\n");
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, scenarioPath));
        Assert.Contains(e.Errors, x => x.Path == "placement_types[0].weekly_cost_gbp.file" && x.Message.Contains("line 3", StringComparison.Ordinal) && x.Message.Contains("n/a", StringComparison.Ordinal));

        string missing = text.Replace("costs.csv", "nowhere.csv", StringComparison.Ordinal);
        var m = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(missing, scenarioPath));
        Assert.Contains(m.Errors, x => x.Message.Contains("no such file", StringComparison.Ordinal));

        string wrongColumn = text.Replace("column: weekly_cost_gbp", "column: cost", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "costs.csv"), "provider,weekly_cost_gbp\nA,4100\n");
        var c = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(wrongColumn, scenarioPath));
        Assert.Contains(c.Errors, x => x.Message.Contains("weekly_cost_gbp", StringComparison.Ordinal) && x.Message.Contains("no column 'cost'", StringComparison.Ordinal));
    }
}
