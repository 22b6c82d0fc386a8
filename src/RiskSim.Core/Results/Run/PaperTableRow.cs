namespace RiskSim.Core.Results.Run;

/// <summary>One row of the paper's table (e.g. "Avoidance of growth"), by FY, in the row's unit.</summary>
/// <param name="Label">The row's label, from the scenario.</param>
/// <param name="Metric">The metric column it shows, e.g. <c>avoidance_of_growth_gbp</c>.</param>
/// <param name="Reference">The paper's figures by FY (null where it gives none).</param>
/// <param name="Plan">Plan mode's figures by FY.</param>
/// <param name="P10">10th percentile across trials by FY.</param>
/// <param name="P50">Median across trials by FY.</param>
/// <param name="P90">90th percentile across trials by FY.</param>
public sealed record PaperTableRow(
    string Label,
    string Metric,
    IReadOnlyList<double?> Reference,
    IReadOnlyList<double> Plan,
    IReadOnlyList<double> P10,
    IReadOnlyList<double> P50,
    IReadOnlyList<double> P90);
