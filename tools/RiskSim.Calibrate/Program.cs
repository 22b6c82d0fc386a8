using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Scenarios;

// Calibrates the Staffordshire template: finds entry rates per FY and four programme effect sizes
// so that plan mode meets domain.md's reproduction targets, then writes the scenario file.
// Usage: dotnet run --project tools/RiskSim.Calibrate -- TEMPLATE OUTPUT
// Loss: each target's error divided by its tolerance, squared and summed (so < 1 per target = inside).
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: RiskSim.Calibrate TEMPLATE.yaml.in OUTPUT.yaml");
    return 2;
}

string template = File.ReadAllText(args[0]);
string[] entryNames = ["E2020", "E2021", "E2022", "E2023", "E2024", "E2025"];

// Parameters: 6 entry rates (log scale), diversion (logit), two exit uplifts (log), step-down rate (log).
Dictionary<string, double> Decode(Vector<double> x)
{
    var p = new Dictionary<string, double>();
    for (int i = 0; i < entryNames.Length; i++)
    {
        p[entryNames[i]] = Math.Exp(x[i]);
    }

    p["DIV"] = 1 / (1 + Math.Exp(-x[6]));
    p["UP1"] = Math.Exp(x[7]);
    p["UP2"] = Math.Exp(x[8]);
    p["SD"] = 1 / (1 + Math.Exp(-x[9]));
    return p;
}

string Fill(Dictionary<string, double> p)
{
    string text = template;
    foreach (var (name, value) in p)
    {
        string F(double v) => Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture);
        bool isEffect = !name.StartsWith('E');
        double plan = Math.Round(value, 4);
        text = text.Replace("{{" + name + "}}", F(plan));
        if (isEffect)
        {
            // Estimation error only, centred on the plan; how much of the benefit is realised is the
            // scenario's separate `realisation` factor.
            double max = name is "DIV" or "SD" ? Math.Min(1, plan * 1.2) : plan * 1.2;
            text = text.Replace("{{" + name + "_MIN}}", F(plan * 0.8))
                .Replace("{{" + name + "_MODE}}", F(plan))
                .Replace("{{" + name + "_MAX}}", F(max));
        }
    }

    return text;
}

(double Loss, string Report) Evaluate(Dictionary<string, double> p, string? only = null)
{
    Scenario scenario;
    try
    {
        scenario = ScenarioLoader.Parse(Fill(p), "calibration");
    }
    catch (ScenarioException)
    {
        return (1e12, "invalid");
    }

    var plan = PlanRunner.Run(CompiledModel.Compile(scenario));
    var reference = scenario.Reference!;
    double loss = 0;
    var report = new System.Text.StringBuilder();
    void Target(string label, double model, double target, double tolerance)
    {
        if (only is not null && !label.Contains(only, StringComparison.Ordinal))
        {
            return;
        }

        double z = (model - target) / tolerance;
        loss += z * z;
        report.AppendLine(CultureInfo.InvariantCulture, $"{label,-40} model {model,14:#,0.0} target {target,14:#,0} tol {tolerance,10:#,0} z {z,6:0.00}");
    }

    foreach (var m in reference.LacMilestones)
    {
        Target($"LAC {m.Month}", plan.LacAtEndOf(m.Month), m.Lac, 0.01 * m.Lac);
    }

    for (int f = 0; f < plan.FinancialYears.Count; f++)
    {
        var fy = plan.FinancialYears[f];
        foreach (var metric in new[] { Metric.PlacementsSavingGbp, Metric.AvoidanceOfGrowthGbp })
        {
            double t = reference.Rows[metric.ColumnName()][fy];
            Target($"{metric.ColumnName()} {fy}", plan.Get(f, metric), t, f == 0 ? 150_000 : 0.05 * t);
        }

        Target($"position_gbp {fy}", plan.Get(f, Metric.PositionGbp), reference.Rows["position_gbp"][fy], 500_000);
    }

    report.AppendLine(CultureInfo.InvariantCulture, $"breakeven {plan.BreakevenFy?.Label ?? "none"}");
    return (loss, report.ToString());
}

var start = Vector<double>.Build.DenseOfArray(
[
    Math.Log(50), Math.Log(42), Math.Log(42), Math.Log(43), Math.Log(44), Math.Log(45),
    -1.0, Math.Log(0.2), Math.Log(0.2), Math.Log(0.01) - 0.0,
]);
start[9] = Math.Log(0.01 / 0.99);
// Plan mode diverts all growth in demand, so the do-nothing entries (avoidance row) and the
// programme effects (LAC, placements, position) are nearly separate problems: fit the entries
// first, then the effects, then polish both together.
Vector<double> Minimise(Vector<double> from, Func<Vector<double>, double> loss, bool[] free)
{
    Vector<double> Expand(Vector<double> y)
    {
        var x = from.Clone();
        for (int i = 0, j = 0; i < x.Count; i++)
        {
            if (free[i])
            {
                x[i] = y[j++];
            }
        }

        return x;
    }

    var y0 = Vector<double>.Build.DenseOfEnumerable(from.Where((_, i) => free[i]));
    var objective = ObjectiveFunction.Value(y => loss(Expand(y)));
    var y = y0;
    for (int round = 0; round < 4; round++)
    {
        var result = new NelderMeadSimplex(1e-10, 20_000).FindMinimum(objective, y, Vector<double>.Build.Dense(y.Count, 0.3));
        y = result.MinimizingPoint;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round}: loss {result.FunctionInfoAtMinimum.Value:0.0000} after {result.Iterations} iterations"));
    }

    return Expand(y);
}

bool[] entriesOnly = [true, true, true, true, true, true, false, false, false, false];
bool[] effectsOnly = entriesOnly.Select(b => !b).ToArray();
var best = Minimise(start, x => Evaluate(Decode(x), only: "avoidance").Loss, entriesOnly);
// Several starts for the effects, since the loss surface has kinks (one-in-one-out, clamps).
var effectsBest = best;
double effectsLoss = double.MaxValue;
foreach (var (div, up1, up2, sd) in new[] { (-1.0, 0.15, 0.1, 0.02), (-2.0, 0.3, 0.05, 0.005), (-1.5, 0.05, 0.2, 0.05) })
{
    var from = best.Clone();
    from[6] = div;
    from[7] = Math.Log(up1);
    from[8] = Math.Log(up2);
    from[9] = Math.Log(sd / (1 - sd));
    var candidate = Minimise(from, x => Evaluate(Decode(x)).Loss, effectsOnly);
    double loss = Evaluate(Decode(candidate)).Loss;
    if (loss < effectsLoss)
    {
        effectsLoss = loss;
        effectsBest = candidate;
    }
}

best = effectsBest;

var fitted = Decode(best);
var (finalLoss, finalReport) = Evaluate(fitted);
Console.WriteLine(finalReport);
Console.WriteLine(string.Join(", ", fitted.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value:0.####}"))));
File.WriteAllText(args[1], Fill(fitted));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loss {finalLoss:0.0000}; wrote {args[1]}"));
return 0;
