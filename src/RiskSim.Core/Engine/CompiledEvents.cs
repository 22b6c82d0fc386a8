using System.Globalization;
using RiskSim.Core.Model;

namespace RiskSim.Core.Engine;

/// <summary>
/// Risk events as arrays: per event and FY the probability of occurring (prorated for a part FY),
/// and what the impact multiplies. Each (event, FY) is one input dimension: the event occurs when
/// its uniform u &lt; p, in month ⌊(u / p) · months in the FY⌋ of the FY (u / p is uniform given
/// u &lt; p, so one uniform decides both whether and when).
/// </summary>
internal sealed class CompiledEvents
{
    public CompiledEvents(CompiledModel model, Scenario scenario, IReadOnlyDictionary<string, int> typeIndex)
    {
        var events = scenario.RiskEvents;
        Count = events.Count;
        int fys = model.FyCount;
        Probability = new double[Count * fys];
        Target = new EventTarget[Count];
        TargetType = new int[Count];
        Multiply = new double[Count];
        Months = new int[Count];
        FyFirstMonth = new int[fys];
        FyMonths = new int[fys];
        for (int m = model.MonthCount - 1; m >= 0; m--)
        {
            FyFirstMonth[model.FyOfMonth[m]] = m;
            FyMonths[model.FyOfMonth[m]]++;
        }

        var names = new List<string>();
        var columns = new List<string>();
        for (int e = 0; e < Count; e++)
        {
            var ev = events[e];
            (Target[e], TargetType[e]) = Resolve(ev, typeIndex);
            Multiply[e] = ev.Multiply;
            Months[e] = ev.Months;
            columns.Add($"event_{ev.Id}_fy");
            for (int f = 0; f < fys; f++)
            {
                // A part FY of k months: 1 − (1 − p)^(k/12), so that twelve monthly chances compound to p.
                Probability[(e * fys) + f] = 1 - Math.Pow(1 - ev.ProbabilityPerFy, FyMonths[f] / 12.0);
                names.Add(string.Create(CultureInfo.InvariantCulture, $"event_{ev.Id}_{model.FinancialYears[f].StartYear}"));
            }
        }

        DimensionNames = names;
        Columns = columns;
    }

    /// <summary>What an event's impact multiplies.</summary>
    internal enum EventTarget
    {
        /// <summary>The demand multiplier: every month's expected entries.</summary>
        Entries,

        /// <summary>One placement type's weekly cost.</summary>
        WeeklyCost,

        /// <summary>One placement type's monthly exit rate.</summary>
        ExitRate,
    }

    public int Count { get; }

    public IReadOnlyList<string> DimensionNames { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>[event × FY count + fy]: probability of occurring in that FY.</summary>
    public double[] Probability { get; }

    public EventTarget[] Target { get; }

    public int[] TargetType { get; }

    public double[] Multiply { get; }

    public int[] Months { get; }

    public int[] FyFirstMonth { get; }

    public int[] FyMonths { get; }

    private static (EventTarget Target, int Type) Resolve(RiskEvent ev, IReadOnlyDictionary<string, int> typeIndex)
    {
        if (ev.Input == "entries_rate_multiplier")
        {
            return (EventTarget.Entries, -1);
        }

        foreach (var (id, k) in typeIndex)
        {
            if (ev.Input == $"{id}_weekly_cost_gbp")
            {
                return (EventTarget.WeeklyCost, k);
            }

            if (ev.Input == $"{id}_exit_rate")
            {
                return (EventTarget.ExitRate, k);
            }
        }

        throw new ArgumentException(
            $"risk_events: '{ev.Id}' acts on '{ev.Input}', which does not vary month by month; expected entries_rate_multiplier, "
            + $"or <type>_weekly_cost_gbp or <type>_exit_rate for a type among {string.Join(", ", typeIndex.Keys)}.");
    }
}
