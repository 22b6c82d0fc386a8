namespace RiskSim.Core.Results.Run;

/// <summary>Programme-world looked-after children at the end of one month, across trials.</summary>
/// <param name="Month">The month, <c>yyyy-MM</c>.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P25">25th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P75">75th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Plan">The plan's LAC at the end of the month.</param>
/// <param name="PaperMilestone">The paper's LAC milestone for this month, when it gives one.</param>
public sealed record FanPoint(string Month, double P5, double P25, double P50, double P75, double P95, double Plan, double? PaperMilestone);
