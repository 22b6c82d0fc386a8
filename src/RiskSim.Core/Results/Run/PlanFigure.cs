namespace RiskSim.Core.Results.Run;

/// <summary>One plan-mode value.</summary>
/// <param name="Fy">Financial year label, e.g. <c>2019/20</c>.</param>
/// <param name="Metric">Metric column name, e.g. <c>position_gbp</c> (£) or <c>lac_end</c> (children).</param>
/// <param name="Value">The plan's value.</param>
/// <param name="Reference">The paper's figure for this FY and metric, when the scenario gives one.</param>
public sealed record PlanFigure(string Fy, string Metric, double Value, double? Reference);
