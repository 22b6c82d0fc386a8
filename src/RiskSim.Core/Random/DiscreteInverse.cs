using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace RiskSim.Core.Random;

/// <summary>
/// Inverse-CDF samplers for discrete distributions, each driven by exactly one uniform
/// <c>u</c> in [0, 1): the result is the smallest <c>k</c> with <c>CDF(k) &gt; u</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Why inversion.</b> Each draw consumes one uniform and the result is monotone non-decreasing
/// in that uniform, so two simulations (say a base case and a what-if with a higher frequency)
/// fed the same uniforms stay in lock-step: common random numbers. We do not use MathNet's
/// samplers (<c>MathNet.Numerics.Distributions.Poisson.Sample(System.Random, ...)</c> and
/// <c>Binomial.Sample</c>) here: they take a <see cref="System.Random"/> and draw a variable,
/// parameter-dependent number of uniforms per variate (rejection, or one uniform per trial), so
/// after one draw two worlds would be reading different uniforms and fall out of step; they are
/// not monotone in any one uniform; and MathNet's binomial sampler costs O(n) per draw.
/// </para>
/// <para>
/// <b>Algorithm.</b> Inversion by sequential search (Devroye, <i>Non-Uniform Random Variate
/// Generation</i>, Springer 1986, ch. X, sections 3 and 4; for the binomial, the "BINV" algorithm
/// of Kachitvichyanukul and Schmeiser, "Binomial random variate generation", CACM 31(2), 1988).
/// When the mean (for the binomial: the smaller of <c>n·p</c> and <c>n·(1−p)</c>) is at most
/// <see cref="SequentialSearchMaxMean"/>, the search runs from the end of the support nearest the
/// mass (k = 0, or k = n for a binomial with p &gt; 1/2) with the pmf recursion. Above it, the
/// search starts at the mode (Devroye ch. III.2, "inversion by search from the mode"): the pmf at
/// the mode comes from Loader's saddle-point formula (C. Loader, "Fast and accurate computation
/// of binomial probabilities", 2000; as in R's <c>dpois_raw</c>/<c>dbinom_raw</c>), which,
/// unlike <c>exp(k·ln λ − λ − GammaLn(k+1))</c>, loses no digits to cancellation for large
/// means; the CDF at the mode is the sum of the pmf from the mode down into the negligible tail
/// (O(√mean) terms, the same order of work as MathNet's incomplete gamma and beta series; off by
/// 1e-14 at λ = 1e6 and 5e-14 at λ = 1e8, where MathNet's <c>Poisson.CDF</c> is off by 3e-10 and
/// 1e-7); then the search walks up or down. Cost is O(mean) below the threshold and
/// O(√variance) above it. Nothing is allocated.
/// </para>
/// <para>
/// <b>Floating point.</b> The search compares <c>u</c> with a fixed, computed, non-decreasing
/// sequence of partial sums, so the result is exactly monotone in <c>u</c>. Where the running sum
/// stops changing (the pmf has fallen below its rounding), the search stops there; this moves
/// about 1e-14 of probability at most (measured: below 8e-15 up to λ = 1e6) and guarantees
/// termination. The computed CDF agrees with the exact one to about 1e-13 or better (measured
/// against 40-digit mpmath values up to λ = 1e8 and n = 2e9; see the tests).
/// </para>
/// </remarks>
public static partial class DiscreteInverse
{
    /// <summary>The largest Poisson mean accepted (results must fit an <see cref="int"/>).</summary>
    public const double MaxPoissonLambda = 1e9;

    /// <summary>
    /// Means up to this use sequential search from the end of the support; larger ones search from
    /// the mode. Both are exact inversions, so the choice affects speed only (within rounding).
    /// Measured here (Release, one core): the two cost the same near a mean of 80; at 250 the
    /// search from the mode takes 0.39 µs against 0.67 µs, at 500 0.6 µs against 1.4 µs.
    /// </summary>
    internal const double SequentialSearchMaxMean = 100.0;

    /// <summary>Terms of the pmf below this fraction of the running CDF are dropped from the sum at the mode.</summary>
    private const double TailCutoff = 1e-20;

    /// <summary>ln √(2π).</summary>
    private const double LnSqrt2Pi = 0.91893853320467274178032973640562;

    /// <summary>ln(2π).</summary>
    private const double Ln2Pi = 1.8378770664093454835606594728112;

