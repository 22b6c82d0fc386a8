using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Scenarios;

namespace RiskSim.Tests.Engine;

/// <summary>Issue 8 item 3: a named benefit realisation factor, applied by the run, with an unadjusted pass on common random numbers.</summary>
public sealed class RealisationTests
{
    private const string Block = """
        realisation:
          factor: {dist: pert, min: 0.5, mode: 0.85, max: 1.0, plan: 1.0}
          applies_to: all_effects
          source: "test prior"
        workforce_saving:
        """;

    private static string WithRealisation(string block = Block) =>
        EngineTestData.Edit(EngineTestData.Smallshire, "workforce_saving:", block);

    private static CollectingSink Run(CompiledModel model, RunOptions options)
    {
        var sink = new CollectingSink();
        StochasticRunner.Run(model, options, [sink]);
        return sink;
    }

    [Fact]
    public void The_factor_multiplies_every_effect_size_and_plan_mode_is_unchanged_when_its_plan_is_1()
    {
        var without = EngineTestData.Compile(EngineTestData.Smallshire);
        var with = EngineTestData.Compile(WithRealisation());
        Assert.Contains(Realisation.ColumnName, with.InputColumns);
        var planWithout = PlanRunner.Run(without);
        var planWith = PlanRunner.Run(with);
        int last = planWith.FinancialYears.Count - 1;
        Assert.Equal(planWithout.Get(last, Metric.CumulativePositionGbp), planWith.Get(last, Metric.CumulativePositionGbp));

        // A constant factor of 0.5 halves every size: equal to a scenario whose sizes' plans are halved.
        var half = EngineTestData.Compile(WithRealisation(Block.Replace("{dist: pert, min: 0.5, mode: 0.85, max: 1.0, plan: 1.0}", "0.5")));
        var ws = new TrialWorkspace(half);
        Simulator.SetInputs(half, ws, design: null, trial: 0);
        var wsFull = new TrialWorkspace(without);
        Simulator.SetInputs(without, wsFull, design: null, trial: 0);
        for (int e = 0; e < half.Effects; e++)
        {
            Assert.Equal(0.5 * wsFull.EffectSize[e], ws.EffectSize[e], 12);
        }

        Assert.True(PlanRunner.Run(half).Get(last, Metric.CumulativePositionGbp) > planWith.Get(last, Metric.CumulativePositionGbp));
    }

    [Fact]
    public void Applies_to_a_list_multiplies_only_the_listed_effects()
    {
        var model = EngineTestData.Compile(WithRealisation(Block
            .Replace("{dist: pert, min: 0.5, mode: 0.85, max: 1.0, plan: 1.0}", "0.5")
            .Replace("all_effects", "[diversion]")));
        var plain = EngineTestData.Compile(EngineTestData.Smallshire);
        var ws = new TrialWorkspace(model);
        Simulator.SetInputs(model, ws, design: null, trial: 0);
        var wsPlain = new TrialWorkspace(plain);
        Simulator.SetInputs(plain, wsPlain, design: null, trial: 0);
        for (int e = 0; e < model.Effects; e++)
        {
            double expected = model.Scenario.Effects[e].Id == "diversion" ? 0.5 * wsPlain.EffectSize[e] : wsPlain.EffectSize[e];
            Assert.Equal(expected, ws.EffectSize[e], 12);
        }
    }

    [Fact]
    public void The_unadjusted_pass_equals_a_run_with_the_factor_a_constant_1_bit_for_bit()
    {
        var sampled = EngineTestData.Compile(WithRealisation());
        var constant = EngineTestData.Compile(WithRealisation(Block.Replace("{dist: pert, min: 0.5, mode: 0.85, max: 1.0, plan: 1.0}", "1.0")));
        var options = new RunOptions(300, 7, 2, BlockSize: 64);
        var held = Run(sampled, options with { HeldAtPlan = [Realisation.ColumnName] });
        var one = Run(constant, options);
        Assert.Equal(one.Bits().Yearly, held.Bits().Yearly);
        Assert.Equal(one.Bits().Breakeven, held.Bits().Breakeven);

        // And the adjusted run differs (the factor is below 1 in almost every trial).
        var adjusted = Run(sampled, options);
        int last = adjusted.FyCount - 1;
        double meanAdjusted = Enumerable.Range(0, 300).Average(t => adjusted.Get(t, last, Metric.CumulativePositionGbp));
        double meanHeld = Enumerable.Range(0, 300).Average(t => held.Get(t, last, Metric.CumulativePositionGbp));
        Assert.True(meanAdjusted > meanHeld);
    }

    [Theory]
    [InlineData("applies_to: all_effects", "applies_to: some", "applies_to must be")]
    [InlineData("applies_to: all_effects", "applies_to: [nope]", "unknown effect 'nope'")]
    [InlineData("applies_to: all_effects", "applies_to: [hold_residential]", "one_in_one_out")]
    [InlineData("plan: 1.0}", "plan: 1.0}\n  extra: 1", "extra")]
    [InlineData("source: \"test prior\"", "source: \" \"", "source must say")]
    [InlineData("max: 1.0, plan: 1.0}", "max: 3.0, plan: 1.0}", "realisation.factor")]
    public void A_bad_block_is_reported_at_its_node(string find, string replace, string fragment)
    {
        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(WithRealisation(Block.Replace(find, replace)), "inline.yaml"));
        var error = Assert.Single(exception.Errors);
        Assert.StartsWith("realisation", error.Path, StringComparison.Ordinal);
        Assert.Contains(fragment, error.ToString(), StringComparison.Ordinal);
        Assert.True(error.Line > 0);
    }
}
