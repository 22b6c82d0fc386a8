using System.Globalization;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Core.Time;

namespace RiskSim.Calibration;

/// <summary>
/// What a fitted scenario silently assumes, in plain words, next to today's values: the fitted
/// parameters with the template's own wording and comparison, then the fitted scenario's demand
/// and programme effects at their plan values against the current (pre-programme) rates.
/// </summary>
public static class ImpliedAssumptions
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The fitted parameters, one sentence each, with the template's comparison where it gives one.</summary>
    public static IReadOnlyList<string> ForParameters(CalibrationTemplate template, CalibrationResult result)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(result);
        var lines = new List<string>();
        foreach (var p in template.Parameters)
        {
            double v = result.Values[p.Name];
            string text = p.Says is { } says ? Words(says, v) : p.Name + " = " + Placeholder.Format(v);
            if (p.Today is { } today)
            {
                string then = p.Says is null ? Placeholder.Format(today) : ValueOnly(p.Says, today);
                text += $" vs {then}" + (p.TodaySource is { } src ? $" ({src})" : "");
            }

            double span = p.Max - p.Min;
            if (v - p.Min < 1e-3 * span || p.Max - v < 1e-3 * span)
            {
                text += string.Create(Inv, $" [at its bound {Placeholder.Format(v - p.Min < 1e-3 * span ? p.Min : p.Max)}: the targets want it further]");
            }

            lines.Add(text);
        }

        return lines;
    }

    /// <summary>The fitted scenario's demand and effects (plan values) against today's rates.</summary>
    public static IReadOnlyList<string> ForScenario(Scenario scenario, PlanResult plan)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        var lines = new List<string>();
        var types = scenario.PlacementTypes;
        var demand = scenario.Demand;
        double steady = demand.StartStock * types.Sum(t => t.StockShare * t.ExitRate.Plan);
        if (demand.EntriesPerMonth is { } perMonth)
        {
            lines.Add(string.Create(Inv, $"do-nothing entries start at {perMonth.Plan * demand.RateMultiplier.Plan:0.0} a month, against {steady:0.0} a month that would hold today's {demand.StartStock:#,0} children steady at today's exit rates"));
        }
        else if (demand.EntriesPerMonthByFy is { } byFy)
        {
            string list = string.Join(", ", byFy.OrderBy(p => p.Key.StartYear).Select(p => string.Create(Inv, $"{p.Key} {p.Value.Plan:0.0}")));
            lines.Add(string.Create(Inv, $"do-nothing entries a month by FY: {list} (steady state at today's stock and exit rates: {steady:0.0})"));
        }

        if (demand.AnnualGrowth.Plan != 0)
        {
            lines.Add(string.Create(Inv, $"do-nothing entries grow {100 * demand.AnnualGrowth.Plan:0.0} % a year"));
        }

        if (demand.Step is { } step)
        {
            lines.Add(string.Create(Inv, $"do-nothing entries step {(step.Size.Plan >= 0 ? "up" : "down")} by {100 * Math.Abs(step.Size.Plan):0.0} % from {MonthName(step.Month)}"));
        }

        int n = plan.FinancialYears.Count;
        var lac = Enumerable.Range(0, n).Select(f => plan.Get(f, Metric.LacEndDoNothing)).ToList();
        lines.Add("do-nothing LAC at year ends: " + string.Join(", ", plan.FinancialYears.Select((fy, f) => string.Create(Inv, $"{fy} {lac[f]:#,0}")))
            + string.Create(Inv, $" ({Cagr(plan.OpeningLac, lac[^1], plan.Horizon.MonthCount / 12.0):+0.0;-0.0} % a year from {plan.OpeningLac:#,0} at the start)"));

        foreach (var effect in scenario.Effects)
        {
            if (Sentence(effect, types) is { } sentence)
            {
                lines.Add(sentence);
            }
        }

        lines.Add("programme LAC at year ends: " + string.Join(", ", plan.FinancialYears.Select((fy, f) => string.Create(Inv, $"{fy} {plan.Get(f, Metric.LacEnd):#,0}"))));
        return lines;
    }

    private static string? Sentence(ProgrammeEffect effect, IReadOnlyList<PlacementType> types)
    {
        string when = $"from {MonthName(effect.Start)}"
            + (effect.RampMonths > 0 ? string.Create(Inv, $", reaching full size over {effect.RampMonths} months") : "")
            + (effect.End is { } end ? $", until {MonthName(end)}" : "");
        switch (effect)
        {
            case EntryDiversion d:
                return string.Create(Inv, $"{effect.Id}: the plan needs {100 * d.Size.Plan:0.0} % of would-be entrants{Into(d.Types)} kept out of care {when}");
            case GrowthDiversion g:
                return string.Create(Inv, $"{effect.Id}: the plan needs {100 * g.Size.Plan:0.0} % of the growth in entries{Into(g.Types)} met without a placement {when}");
            case ExitUplift u:
            {
                var affected = u.Types.Count == 0 ? types : types.Where(t => u.Types.Contains(t.Id)).ToList();
                double share = affected.Sum(t => t.StockShare);
                double rate = share > 0 ? affected.Sum(t => t.StockShare * t.ExitRate.Plan) / share : 0;
                string which = u.Types.Count == 0 ? "every placement type" : string.Join(", ", u.Types);
                return string.Create(Inv, $"{effect.Id}: the plan needs exits from {which} {100 * u.Size.Plan:0.0} % above the current rate ({100 * rate:0.00} % a month → {100 * rate * (1 + u.Size.Plan):0.00} %) {when}");
            }

            case StepDownUplift s:
                return string.Create(Inv, $"{effect.Id}: the plan needs {100 * s.Size.Plan:0.00} % a month of children in {s.From} moved to {s.To} ({100 * (1 - Math.Pow(1 - s.Size.Plan, 12)):0.0} % a year) {when}");
            case OneInOneOut o:
                return $"{effect.Id}: {string.Join(", ", o.Types)} held one-in-one-out (each leaver replaced by one entrant) from {MonthName(effect.Start)}";
            default:
                return null;
        }
    }

    /// <summary>" into a, b" for a diversion targeted at named types; nothing when it reaches every entrant.</summary>
    private static string Into(IReadOnlyList<string> types) => types.Count == 0 ? "" : " into " + string.Join(", ", types);

    private static double Cagr(double from, double to, double years) =>
        from > 0 && to > 0 && years > 0 ? 100 * (Math.Pow(to / from, 1 / years) - 1) : 0;

    private static string MonthName(YearMonth month) =>
        new DateTime(month.Year, month.Month, 1).ToString("MMMM yyyy", Inv);

    /// <summary>Fills <c>{value}</c> and <c>{percent}</c> in a template sentence.</summary>
    private static string Words(string says, double v) =>
        says.Replace("{value}", Placeholder.Format(v), StringComparison.Ordinal)
            .Replace("{percent}", (100 * v).ToString("0.0", Inv) + " %", StringComparison.Ordinal);

    /// <summary>Today's value in the same unit as the sentence uses.</summary>
    private static string ValueOnly(string says, double v) =>
        says.Contains("{percent}", StringComparison.Ordinal) ? (100 * v).ToString("0.0", Inv) + " %" : Placeholder.Format(v);
}
