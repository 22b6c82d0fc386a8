using System.Collections.Concurrent;
using MathNet.Numerics;

namespace RiskSim.Core.Uncertainty;

/// <summary>
/// A fast Gamma(a, 1) quantile in logs, y = ln x with P(a, x) = p, tabulated once per shape a (shared):
/// y is tabulated against w = ln(−ln p) for p ≤ ½ and against w = ln(−ln(1 − p)) above. Those variables
/// make y smooth and bounded over every double p in (0, 1): in the lower tail y ≈ (ln p + ln Γ(a + 1))/a,
/// in the upper x ≈ −ln(1 − p), and for large a the normal-like quantile grows like √(−2 ln p). The
/// nodes are exact log-quantiles (<see cref="Solve"/>). Accuracy, tested against mpmath for a in
/// [10^-3, 10^3]: |error in y| ≤ 10^-12 · max(1, |y|), i.e. a relative error in x of 10^-12.
/// Two <see cref="ChebyshevTable"/>s of degree 12, 16 pieces below ½ and 32 above (where tiny shapes
/// pass from x ≈ 10^-300 to x ≈ 30 within p in [½, 1)): 5 KB per shape. The nodes themselves carry
/// about 10^-13 of rounding for shapes near 10^-2 (ln Q is 1 − P there), which bounds what a test can see.
/// </summary>
internal sealed class GammaQuantileTable
{
    /// <summary>The tested shape range; outside it <see cref="Log"/> solves exactly (slow).</summary>
    public const double MinShape = 1e-3;

    /// <inheritdoc cref="MinShape"/>
    public const double MaxShape = 1e3;

    private const int Pieces = 16;
    private const int Degree = 12;
    private const int MaxCached = 4096;

    /// <summary>ln ln 2: w at p = ½, the start of both tables.</summary>
    private static readonly double WHalf = Math.Log(Math.Log(2));

    /// <summary>ln(−ln p) at the smallest positive double (−ln 4.9e-324 = 744.44).</summary>
    private static readonly double WLowerEnd = Math.Log(744.5);

    /// <summary>ln(−ln(1 − p)) at the largest double below 1 (1 − p = 2^-53, −ln = 36.74).</summary>
    private static readonly double WUpperEnd = Math.Log(36.75);

    private static readonly ConcurrentDictionary<double, GammaQuantileTable> Cache = new();

    private readonly ChebyshevTable lower;
    private readonly ChebyshevTable upper;

    private GammaQuantileTable(double shape)
    {
        double logGamma = SpecialFunctions.GammaLn(shape);
        lower = ChebyshevTable.Fit(w => Solve(shape, logGamma, -Math.Exp(w), upperTail: false), WHalf, WLowerEnd, Pieces, Degree);
        upper = ChebyshevTable.Fit(w => Solve(shape, logGamma, -Math.Exp(w), upperTail: true), WHalf, WUpperEnd, 2 * Pieces, Degree);
    }

    /// <summary>Bytes held by the two tables.</summary>
    public int Bytes => lower.Bytes + upper.Bytes;

    /// <summary>The (shared) table for <paramref name="shape"/>, or null outside the tested range.</summary>
    public static GammaQuantileTable? TryGet(double shape)
    {
        if (!(shape >= MinShape && shape <= MaxShape))
        {
            return null;
        }

        if (Cache.TryGetValue(shape, out var table))
        {
            return table;
        }

        table = new GammaQuantileTable(shape);
        return Cache.Count < MaxCached ? Cache.GetOrAdd(shape, table) : table;
    }

    /// <summary>ln x with P(a, x) = <paramref name="p"/>: −∞ for p ≤ 0, +∞ for p ≥ 1, NaN for NaN.</summary>
    public double Log(double p)
    {
        if (!(p > 0 && p < 1))
        {
            return Outside(p);
        }

        return p <= 0.5
            ? lower.Evaluate(Math.Max(Math.Log(-Math.Log(p)), WHalf))
            : upper.Evaluate(Math.Max(Math.Log(-Math.Log(1 - p)), WHalf)); // 1 − p exact for p ≥ ½
    }

