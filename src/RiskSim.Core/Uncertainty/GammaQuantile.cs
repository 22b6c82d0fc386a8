namespace RiskSim.Core.Uncertainty;

/// <summary>The quantile of a Gamma(shape, 1) distribution, returned as its logarithm.</summary>
internal static class GammaQuantile
{
    /// <summary>
    /// ln of the x with P(shape, x) = <paramref name="p"/> (P the regularised lower incomplete gamma);
    /// −∞ for p ≤ 0, +∞ for p ≥ 1. In logs because for small shapes the quantile underflows (shape 0.001
    /// at p = ½ is about 10^-301). For shapes in [10^-3, 10^3] from the shape's shared
    /// <see cref="GammaQuantileTable"/> (relative error in x under 10^-12; the shapes of a run are few and
    /// fixed, so after the first draw this is a dictionary look-up and a table evaluation); otherwise
    /// solved exactly (slow).
    /// </summary>
    public static double Log(double shape, double p) =>
        GammaQuantileTable.TryGet(shape) is { } table ? table.Log(p) : GammaQuantileTable.ExactLog(shape, p);
}