    /// <summary>
    /// The Poisson(<paramref name="lambda"/>) variate at uniform <paramref name="u"/>: the smallest
    /// <c>k</c> with <c>P(X ≤ k) &gt; u</c>. Monotone non-decreasing in <paramref name="u"/>.
    /// </summary>
    /// <param name="u">A uniform in [0, 1).</param>
    /// <param name="lambda">The mean, in [0, <see cref="MaxPoissonLambda"/>].</param>
    /// <returns>The variate, at least 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="u"/> is not in [0, 1), or <paramref name="lambda"/> is NaN, negative or
    /// above <see cref="MaxPoissonLambda"/>.
    /// </exception>
    public static int Poisson(double u, double lambda)
    {
        if (!(u >= 0.0 && u < 1.0))
        {
            ThrowUniformOutOfRange(u);
        }

        if (!(lambda >= 0.0 && lambda <= MaxPoissonLambda))
        {
            ThrowArgumentOutOfRange(nameof(lambda), lambda, "The Poisson mean must be in [0, 1e9].");
        }

        if (lambda == 0.0)
        {
            return 0;
        }

        return lambda <= SequentialSearchMaxMean ? PoissonFromZero(u, lambda) : PoissonFromMode(u, lambda);
    }

    /// <summary>The largest negative-binomial mean accepted (as for the Poisson).</summary>
    public const double MaxNegativeBinomialMean = 1e9;

    /// <summary>
    /// The negative binomial variate with mean <paramref name="mean"/> and dispersion (size)
    /// <paramref name="dispersion"/> = k at uniform <paramref name="u"/>: the smallest <c>x</c> with
    /// <c>P(X ≤ x) &gt; u</c>, where P(X = x) = Γ(x+k)/(Γ(k) x!) · (k/(k+μ))^k · (μ/(k+μ))^x. Its
    /// variance is μ + μ²/k; as k → ∞ it tends to Poisson(μ). It is the Poisson–gamma mixture (a
    /// Poisson whose mean is itself Gamma(k, μ/k)), inverted as one distribution so that a draw
    /// still takes exactly one uniform and is monotone in it (common random numbers hold).
    /// </summary>
    /// <param name="u">A uniform in [0, 1).</param>
    /// <param name="mean">The mean μ, in [0, <see cref="MaxNegativeBinomialMean"/>].</param>
    /// <param name="dispersion">k &gt; 0 (smaller is more overdispersed); +∞ gives the Poisson.</param>
    /// <returns>The variate, at least 0 (at most <see cref="int.MaxValue"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="u"/> is not in [0, 1), <paramref name="mean"/> is NaN, negative or too large,
    /// or <paramref name="dispersion"/> is NaN or not positive.
    /// </exception>
    public static int NegativeBinomial(double u, double mean, double dispersion)
    {
        if (!(u >= 0.0 && u < 1.0))
        {
            ThrowUniformOutOfRange(u);
        }

        if (!(mean >= 0.0 && mean <= MaxNegativeBinomialMean))
        {
            ThrowArgumentOutOfRange(nameof(mean), mean, "The negative binomial mean must be in [0, 1e9].");
        }

        if (!(dispersion > 0.0))
        {
            ThrowArgumentOutOfRange(nameof(dispersion), dispersion, "The dispersion must be positive.");
        }

        if (mean == 0.0)
        {
            return 0;
        }

        if (double.IsPositiveInfinity(dispersion))
        {
            return Poisson(u, mean);
        }

        // q = μ/(k+μ), the "success" probability of each extra count; ln(1 − q) = −ln(1 + μ/k).
        double k = dispersion;
        double q = mean / (k + mean);
        double logP0 = -k * Log1P(mean / k);
        return mean <= SequentialSearchMaxMean && logP0 > -700.0
            ? NegativeBinomialFromZero(u, k, q, Math.Exp(logP0))
            : NegativeBinomialFromMode(u, mean, k, q);
    }

    /// <summary>Sequential search up from 0: p(x+1) = p(x) · (x+k)/(x+1) · q.</summary>
    private static int NegativeBinomialFromZero(double u, double k, double q, double pmf)
    {
        double cdf = pmf;
        int x = 0;
        while (!(cdf > u))
        {
            pmf *= (x + k) / (x + 1) * q;
            x++;
            double next = cdf + pmf;
            if (next == cdf || x == int.MaxValue)
            {
                return x;
            }

            cdf = next;
        }

        return x;
    }

