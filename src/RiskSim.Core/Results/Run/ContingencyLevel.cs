namespace RiskSim.Core.Results.Run;

/// <summary>The contingency at one confidence level.</summary>
/// <param name="Confidence">The level, e.g. 0.8.</param>
/// <param name="CumulativePositionGbp">The cumulative position's percentile at that level, £.</param>
/// <param name="ContingencyGbp">That percentile less the plan's cumulative position, £.</param>
/// <param name="Ci">95 % confidence interval of <paramref name="ContingencyGbp"/> (order statistics), £.</param>
public sealed record ContingencyLevel(double Confidence, double CumulativePositionGbp, double ContingencyGbp, QuantileInterval Ci);
