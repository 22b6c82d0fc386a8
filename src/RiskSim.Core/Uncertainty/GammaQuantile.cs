using MathNet.Numerics;

namespace RiskSim.Core.Uncertainty;

/// <summary>The quantile of a Gamma(shape, 1) distribution, returned as its logarithm.</summary>
internal static class GammaQuantile
{
    /// <summary>
    /// ln of the x with P(shape, x) = <paramref name="p"/> (P the regularised lower incomplete gamma).
    /// For small shapes the quantile underflows (shape 0.001 at p = ½ is about 10^-301) and MathNet's
    /// iterative inverse does not converge there, so where the lower-tail expansion
    /// P(a, x) ≈ x^a / Γ(a + 1) puts x below 10^-6 it is used, in logs:
    /// ln x = (ln p + ln Γ(a + 1)) / a, with relative error in P about a·x/(a + 1) &lt; 10^-6 · a.
    /// Elsewhere MathNet's inverse is used.
    /// </summary>
    public static double Log(double shape, double p)
    {
        double tail = (Math.Log(p) + SpecialFunctions.GammaLn(shape + 1)) / shape;
        if (tail < SmallLog)
        {
            return tail;
        }

        return Math.Log(SpecialFunctions.GammaLowerRegularizedInv(shape, p));
    }

    /// <summary>ln 10^-6: below it the lower-tail expansion errs in P by under 10^-6 · a / (a + 1) relative.</summary>
    private const double SmallLog = -13.815510557964274;
}