    /// <summary>
    /// Search from the mode (Devroye ch. III.2): the pmf at the mode in logs, the CDF there as the
    /// sum of the pmf down into the negligible tail, then a walk up or down.
    /// </summary>
    private static int NegativeBinomialFromMode(double u, double mean, double k, double q)
    {
        double modeValue = k > 1.0 ? Math.Floor((k - 1.0) * mean / k) : 0.0;
        int m = (int)Math.Min(modeValue, int.MaxValue - 1.0);
        double logPmf = SpecialFunctions.GammaLn(m + k) - SpecialFunctions.GammaLn(k) - SpecialFunctions.GammaLn(m + 1.0)
            - (k * Log1P(mean / k)) + (m * Math.Log(q));
        double pmfMode = Math.Exp(logPmf);
        return SearchFromMode(u, m, pmfMode, int.MaxValue, new NegativeBinomialRatios(k, q));
    }

    /// <summary>
    /// The Binomial(<paramref name="n"/>, <paramref name="p"/>) variate at uniform
    /// <paramref name="u"/>: the smallest <c>k</c> with <c>P(X ≤ k) &gt; u</c>. Monotone
    /// non-decreasing in <paramref name="u"/>, and in [0, <paramref name="n"/>].
    /// </summary>
    /// <param name="u">A uniform in [0, 1).</param>
    /// <param name="n">The number of trials, at least 0.</param>
    /// <param name="p">The success probability, in [0, 1]; 0 gives 0 and 1 gives <paramref name="n"/>.</param>
    /// <returns>The variate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="u"/> is not in [0, 1), <paramref name="n"/> is negative, or
    /// <paramref name="p"/> is NaN or outside [0, 1].
    /// </exception>
    public static int Binomial(double u, int n, double p)
    {
        var cache = BinomialLogCache.Empty;
        return Binomial(u, n, p, ref cache);
    }

    /// <summary>
    /// As <see cref="Binomial(double, int, double)"/>, reusing <paramref name="cache"/>'s logarithm when
    /// <paramref name="p"/> is the one it holds (and storing it otherwise): the same result, bit for bit.
    /// </summary>
    internal static int Binomial(double u, int n, double p, ref BinomialLogCache cache)
    {
        if (!(u >= 0.0 && u < 1.0))
        {
            ThrowUniformOutOfRange(u);
        }

        if (n < 0)
        {
            ThrowArgumentOutOfRange(nameof(n), n, "The number of trials must not be negative.");
        }

        if (!(p >= 0.0 && p <= 1.0))
        {
            ThrowArgumentOutOfRange(nameof(p), p, "The success probability must be in [0, 1].");
        }

        if (n == 0 || p == 0.0)
        {
            return 0;
        }

        if (p == 1.0)
        {
            return n;
        }

        double q = 1.0 - p; // exact when p >= 1/2 (Sterbenz)
        if (p <= 0.5)
        {
            return n * p <= SequentialSearchMaxMean ? BinomialFromZero(u, n, p, q, StartLog(ref cache, p, p)) : BinomialFromMode(u, n, p, q);
        }

        return n * q <= SequentialSearchMaxMean ? BinomialFromN(u, n, p, q, StartLog(ref cache, p, q)) : BinomialFromMode(u, n, p, q);
    }

    /// <summary>ln(1 − <paramref name="smaller"/>) for probability <paramref name="p"/>, from the cache when it holds <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double StartLog(ref BinomialLogCache cache, double p, double smaller)
    {
        if (p != cache.P)
        {
            cache.P = p;
            cache.Log = Log1P(-smaller);
        }

        return cache.Log;
    }

    /// <summary>Sequential search up from k = 0: F(0) = e^-λ, p(k) = p(k−1)·λ/k.</summary>
    private static int PoissonFromZero(double u, double lambda)
    {
        double pmf = Math.Exp(-lambda); // >= e^-100: no underflow
        double cdf = pmf;
        int k = 0;
        while (!(cdf > u))
        {
            k++;
            pmf *= lambda / k;
            double next = cdf + pmf;
            if (next == cdf)
            {
                return k; // the sum can no longer grow: only rounding-level mass is left above
            }

            cdf = next;
        }

        return k;
    }

    /// <summary>Search from the mode m = ⌊λ⌋, with F(m) summed from the pmf at the mode downwards.</summary>
    private static int PoissonFromMode(double u, double lambda)
    {
        int m = (int)lambda;
        double pmfMode = Math.Exp(-StirlingError(m) - Bd0(m, lambda) - LnSqrt2Pi - (0.5 * Math.Log(m)));
        return SearchFromMode(u, m, pmfMode, int.MaxValue, new PoissonRatios(lambda));
    }

