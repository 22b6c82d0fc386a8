using System.Globalization;

namespace RiskSim.Core.Results;

/// <summary>
/// Which percentile a contingency covers: the share of trials whose cumulative position at the
/// horizon is at most the plan's plus the amount (a contingency of 0 covers the plan's own
/// percentile). Its Monte Carlo standard error is √(s(1 − s)/N).
/// </summary>
/// <param name="AmountGbp">The contingency, £.</param>
/// <param name="Share">Share of trials covered, in [0, 1].</param>
/// <param name="StandardError">Monte Carlo standard error of the share.</param>
/// <param name="Label">Where the amount comes from when the scenario sets it (a contingency line's label), or null.</param>
public sealed record ContingencyCoverage(double AmountGbp, double Share, double StandardError, string? Label = null)
{
    /// <summary>Computes the coverage from the accumulated trials.</summary>
    public static ContingencyCoverage Of(SummaryAccumulator accumulator, double planCumulativeGbp, double amountGbp)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        int last = accumulator.FinancialYearCount - 1;
        double share = accumulator.ShareAtOrBelow(last, Metric.CumulativePositionGbp, planCumulativeGbp + amountGbp);
        return new ContingencyCoverage(amountGbp, share, Math.Sqrt(share * (1 - share) / accumulator.Count));
    }

    /// <summary>
    /// The coverages a run reports: the plan's own percentile (amount 0), then the scenario's
    /// contingency lines (their total, labelled), then <paramref name="userAmountGbp"/> (e.g. from
    /// <c>run --contingency</c>); an amount already listed is not repeated.
    /// </summary>
    public static IReadOnlyList<ContingencyCoverage> ForRun(
        SummaryAccumulator accumulator, double planCumulativeGbp, Model.BudgetFraming? budget, double? userAmountGbp)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        var amounts = new List<(double Amount, string? Label)> { (0, null) };
        if (budget is { Contingencies.Count: > 0 } framing)
        {
            string label = framing.Contingencies.Count == 1 ? framing.Contingencies[0].Label : "the scenario's contingency lines";
            amounts.Add((framing.Contingencies.Sum(c => c.TotalGbp), label));
        }

        if (userAmountGbp is { } user)
        {
            amounts.Add((user, null));
        }

        return [.. amounts
            .DistinctBy(a => a.Amount)
            .Select(a => Of(accumulator, planCumulativeGbp, a.Amount) with { Label = a.Label })];
    }

    /// <summary>
    /// "P46 (±1)": the percentile covered and its standard error, in percentage points; with one
    /// decimal ("P0.4 (±0.1)") when the standard error is below half a point, so a share near 0 or
    /// 100 % is not shown as P0 or P100.
    /// </summary>
    public string Describe()
    {
        double points = StandardError * 100;
        return points >= 0.5
            ? string.Create(CultureInfo.InvariantCulture, $"P{Share * 100:0} (±{points:0})")
            : string.Create(CultureInfo.InvariantCulture, $"P{Share * 100:0.0} (±{Math.Max(points, 0.1):0.0})");
    }
}
