namespace RiskSim.Analysis.Compare;

/// <summary>One compared figure: its value in A and in B, and B − A with its Monte Carlo standard error.</summary>
/// <param name="Measure">
/// What is compared, with its unit in the name: <c>p_breakeven_by_fy</c> and <c>p_lasting_breakeven_by_fy</c>
/// (shares, 0–1), <c>contingency_p50_gbp</c> / <c>_p80_gbp</c> / <c>_p90_gbp</c> (£ over each side's own plan,
/// at the horizon), <c>lac_end_p10</c> / <c>_p50</c> / <c>_p90</c> (children at the FY's end).
/// </param>
/// <param name="Fy">The FY, e.g. <c>2023/24</c> (for contingency: the horizon's last FY).</param>
/// <param name="FyIndex">Position of <paramref name="Fy"/> in the horizon, from 0.</param>
/// <param name="A">The figure in A.</param>
/// <param name="B">The figure in B.</param>
/// <param name="DifferenceSe">Monte Carlo standard error of B − A (paired when the runs are; see <see cref="Comparison.Method"/>).</param>
public sealed record ComparisonRow(string Measure, string Fy, int FyIndex, double A, double B, double DifferenceSe)
{
    /// <summary>B − A.</summary>
    public double Difference => B - A;

    /// <summary>Lower end of the normal 95 % interval of B − A.</summary>
    public double CiLow => Difference - (Core.Results.QuantileInterval.Z95 * DifferenceSe);

    /// <summary>Upper end of the normal 95 % interval of B − A.</summary>
    public double CiHigh => Difference + (Core.Results.QuantileInterval.Z95 * DifferenceSe);
}