    /// <summary>The slow exact log-quantile (any shape > 0), with the same conventions as <see cref="Log"/>.</summary>
    public static double ExactLog(double shape, double p)
    {
        if (!(p > 0 && p < 1))
        {
            return Outside(p);
        }

        double logGamma = SpecialFunctions.GammaLn(shape);
        return p <= 0.5 ? Solve(shape, logGamma, Math.Log(p), upperTail: false) : Solve(shape, logGamma, Math.Log(1 - p), upperTail: true);
    }

    private static double Outside(double p) => p <= 0 ? double.NegativeInfinity : p >= 1 ? double.PositiveInfinity : double.NaN;

    /// <summary>
    /// y = ln x with ln P(a, x) = <paramref name="logProbability"/> (or ln Q(a, x), the upper tail): Newton
    /// in y inside a bisection bracket, to a step of 10^-15 · max(1, |y|). Both sides are computed in logs
    /// (<see cref="LogP"/>), so nothing underflows for shapes down to 10^-3 (where x reaches 10^-300000).
    /// </summary>
    internal static double Solve(double a, double logGamma, double logProbability, bool upperTail)
    {
        double lo = double.NegativeInfinity, hi = double.PositiveInfinity;

        // Lower tail: P ≈ x^a / Γ(a + 1); upper tail: x ≈ −ln Q + (a − 1) ln x, started at the larger of a and −ln Q.
        double y = upperTail
            ? Math.Log(Math.Max(a, -logProbability + ((a - 1) * Math.Log(Math.Max(a, -logProbability)))))
            : Math.Min((logProbability + logGamma + Math.Log(a)) / a, Math.Log(a + 1));
        for (int i = 0; i < 400; i++)
        {
            double logF = LogP(a, logGamma, y, upperTail);
            double f = logF - logProbability;
            if (f == 0)
            {
                return y;
            }

            bool tooHigh = upperTail ? f < 0 : f > 0; // P grows with y, Q falls
            if (tooHigh)
            {
                hi = y;
            }
            else
            {
                lo = y;
            }

            // d ln P / dy = x·density / P = exp(a·y − x − ln Γ(a) − ln P); d ln Q / dy is minus that with Q.
            double slope = Math.Exp((a * y) - Math.Exp(y) - logGamma - logF) * (upperTail ? -1 : 1);
            double next = y - (f / slope);
            if (!(next > lo && next < hi))
            {
                next = double.IsNegativeInfinity(lo) ? y - Math.Max(1, Math.Abs(y))
                    : double.IsPositiveInfinity(hi) ? y + 1
                    : 0.5 * (lo + hi);
            }

            if (Math.Abs(next - y) <= 1e-15 * Math.Max(1, Math.Abs(y)))
            {
                return next;
            }

            y = next;
        }

        return y;
    }

    /// <summary>
    /// ln P(a, e^y) (or ln Q). Below x = a + 1 by the series P = x^a e^-x / Γ(a + 1) · Σ x^k / ((a + 1)…(a + k)),
    /// in logs; above, by MathNet's continued fraction for Q (Q ≥ 10^-16 in the range used, no underflow).
    /// </summary>
    private static double LogP(double a, double logGamma, double y, bool upperTail)
    {
        double x = Math.Exp(y);
        if (x < a + 1)
        {
            double term = 1, sum = 1;
            for (int k = 1; k < 100_000 && term > 1e-17 * sum; k++)
            {
                term *= x / (a + k);
                sum += term;
            }

            double logP = (a * y) - x - (logGamma + Math.Log(a)) + Math.Log(sum);
            return upperTail ? Math.Log(-double.ExpM1(logP)) : logP;
        }

        double q = SpecialFunctions.GammaUpperRegularized(a, x);
        return upperTail ? Math.Log(q) : double.LogP1(-q);
    }
}
