using RiskSim.Calibration;

namespace RiskSim.Tests.Calibration;

/// <summary>Template mistakes are reported with file, line, column and field.</summary>
public sealed class CalibrationTemplateErrorTests
{
    private static string Template(string calibrate) => SyntheticPlan.BodyWithReference() + calibrate;

    [Fact]
    public void A_placeholder_naming_no_parameter_is_located()
    {
        string text = Template(SyntheticPlan.Calibrate("")).Replace("{{UP}}", "{{UPLIFT}}", StringComparison.Ordinal);
        var e = Assert.Throws<CalibrationException>(() => CalibrationTemplate.Parse(text, "t.yaml"));
        int line = text.Split('\n').ToList().FindIndex(l => l.Contains("{{UPLIFT}}", StringComparison.Ordinal)) + 1;
        Assert.StartsWith($"t.yaml:{line}:", e.Message, StringComparison.Ordinal);
        Assert.Contains("UPLIFT", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_start_outside_the_bounds_is_located_in_the_block()
    {
        string text = Template(SyntheticPlan.Calibrate("")).Replace("STEP: {start: 0.3, min: 0, max: 1}", "STEP: {start: 1.5, min: 0, max: 1}", StringComparison.Ordinal);
        var e = Assert.Throws<CalibrationException>(() => CalibrationTemplate.Parse(text, "t.yaml"));
        int line = text.Split('\n').ToList().FindIndex(l => l.Contains("STEP: {start: 1.5", StringComparison.Ordinal)) + 1;
        Assert.StartsWith($"t.yaml:{line}:", e.Message, StringComparison.Ordinal);
        Assert.Contains("calibrate.parameters.STEP", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_target_and_a_missing_block_are_refused()
    {
        string text = Template(SyntheticPlan.Calibrate("")).Replace("placements_saving_gbp: {relative", "placement_savings: {relative", StringComparison.Ordinal);
        var e = Assert.Throws<CalibrationException>(() => CalibrationTemplate.Parse(text, "t.yaml"));
        Assert.Contains("calibrate.targets.placement_savings", e.Message, StringComparison.Ordinal);

        var none = Assert.Throws<CalibrationException>(() => CalibrationTemplate.Parse(SyntheticPlan.BodyWithReference(), "t.yaml"));
        Assert.Contains("calibrate:", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_error_at_the_start_values_keeps_the_template_line()
    {
        // An entry step of −2 is outside its domain: the scenario loader reports it at the template's own line.
        string text = Template(SyntheticPlan.Calibrate("")).Replace("STEP: {start: 0.3, min: 0, max: 1}", "STEP: {start: -2, min: -3, max: 1}", StringComparison.Ordinal);
        var template = CalibrationTemplate.Parse(text, "t.yaml");
        var e = Assert.Throws<CalibrationException>(() => Calibrator.Fit(template));
        int line = text.Split('\n').ToList().FindIndex(l => l.Contains("step: {month", StringComparison.Ordinal)) + 1;
        Assert.Contains($"t.yaml:{line}:", e.Message, StringComparison.Ordinal);
        Assert.Contains("entries.step.size", e.Message, StringComparison.Ordinal);
    }
}
