namespace RiskSim.Calibration;

/// <summary>
/// How close plan mode must come to one kind of reference figure: the larger of
/// <see cref="Relative"/> × |paper| and <see cref="Absolute"/> (so a part-year or a zero figure
/// still has a tolerance, e.g. ±5 % but at least ±£150k).
/// </summary>
/// <param name="Target">A reference row's metric name (e.g. <c>placements_saving_gbp</c>) or <c>lac_milestones</c>.</param>
/// <param name="Relative">Share of the paper's figure (0.05 = ±5 %), or 0.</param>
/// <param name="Absolute">Absolute floor in the figure's unit (£ for rows, children for milestones), or 0.</param>
public sealed record TargetTolerance(string Target, double Relative, double Absolute)
{
    /// <summary>The name of the LAC milestones target.</summary>
    public const string LacMilestones = "lac_milestones";

    /// <summary>The tolerance for a paper figure.</summary>
    public double For(double paper) => Math.Max(Relative * Math.Abs(paper), Absolute);
}
