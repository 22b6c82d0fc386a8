using RiskSim.Core.Time;

namespace RiskSim.Core.Model;

/// <summary>
/// The paper's published numbers, kept beside the scenario so that plan mode can be compared with
/// them. Row keys are metric names as in <see cref="Results.Metric"/> (e.g. <c>placements_saving_gbp</c>).
/// </summary>
/// <param name="Rows">Published £ rows by metric and FY.</param>
/// <param name="LacMilestones">Published LAC at the end of given months.</param>
/// <param name="BreakevenFy">Published breakeven year, if any.</param>
public sealed record ReferenceData(
    IReadOnlyDictionary<string, IReadOnlyDictionary<FinancialYear, double>> Rows,
    IReadOnlyList<LacMilestone> LacMilestones,
    FinancialYear? BreakevenFy);

/// <summary>A published LAC count at the end of <paramref name="Month"/>.</summary>
/// <param name="Month">Month at whose end the count applies (e.g. 2020-03 for 31 March 2020).</param>
/// <param name="Lac">Looked-after children.</param>
public sealed record LacMilestone(YearMonth Month, double Lac);
