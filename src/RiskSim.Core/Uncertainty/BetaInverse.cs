using System.Diagnostics;
using MathNet.Numerics;

namespace RiskSim.Core.Uncertainty;

/// <summary>
/// Quantile of a Beta(α, β) distribution without allocating (MathNet's <c>Beta.InvCDF</c> builds a
/// closure for its root finder on every call, and inputs are inverted once per input per trial).
/// Newton steps on the regularised incomplete beta function I_x(α, β), kept inside a shrinking
/// bisection bracket so that every step makes progress; converges to ~1e-14 in a handful of steps.
/// </summary>
internal sealed class BetaInverse
{
    private const int MaxIterations = 100;
    private const double Tolerance = 1e-14;
    private readonly double alpha;
    private readonly double beta;
    private readonly double logBeta;

    /// <summary>Prepares the inverse of Beta(<paramref name="alpha"/>, <paramref name="beta"/>); both must be positive.</summary>
    public BetaInverse(double alpha, double beta)
    {
        Debug.Assert(alpha > 0 && beta > 0, "validated by the distribution");
        this.alpha = alpha;
        this.beta = beta;
        logBeta = SpecialFunctions.BetaLn(alpha, beta);
    }

    /// <summary>The x in [0, 1] with I_x(α, β) = <paramref name="p"/>.</summary>
    public double Quantile(double p)
    {
        if (!(p > 0))
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        double lo = 0, hi = 1;

        // Start at the mean: for the PERT shapes used here (α, β in [1, 5]) it is within a few
        // Newton steps of every quantile.
        double x = alpha / (alpha + beta);
        for (int i = 0; i < MaxIterations; i++)
        {
            double f = SpecialFunctions.BetaRegularized(alpha, beta, x) - p;
            if (f == 0)
            {
                return x;
            }

            if (f < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            double density = Math.Exp(((alpha - 1) * Math.Log(x)) + ((beta - 1) * Math.Log(1 - x)) - logBeta);
            double next = x - (f / density);
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi); // Newton left the bracket (or the density vanished): bisect.
            }

            if (Math.Abs(next - x) <= Tolerance * Math.Max(1, x) || hi - lo <= Tolerance)
            {
                return next;
            }

            x = next;
        }

        return x;
    }
}
