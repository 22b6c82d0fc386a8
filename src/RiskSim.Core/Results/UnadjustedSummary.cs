using MathNet.Numerics.Statistics;
using RiskSim.Core.Time;

namespace RiskSim.Core.Results;

/// <summary>
/// Builds an <see cref="UnadjustedOutcome"/> from the two figures per trial it needs (the cumulative
/// position at the horizon and the breakeven FY), with the same arithmetic as a
/// <see cref="SummaryAccumulator"/> given the same trials in the same order: the same percentile,
/// interval, coverage and mean functions, so the bits agree.
/// </summary>
public static class UnadjustedSummary
{
    /// <summary>The outcome of the trials given in trial order.</summary>
    /// <param name="years">The horizon's FYs.</param>
    /// <param name="horizonCumulativeGbp">Per trial, the cumulative position at the horizon, £ (sorted in place).</param>
    /// <param name="breakevenFyIndex">Per trial, the breakeven FY index or −1.</param>
    /// <param name="planCumulativeGbp">The plan's cumulative position at the horizon, £.</param>
    public static UnadjustedOutcome From(IReadOnlyList<FinancialYear> years, double[] horizonCumulativeGbp, int[] breakevenFyIndex, double planCumulativeGbp)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(horizonCumulativeGbp);
        ArgumentNullException.ThrowIfNull(breakevenFyIndex);
        int n = horizonCumulativeGbp.Length;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        if (breakevenFyIndex.Length != n)
        {
            throw new ArgumentException("one breakeven FY per trial expected.", nameof(breakevenFyIndex));
        }

        // As ContingencyCoverage.Of over SummaryAccumulator.ShareAtOrBelow.
        int below = 0;
        foreach (double v in horizonCumulativeGbp)
        {
            below += v <= planCumulativeGbp ? 1 : 0;
        }

        double share = below / (double)n;
        var coverage = new ContingencyCoverage(0, share, Math.Sqrt(share * (1 - share) / n));

        // As SummaryAccumulator.Build's breakeven_by_fy rows: the mean of the 0/1 flags in trial order.
        var flags = new double[n];
        var breakeven = new double[years.Count];
        for (int fy = 0; fy < years.Count; fy++)
        {
            for (int t = 0; t < n; t++)
            {
                int index = breakevenFyIndex[t];
                flags[t] = index >= 0 && index <= fy ? 1.0 : 0.0;
            }

            breakeven[fy] = ColumnMoments.Of(flags).Mean;
        }

        var row = SummaryAccumulator.Summarise(years[^1], Metric.CumulativePositionGbp.ColumnName(), horizonCumulativeGbp);
        return new UnadjustedOutcome(row.P50, row.P80, row.P90, row.P80Ci, coverage, breakeven);
    }
}
