using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RiskSim.Core.Random;

/// <summary>
/// Lane-parallel forms of the sequential searches (from 0, and for a binomial with p &gt; ½ down from
/// n): up to four variates at ONE uniform (the worlds of a trial, which read the same uniform for the
/// same draw), searched together with the worlds in the lanes of a <see cref="Vector256{T}"/>; or two
/// such draws at their two uniforms in the lanes of a <see cref="Vector512{T}"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Same bits.</b> Each lane does exactly the scalar search's operations in the same order
/// (the pmf at 0 from scalar <see cref="Math.Exp"/>, then the same ratio, product and sum per
/// step; IEEE division, multiplication and addition round the same in a lane as in a scalar
/// register; the JIT contracts nothing into fused multiply-adds), and stops where the scalar
/// search would return, so every lane's variate equals the scalar function's, bit for bit (the
/// tests check it on millions of random arguments). When any lane is in another regime (a search
/// from the mode, a trivial or invalid argument), the lanes are drawn one by one by the scalar
/// function, a lane whose arguments equal an earlier lane's taking that lane's variate (the same
/// arguments at the same uniform give the same variate).
/// </para>
/// <para>
/// <b>Why.</b> The search is a chain of dependent multiplications and additions with a division
/// per step; the worlds of one month have near-identical parameters, so their searches end within
/// a step or two of each other, and one vector walk does the work of three scalar ones. What a walk
/// costs is its count of vector operations a step and its fixed cost a call (set-up, the
/// mispredicted exit), not the division or the dependency chain: measured on the Staffordshire
/// month loop, a reciprocal table and a two-steps-a-branch unrolling gained nothing, while dropping
/// a select and a mask a step gained 15 %, and walking two draws in one 512-bit walk about 4 %.
/// The starts' exponentials stay scalar <see cref="Math.Exp"/>: one <see cref="Vector256.Exp(Vector256{double})"/>
/// for all lanes (the scalar search calling it too, to keep the same bits) measured no faster on a quiet
/// machine (median 73.3 against 72.4 µs a trial; the JIT calls it out of line), nor did an inlined
/// degree-13 polynomial exp of our own (a 14-step dependent chain).
/// </para>
/// <para>
/// <b>Inlining.</b> The CLI runs without dynamic PGO (its tier-1 recompiles cost JIT time that
/// competes with the trials), and without PGO the JIT does not inline these walks into the month
/// loop on its own: the entry points, their start values and the walks from 0 and from n carry
/// <see cref="MethodImplOptions.AggressiveInlining"/>, the rare general cases stay out of line.
/// Months probe: 95 µs a trial without PGO and without the hints, 74 µs with the hints (72 µs with PGO).
/// </para>
/// </remarks>
public static partial class DiscreteInverse
{
    /// <summary>The most lanes one call draws.</summary>
    internal const int MaxLanes = 4;

    /// <summary>
    /// Binomial(n[w], p[w]) at uniform <paramref name="u"/> for lanes w &lt; <paramref name="lanes"/>:
    /// lane w's variate equals <c>Binomial(u, (int)n[w], p[w], ref caches[w · stride])</c>. Lanes at and
    /// above <paramref name="lanes"/> are 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> BinomialLanes(double u, Vector256<double> n, Vector256<double> p, int lanes, Span<BinomialLogCache> caches, int stride)
    {
        if (!(u >= 0.0 && u < 1.0))
        {
            ThrowUniformOutOfRange(u);
        }

        if (Vector256.IsHardwareAccelerated && lanes > 1 && lanes <= MaxLanes && AllFromZero(n, p, InLanes(lanes)))
        {
            var inLanes = InLanes(lanes);
            var pmf0 = BinomialStartLanes(n, p, lanes, caches, stride);
            var odds = p / (Vector256<double>.One - p); // as the scalar: p / (1 − p)
            return BinomialFromZeroLanes(u, n & inLanes, odds, pmf0, (1 << lanes) - 1);
        }

        if (Vector256.IsHardwareAccelerated && lanes > 1 && lanes <= MaxLanes && AllFromN(n, p, InLanes(lanes)))
        {
            // p > ½ (a late split draw: a type's share of the types left): the search down from n.
            var inLanes = InLanes(lanes);
            var q = Vector256<double>.One - p; // as the scalar: exact when p >= ½ (Sterbenz)
            var pmfN = StartLanes(n, p, q, lanes, caches, stride);
            return BinomialFromNLanes(u, n & inLanes, q / p, pmfN, (1 << lanes) - 1);
        }

        return BinomialLanesGeneral(u, n, p, lanes, caches, stride);
    }

