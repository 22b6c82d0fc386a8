namespace RiskSim.Report;

/// <summary>Where a single figure (the plan, a milestone) falls among a distribution's P5 … P95, in words.</summary>
internal static class BandPosition
{
    /// <summary>
    /// E.g. "below the 5th percentile: at least 95 % of trials are higher". Only the five
    /// percentiles are known, so the phrase names the band the figure falls in, never an exact percentile.
    /// </summary>
    public static string Describe(double value, double p5, double p25, double p50, double p75, double p95) =>
        value < p5 ? "below the 5th percentile: at least 95 % of trials are higher"
        : value < p25 ? "between the 5th and 25th percentiles: 75–95 % of trials are higher"
        : value < p50 ? "between the 25th percentile and the median"
        : value <= p75 ? "between the median and the 75th percentile"
        : value <= p95 ? "between the 75th and 95th percentiles: 75–95 % of trials are lower"
        : "above the 95th percentile: at least 95 % of trials are lower";
}
