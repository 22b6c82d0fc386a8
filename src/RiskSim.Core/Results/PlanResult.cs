using RiskSim.Core.Time;

namespace RiskSim.Core.Results;

/// <summary>
/// The deterministic line: every input at its planned value and expected flows instead of draws.
/// </summary>
public sealed class PlanResult
{
    internal PlanResult(IReadOnlyList<FinancialYear> years, double[] yearly, double[] lacByMonthEnd, int breakevenFyIndex)
    {
        FinancialYears = years;
        Yearly = yearly;
        LacByMonthEnd = lacByMonthEnd;
        BreakevenFyIndex = breakevenFyIndex;
    }

    /// <summary>The horizon's financial years.</summary>
    public IReadOnlyList<FinancialYear> FinancialYears { get; }

    /// <summary>Values laid out [fy × <see cref="Metrics.Count"/> + metric].</summary>
    public IReadOnlyList<double> Yearly { get; }

    /// <summary>Programme-world LAC at the end of each simulated month (index 0 = end of the first month).</summary>
    public IReadOnlyList<double> LacByMonthEnd { get; }

    /// <summary>Index of the first FY whose position is ≤ 0, or −1 if none within the horizon.</summary>
    public int BreakevenFyIndex { get; }

    /// <summary>The breakeven FY, or null.</summary>
    public FinancialYear? BreakevenFy => BreakevenFyIndex >= 0 ? FinancialYears[BreakevenFyIndex] : null;

    /// <summary>One value.</summary>
    public double Get(int fyIndex, Metric metric) => Yearly[(fyIndex * Metrics.Count) + (int)metric];
}
