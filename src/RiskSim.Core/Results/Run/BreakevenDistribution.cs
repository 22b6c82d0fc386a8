namespace RiskSim.Core.Results.Run;

/// <summary>
/// When trials break even. <em>First</em>: the first FY whose position is ≤ 0. <em>Lasting</em>: the
/// first FY from which the position stays ≤ 0 to the horizon. Lists follow <see cref="RunResult.Years"/>.
/// </summary>
/// <param name="FirstByFy">P(first breakeven in or before each FY) (cumulative).</param>
/// <param name="FirstInFy">P(first breakeven in each FY) (sums with <paramref name="FirstNever"/> to 1).</param>
/// <param name="FirstNever">P(no breakeven within the horizon).</param>
/// <param name="LastingByFy">P(lasting breakeven in or before each FY).</param>
/// <param name="LastingInFy">P(lasting breakeven in each FY).</param>
/// <param name="LastingNever">P(no lasting breakeven within the horizon).</param>
/// <param name="PlanFy">The plan's breakeven FY, or null.</param>
/// <param name="PaperFy">The paper's promised breakeven FY, or null.</param>
/// <param name="Trials">Number of trials behind the shares (standard error √(p(1 − p)/Trials)).</param>
public sealed record BreakevenDistribution(
    IReadOnlyList<double> FirstByFy,
    IReadOnlyList<double> FirstInFy,
    double FirstNever,
    IReadOnlyList<double> LastingByFy,
    IReadOnlyList<double> LastingInFy,
    double LastingNever,
    string? PlanFy,
    string? PaperFy,
    long Trials);
