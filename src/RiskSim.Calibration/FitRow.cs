namespace RiskSim.Calibration;

/// <summary>One target of the fit, as plan mode met it.</summary>
/// <param name="Target">Target name (a metric column or <c>lac_milestones</c>).</param>
/// <param name="When">The FY (e.g. <c>2020/21</c>) or month (e.g. <c>2021-03</c>).</param>
/// <param name="Paper">The reference figure.</param>
/// <param name="Fitted">Plan mode's figure with the fitted values.</param>
/// <param name="Tolerance">Allowed distance (same unit).</param>
public sealed record FitRow(string Target, string When, double Paper, double Fitted, double Tolerance)
{
    /// <summary>Fitted − paper.</summary>
    public double Error => Fitted - Paper;

    /// <summary>Whether the fitted figure is within the tolerance.</summary>
    public bool Within => Math.Abs(Error) <= Tolerance;
}
