using RiskSim.Core.Time;

namespace RiskSim.Core.Results;

/// <summary>
/// The deterministic line: every input at its planned value and expected flows instead of draws.
/// </summary>
public sealed class PlanResult
{
    internal PlanResult(Horizon horizon, double openingLac, double[] yearly, double[] lacByMonthEnd, int breakevenFyIndex)
    {
        Horizon = horizon;
        OpeningLac = openingLac;
        FinancialYears = horizon.FinancialYears;
        Yearly = yearly;
        LacByMonthEnd = lacByMonthEnd;
        BreakevenFyIndex = breakevenFyIndex;
    }

    /// <summary>The simulated months.</summary>
    public Horizon Horizon { get; }

    /// <summary>Looked-after children at the end of the month before the horizon (the opening stock).</summary>
    public double OpeningLac { get; }

    /// <summary>The horizon's financial years.</summary>
    public IReadOnlyList<FinancialYear> FinancialYears { get; }

    /// <summary>Values laid out [fy × <see cref="Metrics.Count"/> + metric].</summary>
    public IReadOnlyList<double> Yearly { get; }

    /// <summary>Programme-world LAC at the end of each simulated month (index 0 = end of the first month).</summary>
    public IReadOnlyList<double> LacByMonthEnd { get; }

    /// <summary>
    /// Programme-world LAC at the end of <paramref name="month"/>: a simulated month, or the month
    /// before the horizon, whose end is the opening stock (a paper's "today" milestone).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The month is neither in the horizon nor the month before it.</exception>
    public double LacAtEndOf(YearMonth month)
    {
        int index = Horizon.IndexOf(month);
        if (index < -1 || index >= LacByMonthEnd.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The month is outside the horizon and is not the month before it.");
        }

        return index == -1 ? OpeningLac : LacByMonthEnd[index];
    }

    /// <summary>Index of the first FY whose position is ≤ 0, or −1 if none within the horizon.</summary>
    public int BreakevenFyIndex { get; }

    /// <summary>The breakeven FY, or null.</summary>
    public FinancialYear? BreakevenFy => BreakevenFyIndex >= 0 ? FinancialYears[BreakevenFyIndex] : null;

    /// <summary>One value.</summary>
    public double Get(int fyIndex, Metric metric) => Yearly[(fyIndex * Metrics.Count) + (int)metric];
}