    /// <summary>
    /// Two binomial draws over the same worlds at once, A at uniform <paramref name="uA"/> and B at
    /// <paramref name="uB"/> (independent draws, say two types' exits): each result equals
    /// <see cref="BinomialLanes"/>'s for that draw, bit for bit. Where 512-bit vectors are fast and
    /// every lane of both searches from 0, the two walks run as one, A in the low four lanes and B in
    /// the high four, so a month pays one walk's fixed cost (set-up, the mispredicted exit) for two draws.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void BinomialLanesPair(
        double uA, Vector256<double> nA, Vector256<double> pA, Span<BinomialLogCache> cachesA,
        double uB, Vector256<double> nB, Vector256<double> pB, Span<BinomialLogCache> cachesB,
        int lanes, int stride, out Vector256<double> resultA, out Vector256<double> resultB)
    {
        if (Vector512.IsHardwareAccelerated && lanes > 1 && lanes <= MaxLanes
            && uA >= 0.0 && uA < 1.0 && uB >= 0.0 && uB < 1.0)
        {
            var inLanes = InLanes(lanes);
            if (AllFromZero(nA, pA, inLanes) && AllFromZero(nB, pB, inLanes))
            {
                var pmfA = BinomialStartLanes(nA, pA, lanes, cachesA, stride);
                var pmfB = BinomialStartLanes(nB, pB, lanes, cachesB, stride);
                var oddsA = pA / (Vector256<double>.One - pA);
                var oddsB = pB / (Vector256<double>.One - pB);
                int live = (1 << lanes) - 1;
                var found = BinomialFromZeroLanes(
                    Vector512.Create(Vector256.Create(uA), Vector256.Create(uB)),
                    Vector512.Create(nA & inLanes, nB & inLanes),
                    Vector512.Create(oddsA, oddsB),
                    Vector512.Create(pmfA, pmfB),
                    live | (live << MaxLanes));
                resultA = found.GetLower();
                resultB = found.GetUpper();
                return;
            }
        }

        resultA = BinomialLanes(uA, nA, pA, lanes, cachesA, stride);
        resultB = BinomialLanes(uB, nB, pB, lanes, cachesB, stride);
    }

    /// <summary>
    /// Whether every lane of <paramref name="inLanes"/> searches from 0: a whole n &gt;= 0 with
    /// 0 &lt;= p &lt;= 1/2 and n·p &lt;= 100 (the scalar function's regime test, lane by lane). A lane with
    /// n = 0 or p = 0, which the scalar function answers 0 at once, gives 0 in the walk too: it stops
    /// at k = 0 because k = n, or because F(0) = exp(n·(−0)) = 1 &gt; u.
    /// </summary>
    /// <summary>
    /// Whether every lane of <paramref name="inLanes"/> searches down from n: a whole n &gt;= 1 with
    /// ½ &lt; p &lt; 1 and n·(1 − p) &lt;= 100 (the scalar function's regime test, lane by lane).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AllFromN(Vector256<double> n, Vector256<double> p, Vector256<double> inLanes)
    {
        var fromN = Vector256.GreaterThanOrEqual(n, Vector256<double>.One)
            & Vector256.LessThanOrEqual(n, Vector256.Create((double)int.MaxValue))
            & Vector256.Equals(n, Vector256.Floor(n))
            & Vector256.GreaterThan(p, Vector256.Create(0.5))
            & Vector256.LessThan(p, Vector256<double>.One)
            & Vector256.LessThanOrEqual(n * (Vector256<double>.One - p), Vector256.Create(SequentialSearchMaxMean));
        return Vector256.AndNot(inLanes, fromN) == Vector256<double>.Zero;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AllFromZero(Vector256<double> n, Vector256<double> p, Vector256<double> inLanes)
    {
        var fromZero = Vector256.GreaterThanOrEqual(n, Vector256<double>.Zero)
            & Vector256.LessThanOrEqual(n, Vector256.Create((double)int.MaxValue))
            & Vector256.Equals(n, Vector256.Floor(n))
            & Vector256.GreaterThanOrEqual(p, Vector256<double>.Zero)
            & Vector256.LessThanOrEqual(p, Vector256.Create(0.5))
            & Vector256.LessThanOrEqual(n * p, Vector256.Create(SequentialSearchMaxMean));
        return Vector256.AndNot(inLanes, fromZero) == Vector256<double>.Zero;
    }

    /// <summary>
    /// The pmf at 0 of lanes below <paramref name="lanes"/>, all searching from 0 (1 in the other lanes,
    /// which are never live): the start logarithms from the caches, then scalar <see cref="Math.Exp"/>
    /// as the scalar search computes it (once per distinct n·ln(1 − p): equal arguments give equal results).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> BinomialStartLanes(Vector256<double> n, Vector256<double> p, int lanes, Span<BinomialLogCache> caches, int stride) =>
        StartLanes(n, p, p, lanes, caches, stride);

    /// <summary>
    /// The pmf at the search's start, exp(n · ln(1 − <paramref name="smaller"/>)) lane by lane as the
    /// scalar search computes it, with the logarithm from each lane's cache (keyed on p): from 0,
    /// <paramref name="smaller"/> is p; from n (p &gt; ½), it is 1 − p. 1 in lanes at and above <paramref name="lanes"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> StartLanes(Vector256<double> n, Vector256<double> p, Vector256<double> smaller, int lanes, Span<BinomialLogCache> caches, int stride)
    {
        double log0 = LaneLog(ref caches[0], p.GetElement(0), smaller.GetElement(0));
        double log1 = LaneLog(ref caches[stride], p.GetElement(1), smaller.GetElement(1));
        double log2 = 0.0, log3 = 0.0;
        if (lanes > 2)
        {
            log2 = LaneLog(ref caches[2 * stride], p.GetElement(2), smaller.GetElement(2));
            if (lanes > 3)
            {
                log3 = LaneLog(ref caches[3 * stride], p.GetElement(3), smaller.GetElement(3));
            }
        }

        // exp(n · ln(1 − smaller)), as the scalar; n is whole, so (double)(int)n == n.
        var start = n * Vector256.Create(log0, log1, log2, log3);
        double t0 = start.GetElement(0), t1 = start.GetElement(1), t2 = start.GetElement(2), t3 = start.GetElement(3);
        double e0 = Math.Exp(t0);
        double e1 = t1 == t0 ? e0 : Math.Exp(t1);
        double e2 = 1.0, e3 = 1.0; // a lane outside the search starts with F(0) = 1 > u: never live
        if (lanes > 2)
        {
            e2 = t2 == t0 ? e0 : t2 == t1 ? e1 : Math.Exp(t2);
            if (lanes > 3)
            {
                e3 = t3 == t0 ? e0 : t3 == t1 ? e1 : t3 == t2 ? e2 : Math.Exp(t3);
            }
        }

        return Vector256.Create(e0, e1, e2, e3);
    }

    /// <summary>
    /// ln(1 − <paramref name="smaller"/>) as <see cref="StartLog"/> gives it; for p = 0 (a lane that draws
    /// nothing) −0, which is what <see cref="Log1P"/> returns for −0, without displacing the site's cached p.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LaneLog(ref BinomialLogCache cache, double p, double smaller) => p == 0.0 ? -0.0 : StartLog(ref cache, p, smaller);

    /// <summary>All bits set in lanes below <paramref name="lanes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> InLanes(int lanes) =>
        Vector256.LessThan(Vector256.Create(0.0, 1.0, 2.0, 3.0), Vector256.Create((double)lanes));

    /// <summary><see cref="BinomialLanes"/> for any arguments: lanes in other regimes, invalid ones, twins.</summary>
    private static Vector256<double> BinomialLanesGeneral(double u, Vector256<double> n, Vector256<double> p, int lanes, Span<BinomialLogCache> caches, int stride)
    {
        Span<double> result = stackalloc double[MaxLanes];
        Span<double> pmf0 = stackalloc double[MaxLanes];
        Span<double> odds = stackalloc double[MaxLanes];
        Span<double> trials = stackalloc double[MaxLanes];
        Span<int> twin = stackalloc int[MaxLanes];
        result.Clear();
        pmf0.Fill(1.0); // a lane outside the search starts with F(0) = 1 > u: never live
        odds.Clear();
        trials.Clear();
        int searched = 0; // bit w: lane w searches from 0 together with the others
        int last = -1;
        for (int w = 0; w < lanes; w++)
        {
            double nw = n.GetElement(w), pw = p.GetElement(w);
            twin[w] = -1;
            for (int v = 0; v < w; v++)
            {
                if (n.GetElement(v) == nw && p.GetElement(v) == pw)
                {
                    twin[w] = v;
                    break;
                }
            }

            if (twin[w] >= 0)
            {
                continue;
            }

            int ni = (int)nw;
            if (!Vector256.IsHardwareAccelerated || !(ni > 0 && pw > 0.0 && pw <= 0.5 && ni * pw <= SequentialSearchMaxMean))
            {
                // Trivial (n = 0, p = 0 or 1), another regime, or invalid (the scalar function throws).
                result[w] = Binomial(u, ni, pw, ref caches[w * stride]);
                continue;
            }

            trials[w] = ni;
            pmf0[w] = StartLog(ref caches[w * stride], pw, pw); // the logarithm for now; the pmf below
            odds[w] = pw / (1.0 - pw);
            searched |= 1 << w;
            last = w;
        }

        if (searched != 0)
        {
            if ((searched & (searched - 1)) == 0)
            {
                // One lane to search: the scalar search, without the vector bookkeeping.
                int ni = (int)trials[last];
                double pw = p.GetElement(last);
                result[last] = BinomialFromZero(u, ni, pw, 1.0 - pw, pmf0[last]);
            }
            else
            {
                for (int w = 0; w < lanes; w++)
                {
                    if ((searched & (1 << w)) != 0)
                    {
                        pmf0[w] = Math.Exp(trials[w] * pmf0[w]); // as the scalar: exp(n · ln(1 − p))
                    }
                }

                var found = BinomialFromZeroLanes(u, Load(trials), Load(odds), Load(pmf0), searched);
                for (int w = 0; w < lanes; w++)
                {
                    if ((searched & (1 << w)) != 0)
                    {
                        result[w] = found.GetElement(w);
                    }
                }
            }
        }

        CopyTwins(result, twin, lanes);
        return Load(result);
    }

    /// <summary>
    /// Negative binomial (mean[w], <paramref name="dispersion"/>) at uniform <paramref name="u"/>
    /// for lanes w &lt; <paramref name="lanes"/>: lane w's variate equals
    /// <c>NegativeBinomial(u, mean[w], dispersion)</c> (or <c>Poisson(u, mean[w])</c> when the
    /// dispersion is +∞). <paramref name="ratios"/>[x] must hold (x + k)/(x + 1) for the dispersion
    /// k (the step ratio without its q, the same for every lane and every month; see
    /// <see cref="NegativeBinomialStepRatios"/>); past its end the ratio is computed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> NegativeBinomialLanes(double u, Vector256<double> mean, double dispersion, int lanes, ReadOnlySpan<double> ratios)
    {
        if (!(u >= 0.0 && u < 1.0))
        {
            ThrowUniformOutOfRange(u);
        }

        if (Vector256.IsHardwareAccelerated && lanes > 1 && lanes <= MaxLanes && dispersion > 0.0 && !double.IsPositiveInfinity(dispersion))
        {
            var inLanes = InLanes(lanes);
            var fromZero = Vector256.GreaterThan(mean, Vector256<double>.Zero)
                & Vector256.LessThanOrEqual(mean, Vector256.Create(SequentialSearchMaxMean));
            if (Vector256.AndNot(inLanes, fromZero) == Vector256<double>.Zero)
            {
                // ln P(0) = −k·ln(1 + μ/k) lane by lane as the scalar computes it (once per distinct μ).
                double m0 = mean.GetElement(0), m1 = mean.GetElement(1), m2 = mean.GetElement(2), m3 = mean.GetElement(3);
                double l0 = -dispersion * Log1P(m0 / dispersion);
                double l1 = m1 == m0 ? l0 : -dispersion * Log1P(m1 / dispersion);
                double l2 = 0.0, l3 = 0.0;
                if (lanes > 2)
                {
                    l2 = m2 == m0 ? l0 : m2 == m1 ? l1 : -dispersion * Log1P(m2 / dispersion);
                    if (lanes > 3)
                    {
                        l3 = m3 == m0 ? l0 : m3 == m1 ? l1 : m3 == m2 ? l2 : -dispersion * Log1P(m3 / dispersion);
                    }
                }

                if (l0 > -700.0 && l1 > -700.0 && l2 > -700.0 && l3 > -700.0)
                {
                    double e0 = Math.Exp(l0);
                    double e1 = l1 == l0 ? e0 : Math.Exp(l1);
                    double e2 = 1.0, e3 = 1.0;
                    if (lanes > 2)
                    {
                        e2 = l2 == l0 ? e0 : l2 == l1 ? e1 : Math.Exp(l2);
                        if (lanes > 3)
                        {
                            e3 = l3 == l0 ? e0 : l3 == l1 ? e1 : l3 == l2 ? e2 : Math.Exp(l3);
                        }
                    }

                    var qs = (mean / (Vector256.Create(dispersion) + mean)) & inLanes; // as the scalar: μ / (k + μ)
                    return NegativeBinomialFromZeroLanes(u, dispersion, qs, Vector256.Create(e0, e1, e2, e3), (1 << lanes) - 1, ratios);
                }
            }
        }

        return NegativeBinomialLanesGeneral(u, mean, dispersion, lanes, ratios);
    }

    /// <summary>
    /// <see cref="NegativeBinomialLanes"/> for any arguments: Poisson lanes, means searched from the
    /// mode, invalid ones, twins. Kept out of line so that the common path above, which the month loop
    /// inlines, carries no stack buffers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> NegativeBinomialLanesGeneral(double u, Vector256<double> mean, double dispersion, int lanes, ReadOnlySpan<double> ratios)
    {
        bool poisson = double.IsPositiveInfinity(dispersion);
        Span<double> result = stackalloc double[MaxLanes];
        Span<double> pmf0 = stackalloc double[MaxLanes];
        Span<double> q = stackalloc double[MaxLanes];
        Span<int> twin = stackalloc int[MaxLanes];
        result.Clear();
        pmf0.Fill(1.0);
        q.Clear();
        int searched = 0;
        for (int w = 0; w < lanes; w++)
        {
            double mw = mean.GetElement(w);
            twin[w] = -1;
            for (int v = 0; v < w; v++)
            {
                if (mean.GetElement(v) == mw)
                {
                    twin[w] = v;
                    break;
                }
            }

            if (twin[w] >= 0)
            {
                continue;
            }

            if (!Vector256.IsHardwareAccelerated || !(mw > 0.0 && mw <= SequentialSearchMaxMean && dispersion > 0.0))
            {
                // 0, a search from the mode, or invalid (the scalar function throws).
                result[w] = NegativeBinomial(u, mw, dispersion);
                continue;
            }

            if (poisson)
            {
                pmf0[w] = Math.Exp(-mw);
                q[w] = mw;
            }
            else
            {
                double logP0 = -dispersion * Log1P(mw / dispersion);
                if (!(logP0 > -700.0))
                {
                    result[w] = NegativeBinomial(u, mw, dispersion);
                    continue;
                }

                pmf0[w] = Math.Exp(logP0);
                q[w] = mw / (dispersion + mw);
            }

            searched |= 1 << w;
        }

        if (searched != 0)
        {
            var found = poisson
                ? PoissonFromZeroLanes(u, Load(q), Load(pmf0), searched)
                : NegativeBinomialFromZeroLanes(u, dispersion, Load(q), Load(pmf0), searched, ratios);
            for (int w = 0; w < lanes; w++)
            {
                if ((searched & (1 << w)) != 0)
                {
                    result[w] = found.GetElement(w);
                }
            }
        }

        CopyTwins(result, twin, lanes);
        return Load(result);
    }

    /// <summary>
    /// The step ratios (x + k)/(x + 1), x = 0, 1, …, of the negative binomial search from 0 with
    /// dispersion <paramref name="dispersion"/>, computed as the scalar search computes them.
    /// </summary>
    internal static void NegativeBinomialStepRatios(double dispersion, Span<double> ratios)
    {
        for (int x = 0; x < ratios.Length; x++)
        {
            ratios[x] = (x + dispersion) / (x + 1);
        }
    }

    private static void CopyTwins(Span<double> result, ReadOnlySpan<int> twin, int lanes)
    {
        for (int w = 1; w < lanes; w++)
        {
            if (twin[w] >= 0)
            {
                result[w] = result[twin[w]];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(ReadOnlySpan<double> four) => Vector256.Create(four);

    /// <summary>The lanes' mask: all bits set in the lanes of <paramref name="bits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LaneMask(int bits) =>
        Vector256.Create(
            (bits & 1) != 0 ? -1L : 0L,
            (bits & 2) != 0 ? -1L : 0L,
            (bits & 4) != 0 ? -1L : 0L,
            (bits & 8) != 0 ? -1L : 0L).AsDouble();

    /// <summary>
    /// <see cref="BinomialFromZero"/> in the lanes of <paramref name="live"/>, which share the step
    /// count k: a lane stops (with k) at the scalar search's returns, F(k) &gt; u, k = n, or a sum that
    /// no longer grows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> BinomialFromZeroLanes(double u, Vector256<double> n, Vector256<double> odds, Vector256<double> pmf, int live)
    {
        var uu = Vector256.Create(u);
        var one = Vector256.Create(1.0);
        var active = LaneMask(live);
        var result = Vector256<double>.Zero;
        var k = Vector256<double>.Zero;
        var cdf = pmf;
        var stalled = Vector256<double>.Zero;
        while (true)
        {
            // A live lane's result is k until it stops; a sum that stopped growing in the last step
            // stops the lane here, with the k the scalar search returns then (folding it into this
            // test saves a select per step: the walk's cost is its operation count).
            result = Vector256.ConditionalSelect(active, k, result);
            active = Vector256.AndNot(active, Vector256.GreaterThan(cdf, uu) | Vector256.Equals(k, n) | stalled);
            if (active.ExtractMostSignificantBits() == 0)
            {
                return result;
            }

            pmf *= (n - k) / (k + one) * odds; // (double)(n − k) / (k + 1) * odds: integers exact in doubles
            k += one;
            var next = cdf + pmf;
            stalled = Vector256.Equals(next, cdf);
            cdf = next;
        }
    }

    /// <summary>
    /// <see cref="BinomialFromZeroLanes(double, Vector256{double}, Vector256{double}, Vector256{double}, int)"/>
    /// in eight lanes, each with its own uniform (two draws' worlds): the same operations per lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> BinomialFromZeroLanes(Vector512<double> uu, Vector512<double> n, Vector512<double> odds, Vector512<double> pmf, int live)
    {
        var one = Vector512.Create(1.0);
        var active = Vector512.Create(
            Vector256.Create((live & 1) != 0 ? -1L : 0L, (live & 2) != 0 ? -1L : 0L, (live & 4) != 0 ? -1L : 0L, (live & 8) != 0 ? -1L : 0L),
            Vector256.Create((live & 16) != 0 ? -1L : 0L, (live & 32) != 0 ? -1L : 0L, (live & 64) != 0 ? -1L : 0L, (live & 128) != 0 ? -1L : 0L)).AsDouble();
        var result = Vector512<double>.Zero;
        var k = Vector512<double>.Zero;
        var cdf = pmf;
        var stalled = Vector512<double>.Zero;
        while (true)
        {
            result = Vector512.ConditionalSelect(active, k, result);
            active = Vector512.AndNot(active, Vector512.GreaterThan(cdf, uu) | Vector512.Equals(k, n) | stalled);
            if (active.ExtractMostSignificantBits() == 0)
            {
                return result;
            }

            pmf *= (n - k) / (k + one) * odds; // as the scalar, lane by lane
            k += one;
            var next = cdf + pmf;
            stalled = Vector512.Equals(next, cdf);
            cdf = next;
        }
    }

    /// <summary>
    /// <see cref="BinomialFromN"/> in the lanes of <paramref name="live"/>: each lane walks down from its
    /// own n, accumulating the upper tail, and stops (with its k) at the scalar search's breaks: k = 0,
    /// 1 − P(X ≥ k) ≤ u, or an upper-tail sum that no longer grows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> BinomialFromNLanes(double u, Vector256<double> n, Vector256<double> inverseOdds, Vector256<double> pmf, int live)
    {
        var uu = Vector256.Create(u);
        var one = Vector256.Create(1.0);
        var active = LaneMask(live);
        var result = Vector256<double>.Zero;
        var k = n;
        var upper = pmf; // P(X >= k)
        var stalled = Vector256<double>.Zero;
        while (true)
        {
            // As in BinomialFromZeroLanes: a stalled sum stops the lane at the next test, with the same k.
            result = Vector256.ConditionalSelect(active, k, result);
            active = Vector256.AndNot(
                active,
                Vector256.LessThanOrEqual(k, Vector256<double>.Zero) | ~Vector256.GreaterThan(one - upper, uu) | stalled);
            if (active.ExtractMostSignificantBits() == 0)
            {
                return result;
            }

            pmf *= k / (n - k + one) * inverseOdds; // (double)k / (n − k + 1) * inverseOdds, as the scalar
            k -= one;
            var next = upper + pmf;
            stalled = Vector256.Equals(next, upper);
            upper = next;
        }
    }

    /// <summary><see cref="PoissonFromZero"/> in the lanes of <paramref name="live"/> (means in <paramref name="lambda"/>).</summary>
    private static Vector256<double> PoissonFromZeroLanes(double u, Vector256<double> lambda, Vector256<double> pmf, int live)
    {
        var uu = Vector256.Create(u);
        var one = Vector256.Create(1.0);
        var active = LaneMask(live);
        var result = Vector256<double>.Zero;
        var k = Vector256<double>.Zero;
        var cdf = pmf;
        var stalled = Vector256<double>.Zero;
        while (true)
        {
            // As in BinomialFromZeroLanes: a stalled sum stops the lane at the next test, with the same k.
            result = Vector256.ConditionalSelect(active, k, result);
            active = Vector256.AndNot(active, Vector256.GreaterThan(cdf, uu) | stalled);
            if (active.ExtractMostSignificantBits() == 0)
            {
                return result;
            }

            k += one;
            pmf *= lambda / k;
            var next = cdf + pmf;
            stalled = Vector256.Equals(next, cdf);
            cdf = next;
        }
    }

    /// <summary>
    /// <see cref="NegativeBinomialFromZero"/> in the lanes of <paramref name="live"/>: the ratio
    /// (x + k)/(x + 1) is the same in every lane (one dispersion), so it comes from
    /// <paramref name="ratios"/> (or one scalar division past its end) and only q differs by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> NegativeBinomialFromZeroLanes(
        double u, double dispersion, Vector256<double> q, Vector256<double> pmf, int live, ReadOnlySpan<double> ratios)
    {
        var uu = Vector256.Create(u);
        var active = LaneMask(live);
        var result = Vector256<double>.Zero;
        var cdf = pmf;
        var at = Vector256<double>.Zero; // x in every lane
        var stalled = Vector256<double>.Zero;
        int x = 0;

        // The tabled steps first, without the per-step checks of the table's end and of int.MaxValue.
        while (x < ratios.Length)
        {
            result = Vector256.ConditionalSelect(active, at, result);
            active = Vector256.AndNot(active, Vector256.GreaterThan(cdf, uu) | stalled);
            if (active.ExtractMostSignificantBits() == 0)
            {
                return result;
            }

            pmf *= Vector256.Create(ratios[x]) * q; // (x + k) / (x + 1) * q, as the scalar
            x++;
            at += Vector256<double>.One;
            var next = cdf + pmf;
            stalled = Vector256.Equals(next, cdf);
            cdf = next;
        }

        while (true)
        {
            // As in BinomialFromZeroLanes: a stalled sum (or x at int.MaxValue) stops the lane at the
            // next test, with the same x.
            result = Vector256.ConditionalSelect(active, at, result);
            active = Vector256.AndNot(active, Vector256.GreaterThan(cdf, uu) | stalled);
            if (active.ExtractMostSignificantBits() == 0)
            {
                return result;
            }

            double ratio = x < ratios.Length ? ratios[x] : (x + dispersion) / (x + 1);
            pmf *= Vector256.Create(ratio) * q; // (x + k) / (x + 1) * q, as the scalar
            x++;
            at += Vector256<double>.One; // exact: whole numbers far below 2^53
            var next = cdf + pmf;
            stalled = Vector256.Equals(next, cdf);
            if (x == int.MaxValue)
            {
                stalled = Vector256<double>.AllBitsSet;
            }

            cdf = next;
        }
    }
}
