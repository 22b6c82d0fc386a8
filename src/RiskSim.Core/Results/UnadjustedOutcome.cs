namespace RiskSim.Core.Results;

/// <summary>
/// The cumulative position at the horizon "as the paper assumes": the same trials as the run (common
/// random numbers), with the benefit realisation factor held at its plan value.
/// </summary>
/// <param name="P50">Median cumulative position, £.</param>
/// <param name="P80">80th percentile of the cumulative position, £.</param>
/// <param name="P90">90th percentile of the cumulative position, £.</param>
/// <param name="P80Ci">95 % confidence interval of <paramref name="P80"/>.</param>
/// <param name="PlanCoverage">The plan's percentile among these trials (coverage of a zero contingency).</param>
/// <param name="BreakevenByFy">P(broken even by each FY of the horizon), in FY order.</param>
public sealed record UnadjustedOutcome(
    double P50,
    double P80,
    double P90,
    QuantileInterval P80Ci,
    ContingencyCoverage PlanCoverage,
    IReadOnlyList<double> BreakevenByFy);
