namespace RiskSim.Core.Results.Run;

/// <summary>An uncertain input as a reader of the report needs it.</summary>
/// <param name="Name">Input column name, e.g. <c>entries_rate_multiplier</c>.</param>
/// <param name="Distribution">The distribution in words, e.g. <c>PERT(min 0.5, mode 0.85, max 1)</c>.</param>
/// <param name="Plan">The value plan mode uses.</param>
/// <param name="P10">10th percentile of the distribution.</param>
/// <param name="P50">Median of the distribution.</param>
/// <param name="P90">90th percentile of the distribution.</param>
/// <param name="Source">The scenario's <c>source:</c> or comment for it, when given.</param>
public sealed record InputDescription(string Name, string Distribution, double Plan, double P10, double P50, double P90, string? Source);
