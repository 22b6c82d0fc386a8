using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Scenarios;

namespace RiskSim.Calibration;

/// <summary>
/// Fits a template's parameters so that plan mode meets the scenario's own reference rows and
/// LAC milestones: Nelder–Mead (MathNet.Numerics) on Σ (error / tolerance)² plus an optional
/// roughness penalty on the do-nothing LAC path, each parameter searched on a logistic scale
/// inside its bounds. Deterministic: the same template gives the same values.
/// </summary>
public static class Calibrator
{
    private const double InvalidLoss = 1e12;

    /// <summary>Runs the fit.</summary>
    /// <param name="template">The template.</param>
    /// <param name="progress">Receives one line per finished round (may be null).</param>
    /// <exception cref="CalibrationException">The scenario at the start values does not load, or has no reference.</exception>
    public static CalibrationResult Fit(CalibrationTemplate template, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        var parameters = template.Parameters;
        var values = parameters.ToDictionary(p => p.Name, p => p.Start, StringComparer.Ordinal);

        // The start must load: its errors are the user's, located in the template.
        var (startScenario, _) = Load(template, values);
        if (startScenario.Reference is not { } reference)
        {
            throw new CalibrationException($"{template.File}: the scenario has no reference block: nothing to fit to");
        }

        CheckTargets(template, reference);
        int evaluations = 0;
        var y = Vector<double>.Build.DenseOfEnumerable(parameters.Select(p => ToFree(p, p.Start)));
        foreach (var stage in template.Stages)
        {
            int[] free = stage.Fit.Select(n => parameters.ToList().FindIndex(p => p.Name == n)).ToArray();
            var targets = stage.Targets.Count == 0 ? null : stage.Targets.ToHashSet(StringComparer.Ordinal);
            double Loss(Vector<double> z)
            {
                evaluations++;
                var full = y.Clone();
                for (int i = 0; i < free.Length; i++)
                {
                    full[free[i]] = z[i];
                }

                return Evaluate(template, Decode(parameters, full), targets)?.Loss ?? InvalidLoss;
            }

            var objective = ObjectiveFunction.Value(Loss);
            var startPoints = new List<Vector<double>> { Vector<double>.Build.DenseOfEnumerable(free.Select(i => y[i])) };
            foreach (var point in stage.Starts)
            {
                startPoints.Add(Vector<double>.Build.DenseOfEnumerable(free.Select(i =>
                    point.TryGetValue(parameters[i].Name, out double v) ? ToFree(parameters[i], v) : y[i])));
            }

            Vector<double>? z = null;
            double best = double.PositiveInfinity;
            for (int s = 0; s < startPoints.Count; s++)
            {
                var candidate = startPoints[s];
                double loss = double.PositiveInfinity;
                for (int round = 0; round < 4; round++)
                {
                    // Restarting from the last minimum with a fresh simplex escapes the simplex collapsing on a kink.
                    var found = new NelderMeadSimplex(1e-10, 20_000).FindMinimum(objective, candidate, Vector<double>.Build.Dense(candidate.Count, 0.3));
                    candidate = found.MinimizingPoint;
                    loss = found.FunctionInfoAtMinimum.Value;
                    progress?.Invoke(string.Create(
                        CultureInfo.InvariantCulture,
                        $"stage {string.Join(", ", stage.Fit)}, start {s + 1} of {startPoints.Count}: round {round + 1}, loss {loss:0.0000} after {found.Iterations} iterations"));
                }

                if (loss < best)
                {
                    best = loss;
                    z = candidate;
                }
            }

            for (int i = 0; i < free.Length; i++)
            {
                y[free[i]] = z![i];
            }
        }

        var fitted = Decode(parameters, y);
        var final = Evaluate(template, fitted, null) ?? throw new CalibrationException($"{template.File}: the fitted values do not give a valid scenario");
        return new CalibrationResult(
            fitted, final.Rows, final.Loss, final.Roughness, final.Scenario, final.Plan, template.Fill(fitted, forOutput: true), evaluations);
    }

    /// <summary>Plan mode with given values; null when the filled scenario does not load.</summary>
    internal static Evaluation? Evaluate(CalibrationTemplate template, IReadOnlyDictionary<string, double> values, IReadOnlySet<string>? only)
    {
        Scenario scenario;
        PlanResult plan;
        try
        {
            (scenario, plan) = Load(template, values);
        }
        catch (CalibrationException)
        {
            return null;
        }

        var rows = Targets.Rows(template, scenario.Reference!, plan);
        double loss = 0;
        foreach (var row in rows)
        {
            if (only is null || only.Contains(row.Target))
            {
                double z = row.Error / row.Tolerance;
                loss += z * z;
            }
        }

        double roughness = template.RoughnessWeight * Targets.Roughness(plan);
        return new Evaluation(scenario, plan, rows, loss + roughness, roughness);
    }

    private static (Scenario, PlanResult) Load(CalibrationTemplate template, IReadOnlyDictionary<string, double> values)
    {
        try
        {
            var scenario = ScenarioLoader.Parse(template.Fill(values, forOutput: false), template.File);
            return (scenario, PlanRunner.Run(CompiledModel.Compile(scenario)));
        }
        catch (ScenarioException e)
        {
            throw new CalibrationException(
                string.Create(CultureInfo.InvariantCulture, $"with the values {Describe(values)}: ") + e.Message, e);
        }
        catch (ArgumentException e)
        {
            throw new CalibrationException($"{template.File}: with the values {Describe(values)}: {e.Message}", e);
        }
    }

    private static void CheckTargets(CalibrationTemplate template, ReferenceData reference)
    {
        foreach (var t in template.Targets)
        {
            bool present = t.Target == TargetTolerance.LacMilestones ? reference.LacMilestones.Count > 0 : reference.Rows.ContainsKey(t.Target);
            if (!present)
            {
                throw new CalibrationException($"{template.File}: calibrate.targets.{t.Target}: the scenario's reference block has no {t.Target}");
            }
        }
    }

    private static string Describe(IReadOnlyDictionary<string, double> values) =>
        string.Join(", ", values.Select(kv => kv.Key + " = " + Placeholder.Format(kv.Value)));

    private static double ToFree(CalibrationParameter p, double x)
    {
        double u = (x - p.Min) / (p.Max - p.Min);
        return Math.Log(u / (1 - u));
    }

    private static Dictionary<string, double> Decode(IReadOnlyList<CalibrationParameter> parameters, Vector<double> y)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            double x = p.Min + ((p.Max - p.Min) / (1 + Math.Exp(-y[i])));

            // Rounded as the file will hold it, so the reported fit is the written scenario's.
            values[p.Name] = double.Parse(Placeholder.Format(x), CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>One plan-mode evaluation.</summary>
    internal sealed record Evaluation(Scenario Scenario, PlanResult Plan, IReadOnlyList<FitRow> Rows, double Loss, double Roughness);
}
