namespace RiskSim.Core.Results.Run;

/// <summary>One point of a distribution's quantile function.</summary>
/// <param name="Probability">The probability, in (0, 1).</param>
/// <param name="Value">The quantile (same unit as the metric; £ for money).</param>
public sealed record QuantilePoint(double Probability, double Value);