    /// <summary>
    /// BINV: sequential search up from k = 0 (p ≤ 1/2): F(0) = (1−p)^n,
    /// p(k+1) = p(k)·(n−k)/(k+1)·p/(1−p).
    /// </summary>
    private static int BinomialFromZero(double u, int n, double p, double q, double log1MinusP)
    {
        // n·ln(1-p) >= -2 ln 2 · n·p >= -139 here (p <= 1/2), so no underflow.
        double pmf = Math.Exp(n * log1MinusP);
        double odds = p / q;
        double cdf = pmf;
        int k = 0;
        while (!(cdf > u))
        {
            if (k == n)
            {
                return n;
            }

            pmf *= (double)(n - k) / (k + 1) * odds;
            k++;
            double next = cdf + pmf;
            if (next == cdf)
            {
                return k;
            }

            cdf = next;
        }

        return k;
    }

    /// <summary>
    /// BINV mirrored for p &gt; 1/2: search down from k = n, accumulating the upper tail
    /// P(X ≥ k) from P(X = n) = p^n with p(k−1) = p(k)·k/(n−k+1)·(1−p)/p, and stopping at the
    /// first k with F(k−1) = 1 − P(X ≥ k) ≤ u (so, as everywhere, the smallest k with F(k) &gt; u).
    /// </summary>
    private static int BinomialFromN(double u, int n, double p, double q, double logP)
    {
        // n·ln p = n·ln(1-q) >= -2 ln 2 · n·q >= -139 here (q < 1/2), so no underflow.
        double pmf = Math.Exp(n * logP);
        double inverseOdds = q / p;
        double upper = pmf; // P(X >= k)
        int k = n;
        while (k > 0)
        {
            if (!(1.0 - upper > u))
            {
                break;
            }

            pmf *= (double)k / (n - k + 1) * inverseOdds;
            k--;
            double next = upper + pmf;
            if (next == upper)
            {
                break; // only rounding-level mass is left below
            }

            upper = next;
        }

        return k;
    }

    /// <summary>Search from the mode m = ⌊(n+1)p⌋, with F(m) summed from the pmf at the mode downwards.</summary>
    private static int BinomialFromMode(double u, int n, double p, double q)
    {
        int m = Math.Min((int)Math.Floor((n + 1.0) * p), n);
        double pmfMode = BinomialPmfLoader(m, n, p, q);
        return SearchFromMode(u, m, pmfMode, n, new BinomialRatios(n, p / q, q / p));
    }

    /// <summary>
    /// Inversion by search from the mode <paramref name="m"/> (Devroye ch. III.2), shared by the
    /// Poisson, negative binomial and binomial samplers: F(m) is the pmf summed from the mode down
    /// until the terms are negligible, then the search walks down while F(j − 1) = F(j) − p(j) is
    /// still above <paramref name="u"/>, or up until F(j) &gt; <paramref name="u"/>, stopping where
    /// the running sum no longer changes or at <paramref name="upper"/>, the top of the support.
    /// The struct <typeparamref name="TRatios"/> gives the pmf recursion; the JIT specialises the
    /// walk for each, so the generic costs nothing on the hot path.
    /// </summary>
    private static int SearchFromMode<TRatios>(double u, int m, double pmfMode, int upper, TRatios ratios)
        where TRatios : struct, IPmfRatios
    {
        double cdfMode = pmfMode;
        double t = pmfMode;
        for (int x = m; x > 0; x--)
        {
            t *= ratios.Down(x); // p(x − 1)
            cdfMode += t;
            if (t < cdfMode * TailCutoff)
            {
                break;
            }
        }

        double cdf = cdfMode;
        double pmf = pmfMode;
        int j = m;
        if (u < cdf)
        {
            while (j > 0)
            {
                double below = cdf - pmf;
                if (!(below > u) || below == cdf)
                {
                    break;
                }

                cdf = below;
                pmf *= ratios.Down(j);
                j--;
            }

            return j;
        }

        while (j < upper)
        {
            pmf *= ratios.Up(j);
            j++;
            double next = cdf + pmf;
            if (next > u || next == cdf)
            {
                return j;
            }

            cdf = next;
        }

        return upper;
    }

