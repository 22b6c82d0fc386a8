namespace RiskSim.Core.Results.Run;

/// <summary>
/// The contingency finance would hold over the plan: the cumulative position at the horizon at a
/// confidence level, less the plan's own cumulative position (a deficit is positive).
/// </summary>
/// <param name="PlanCumulativeGbp">The plan's cumulative position at the horizon, £.</param>
/// <param name="Levels">P50, P80 and P90 (in that order).</param>
/// <param name="Cvar90Gbp">Mean cumulative position of the worst 10 % of trials, less the plan, £ (expected shortfall).</param>
/// <param name="Cvar90SeGbp">Monte Carlo standard error of <paramref name="Cvar90Gbp"/>, £.</param>
public sealed record ContingencyFigures(double PlanCumulativeGbp, IReadOnlyList<ContingencyLevel> Levels, double Cvar90Gbp, double Cvar90SeGbp);
