using RiskSim.Calibration;
using RiskSim.Scenarios;

namespace RiskSim.Tests.Calibration;

/// <summary>
/// Acceptance (issue 8): calibration recovers known parameters within ±2 % from a plan generated
/// with them, starting well away from the truth (growth at a third of it, the step and the
/// diversion at about double, the exit uplift at 40 %).
/// </summary>
public sealed class CalibrationRecoveryTests
{
    [Fact]
    public void Recovers_the_parameters_of_a_synthetic_plan_within_2_percent()
    {
        var template = CalibrationTemplate.Parse(SyntheticPlan.BodyWithReference() + SyntheticPlan.Calibrate(""), "synthetic.template.yaml");
        var result = Calibrator.Fit(template);

        foreach (var (name, truth) in SyntheticPlan.Truth)
        {
            double fitted = result.Values[name];
            Assert.True(Math.Abs((fitted / truth) - 1) <= 0.02, $"{name}: fitted {fitted}, true {truth}");
        }

        Assert.All(result.Rows, r => Assert.True(r.Within, $"{r.Target} {r.When}: {r.Fitted} vs {r.Paper} ± {r.Tolerance}"));
    }

    [Fact]
    public void The_written_scenario_has_the_fitted_values_and_no_calibrate_block()
    {
        var template = CalibrationTemplate.Parse(SyntheticPlan.BodyWithReference() + SyntheticPlan.Calibrate(""), "synthetic.template.yaml");
        var values = SyntheticPlan.Truth;
        string text = template.Fill(values, forOutput: true);

        Assert.DoesNotContain("calibrate:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        var scenario = ScenarioLoader.Parse(text, "out.yaml");
        Assert.Equal(0.15, scenario.Demand.Step!.Size.Plan);
        Assert.Equal(0.03, scenario.Demand.AnnualGrowth.Plan);
    }

    [Fact]
    public void Staged_fit_with_extra_starts_also_recovers_the_truth()
    {
        const string stages = """
              stages:
                - {fit: [GROWTH, STEP], targets: [avoidance_of_growth_gbp]}
                - fit: [DIV, UP]
                  starts:
                    - {DIV: 0.05, UP: 0.5}
            """;
        var template = CalibrationTemplate.Parse(SyntheticPlan.BodyWithReference() + SyntheticPlan.Calibrate(stages), "synthetic.template.yaml");
        var result = Calibrator.Fit(template);
        foreach (var (name, truth) in SyntheticPlan.Truth)
        {
            Assert.True(Math.Abs((result.Values[name] / truth) - 1) <= 0.02, $"{name}: fitted {result.Values[name]}, true {truth}");
        }
    }
}