    /// <summary>
    /// Binomial pmf at k by Loader's formula (R's <c>dbinom_raw</c>), for 0 &lt; k &lt; n:
    /// exp(δ(n) − δ(k) − δ(n−k) − bd0(k, np) − bd0(n−k, nq)) / √(2π k (n−k)/n).
    /// </summary>
    private static double BinomialPmfLoader(int k, int n, double p, double q)
    {
        double lc = StirlingError(n) - StirlingError(k) - StirlingError(n - k)
            - Bd0(k, n * p) - Bd0(n - k, n * q);
        double lf = Ln2Pi + Math.Log(k) + Log1P(-(double)k / n);
        return Math.Exp(lc - (0.5 * lf));
    }

    /// <summary>
    /// δ(n) = ln n! − [(n + ½) ln n − n + ln √(2π)], the error of Stirling's formula, for n ≥ 1:
    /// from <see cref="SpecialFunctions.GammaLn"/> for n ≤ 15, else from its asymptotic series
    /// (five terms: truncation error below 1e-17 for n &gt; 15).
    /// </summary>
    private static double StirlingError(double n)
    {
        const double S0 = 1.0 / 12.0;
        const double S1 = 1.0 / 360.0;
        const double S2 = 1.0 / 1260.0;
        const double S3 = 1.0 / 1680.0;
        const double S4 = 1.0 / 1188.0;

        if (n <= 15.0)
        {
            return SpecialFunctions.GammaLn(n + 1.0) - ((n + 0.5) * Math.Log(n)) + n - LnSqrt2Pi;
        }

        double nn = n * n;
        return (S0 - ((S1 - ((S2 - ((S3 - (S4 / nn)) / nn)) / nn)) / nn)) / n;
    }

    /// <summary>
    /// bd0(x, μ) = x ln(x/μ) + μ − x ≥ 0, the deviance term of Loader's formula, computed by a
    /// series without cancellation when x is near μ.
    /// </summary>
    private static double Bd0(double x, double mu)
    {
        if (Math.Abs(x - mu) < 0.1 * (x + mu))
        {
            double v = (x - mu) / (x + mu);
            double s = (x - mu) * v;
            double ej = 2.0 * x * v;
            double v2 = v * v;
            for (int j = 1; j < 1000; j++)
            {
                ej *= v2;
                double s1 = s + (ej / ((2 * j) + 1));
                if (s1 == s)
                {
                    return s1;
                }

                s = s1;
            }
        }

        return (x * Math.Log(x / mu)) + mu - x;
    }

    /// <summary>ln(1 + x) without cancellation for small x (Goldberg 1991, theorem 4); x &gt; −1.</summary>
    private static double Log1P(double x)
    {
        double w = 1.0 + x;
        return w == 1.0 ? x : Math.Log(w) * (x / (w - 1.0));
    }

    [DoesNotReturn]
    private static void ThrowUniformOutOfRange(double u) =>
        throw new ArgumentOutOfRangeException(nameof(u), u, "The uniform must be in [0, 1).");

    [DoesNotReturn]
    private static void ThrowArgumentOutOfRange(string name, object value, string message) =>
        throw new ArgumentOutOfRangeException(name, value, message);

    /// <summary>The pmf recursion a search from the mode walks with.</summary>
    private interface IPmfRatios
    {
        /// <summary>p(x − 1) / p(x), for x ≥ 1.</summary>
        double Down(int x);

        /// <summary>p(x + 1) / p(x).</summary>
        double Up(int x);
    }

    /// <summary>Poisson(λ): p(x − 1)/p(x) = x/λ, p(x + 1)/p(x) = λ/(x + 1).</summary>
    private readonly struct PoissonRatios(double lambda) : IPmfRatios
    {
        public double Down(int x) => x / lambda;

        public double Up(int x) => lambda / (x + 1);
    }

    /// <summary>Negative binomial (dispersion k, q = mean/(mean + k)): p(x − 1)/p(x) = x/((x − 1 + k)q), p(x + 1)/p(x) = (x + k)/(x + 1)·q.</summary>
    private readonly struct NegativeBinomialRatios(double k, double q) : IPmfRatios
    {
        public double Down(int x) => x / ((x - 1 + k) * q);

        public double Up(int x) => (x + k) / (x + 1) * q;
    }

    /// <summary>Binomial(n, p): p(x − 1)/p(x) = x/(n − x + 1)·q/p, p(x + 1)/p(x) = (n − x)/(x + 1)·p/q.</summary>
    private readonly struct BinomialRatios(int n, double odds, double inverseOdds) : IPmfRatios
    {
        public double Down(int x) => (double)x / (n - x + 1) * inverseOdds;

        public double Up(int x) => (double)(n - x) / (x + 1) * odds;
    }
}
