using RiskSim.Core.Time;

namespace RiskSim.Core.Model;

/// <summary>
/// The paper's published numbers, kept beside the scenario so that plan mode can be compared with
/// them. Row keys are metric names as in <see cref="Results.Metric"/> (e.g. <c>placements_saving_gbp</c>).
/// Rows are always levels: a row the paper gives as year-on-year increments is converted once, when
/// the scenario is read (<see cref="Accounting.ReferenceRows.LevelsFromIncrements"/>), and
/// <see cref="Bases"/> remembers how it was given.
/// </summary>
/// <param name="Rows">Published £ rows by metric and FY, as levels.</param>
/// <param name="LacMilestones">Published LAC at the end of given months.</param>
/// <param name="BreakevenFy">Published breakeven year, if any.</param>
public sealed record ReferenceData(
    IReadOnlyDictionary<string, IReadOnlyDictionary<FinancialYear, double>> Rows,
    IReadOnlyList<LacMilestone> LacMilestones,
    FinancialYear? BreakevenFy)
{
    /// <summary>How each row was given in the file (rows not listed were given as levels).</summary>
    public IReadOnlyDictionary<string, ReferenceBasis> Bases { get; init; } = new Dictionary<string, ReferenceBasis>(StringComparer.Ordinal);

    /// <summary>How <paramref name="metric"/>'s row was given.</summary>
    public ReferenceBasis BasisOf(string metric) => Bases.TryGetValue(metric, out var basis) ? basis : ReferenceBasis.Level;
}

/// <summary>A published LAC count at the end of <paramref name="Month"/>.</summary>
/// <param name="Month">Month at whose end the count applies (e.g. 2020-03 for 31 March 2020).</param>
/// <param name="Lac">Looked-after children.</param>
public sealed record LacMilestone(YearMonth Month, double Lac);
