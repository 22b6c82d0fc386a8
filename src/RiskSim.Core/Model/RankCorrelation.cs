namespace RiskSim.Core.Model;

/// <summary>A declared Spearman rank correlation between two sampled inputs, named by their trials columns.</summary>
/// <param name="First">One input's column name, e.g. <c>entries_rate_multiplier</c>.</param>
/// <param name="Second">The other input's column name.</param>
/// <param name="Rank">The target Spearman rank correlation, in [−1, 1].</param>
public sealed record RankCorrelation(string First, string Second, double Rank);
