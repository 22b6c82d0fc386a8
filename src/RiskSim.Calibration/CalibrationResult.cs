using RiskSim.Core.Model;
using RiskSim.Core.Results;

namespace RiskSim.Calibration;

/// <summary>What a calibration found.</summary>
/// <param name="Values">Fitted value of each parameter (as written to the scenario).</param>
/// <param name="Rows">Every target, paper against fitted.</param>
/// <param name="Loss">Σ (error / tolerance)² over every target, plus the roughness penalty.</param>
/// <param name="RoughnessPenalty">The roughness part of <paramref name="Loss"/>.</param>
/// <param name="Scenario">The fitted scenario.</param>
/// <param name="Plan">Its plan-mode result.</param>
/// <param name="ScenarioText">The fitted scenario file's text (without the calibrate block).</param>
/// <param name="Evaluations">Plan-mode runs the fit took.</param>
public sealed record CalibrationResult(
    IReadOnlyDictionary<string, double> Values,
    IReadOnlyList<FitRow> Rows,
    double Loss,
    double RoughnessPenalty,
    Scenario Scenario,
    PlanResult Plan,
    string ScenarioText,
    int Evaluations)
{
    /// <summary>The target furthest outside its tolerance (largest |error| / tolerance).</summary>
    public FitRow WorstRow => Rows.MaxBy(r => Math.Abs(r.Error) / r.Tolerance)!;
}
