using RiskSim.Core.Uncertainty;

namespace RiskSim.Tests.Uncertainty;

/// <summary>
/// The tabulated Gamma log-quantile (<see cref="GammaQuantileTable"/>, used by Dirichlet mixes and
/// <see cref="GammaDistribution"/>) against mpmath and against the exact log-space solver, for shapes
/// from 10^-3 to 10^3, tails and boundaries included, plus monotonicity.
/// Stated bound: |y_table − y_exact| ≤ 1e-12 · max(1, |y|), y = ln x (a relative error in x of 1e-12).
/// </summary>
public sealed class GammaQuantileTableTests
{
    private const double Bound = 1e-12;

    /// <summary>
    /// Generated with mpmath 1.2 at 30 digits (SciPy 1.10 only for starting points):
    /// <code>
    /// import mpmath as mp, math
    /// from scipy.special import gammaincinv, gammainccinv, gammaln
    /// mp.mp.dps = 30
    /// for a in [0.001, 0.01, 0.1, 0.5, 1, 2.5, 10, 98, 279, 1000]:
    ///     for p in [1e-300, 1e-12, 1e-6, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-6, 1 - 2**-40]:
    ///         if p &lt;= 0.5:
    ///             x0 = gammaincinv(a, p)
    ///             y0 = math.log(x0) if x0 > 0 else (math.log(p) + gammaln(a + 1)) / a
    ///             f = lambda y: mp.log(mp.gammainc(a, 0, mp.e**y, regularized=True)) - mp.log(p)
    ///         else:
    ///             q = 1 - p
    ///             x0 = gammainccinv(a, q)
    ///             y0 = math.log(x0) if x0 > 0 else (math.log(p) + gammaln(a + 1)) / a
    ///             f = lambda y: mp.log(mp.gammainc(a, mp.e**y, mp.inf, regularized=True)) - mp.log(q)
    ///         y = mp.findroot(f, mp.mpf(y0))
    ///         print(f"{{ {a!r}, {p!r}, {mp.nstr(y, 20)} }},")
    /// </code>
    /// </summary>
    public static TheoryData<double, double, double> MpMath => new()
    {
        { 0.001, 1e-300, -690776.10429181197417 },
        { 0.001, 1e-12, -27631.597509526831023 },
        { 0.001, 1e-06, -13816.086951562557231 },
        { 0.001, 0.01, -4605.7465795863746209 },
        { 0.001, 0.3, -1204.5491979242193741 },
        { 0.001, 0.5, -693.72357415822866453 },
        { 0.001, 0.7, -357.25133753701580447 },
        { 0.001, 0.99, -10.626705216738389078 },
        { 0.001, 0.999999, 1.633159338212258318 },
        { 0.001, 0.9999999999990905, 2.8840067248029737383 },
        { 0.01, 1e-300, -69078.121820615976045 },
        { 0.01, 1e-12, -2763.6711423874617299 },
        { 0.01, 1e-06, -1382.1200865910343507 },
        { 0.01, 0.01, -461.08604939341608969 },
        { 0.01, 0.3, -120.96631122720056501 },
        { 0.01, 0.5, -69.883748850601494051 },
        { 0.01, 0.7, -36.236525188480207864 },
        { 0.01, 0.99, -1.3278271698191654105 },
        { 0.01, 0.999999, 1.9672876529608932743 },
        { 0.01, 0.9999999999990905, 3.0011789232009900118 },
        { 0.1, 1e-300, -6908.2540033947350656 },
        { 0.1, 1e-12, -276.80893557188386418 },
        { 0.1, 1e-06, -138.65382999224113106 },
        { 0.1, 0.01, -46.550426272479308153 },
        { 0.1, 0.3, -12.538449195782088811 },
        { 0.1, 0.5, -7.429656841018321319 },
        { 0.1, 0.7, -4.0496900013530913895 },
        { 0.1, 0.99, 0.46277621046846378469 },
        { 0.1, 0.999999, 2.2467580694501800059 },
        { 0.1, 0.9999999999990905, 3.1192055294619158016 },
        { 0.5, 1e-300, -1381.7926202716979008 },
        { 0.5, 1e-12, -55.503606707127586901 },
        { 0.5, 1e-06, -27.872585591198515145 },
        { 0.5, 0.01, -9.4518524851757359505 },
        { 0.5, 0.3, -2.6005070018625472901 },
        { 0.5, 0.5, -1.4807447797617274923 },
        { 0.5, 0.7, -0.62157640858183009852 },
        { 0.5, 0.99, 1.1991959032325943324 },
        { 0.5, 0.999999, 2.4819074473768022664 },
        { 0.5, 0.9999999999990905, 3.2392730923406128683 },
        { 1, 1e-300, -690.77552789821370518 },
        { 1, 1e-12, -27.631021115928048228 },
        { 1, 1e-06, -13.815510057964065816 },
        { 1, 0.01, -4.6001492267765799768 },
        { 1, 0.3, -1.0309304331587231266 },
        { 1, 0.5, -0.36651292058166432701 },
        { 1, 0.7, 0.18562675886236552083 },
        { 1, 0.99, 1.5271796258079009164 },
        { 1, 0.999999, 2.6257919144739293962 },
        { 1, 0.9999999999990905, 3.3223665335322719758 },
        { 2.5, 1e-300, -275.82982171834665238 },
        { 2.5, 1e-12, -10.572011684519263518 },
        { 2.5, 1e-06, -5.0439728508945914352 },
        { 2.5, 0.01, -1.2831998728530353918 },
        { 2.5, 0.3, 0.4054344852259241131 },
        { 2.5, 0.5, 0.77736428432793966373 },
        { 2.5, 0.7, 1.1092933729435546672 },
        { 2.5, 0.99, 2.0206380417841593684 },
        { 2.5, 0.999999, 2.8872610045051300402 },
        { 2.5, 0.9999999999990905, 3.4879438976248836039 },
        { 10, 1e-300, -67.567111532513818989 },
        { 10, 1e-12, -1.2260126630788378794 },
        { 10, 1e-06, 0.24437166241122951059 },
        { 10, 0.01, 1.4183256300894131823 },
        { 10, 0.3, 2.0959210361414599089 },
        { 10, 0.5, 2.268895375574469214 },
        { 10, 0.7, 2.4324962875741265445 },
        { 10, 0.99, 2.9329584553884610012 },
        { 10, 0.999999, 3.4876912516913013249 },
        { 10, 0.9999999999990905, 3.9198886315205633382 },
        { 98, 1e-300, -3.4306571805444236727 },
        { 98, 1e-12, 3.7746557070020040687 },
        { 98, 1e-06, 4.0589162405165153293 },
        { 98, 0.01, 4.3366351914791103927 },
        { 98, 0.3, 4.5280418906109338496 },
        { 98, 0.5, 4.5815623918177899099 },
        { 98, 0.7, 4.6341453876824159588 },
        { 98, 0.99, 4.8080181438759276454 },
        { 98, 0.999999, 5.0267908109750066258 },
        { 98, 0.9999999999990905, 5.2189771390891085011 },
        { 279, 1e-300, 2.2009616773690892502 },
        { 279, 1e-12, 5.1768842170100042774 },
        { 279, 1e-06, 5.3311212024306716329 },
        { 279, 0.01, 5.4873604633956355046 },
        { 279, 0.3, 5.598440639109606142 },
        { 279, 0.5, 5.6300165788146433457 },
        { 279, 0.7, 5.6612637044859100257 },
        { 279, 0.99, 5.7661990188310827094 },
        { 279, 0.999999, 5.9018470110606042361 },
        { 279, 0.9999999999990905, 6.0244408847271774965 },
        { 1000, 1e-300, 5.4550149329780979817 },
        { 1000, 1e-12, 6.6763769480189795237 },
        { 1000, 1e-06, 6.7532216189866259481 },
        { 1000, 0.01, 6.8329327621523923688 },
        { 1000, 0.3, 6.8907906364878455111 },
        { 1000, 0.5, 6.9074219098477866794 },
        { 1000, 0.7, 6.9239614973166374942 },
        { 1000, 0.99, 6.9801064815711352857 },
        { 1000, 0.999999, 7.0540850934219504417 },
        { 1000, 0.9999999999990905, 7.1223391205432174524 },
    };

    /// <summary>Shapes across the tested range, including Staffordshire's entry mix (share × 1,000: 98 to 279).</summary>
    public static TheoryData<double> Shapes => new() { 1e-3, 0.0037, 0.01, 0.1, 0.5, 1, 1.5, 3, 10, 98, 114, 279, 1000 };

    [Theory]
    [MemberData(nameof(MpMath))]
    public void Matches_mpmath(double shape, double p, double expected)
    {
        double y = GammaQuantileTable.TryGet(shape)!.Log(p);
        Assert.InRange(Math.Abs(y - expected), 0, Bound * Math.Max(1, Math.Abs(expected)));
        double exact = GammaQuantileTable.ExactLog(shape, p);
        Assert.InRange(Math.Abs(exact - expected), 0, Bound * Math.Max(1, Math.Abs(expected)));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Matches_the_exact_solver_on_a_dense_grid_with_tails(double shape)
    {
        var table = GammaQuantileTable.TryGet(shape)!;
        double worst = 0;
        foreach (double p in Grid())
        {
            double exact = GammaQuantileTable.ExactLog(shape, p);
            worst = Math.Max(worst, Math.Abs(table.Log(p) - exact) / Math.Max(1, Math.Abs(exact)));
        }

        Assert.InRange(worst, 0, Bound);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Is_monotone_in_p(double shape)
    {
        var table = GammaQuantileTable.TryGet(shape)!;
        double previous = double.NegativeInfinity;
        foreach (double p in Grid().Order())
        {
            double y = table.Log(p);
            Assert.True(y >= previous, $"ln Q({p:R}) = {y:R} < {previous:R}");
            previous = y;
        }
    }

    [Theory]
    [InlineData(0.0, double.NegativeInfinity)]
    [InlineData(-1.0, double.NegativeInfinity)]
    [InlineData(1.0, double.PositiveInfinity)]
    [InlineData(double.NaN, double.NaN)]
    public void Boundaries_and_NaN(double p, double expected)
    {
        Assert.Equal(expected, GammaQuantile.Log(120, p));
        Assert.Equal(expected, GammaQuantile.Log(1e-4, p)); // outside the tables: the exact solver
    }

    [Fact]
    public void Shapes_outside_the_tables_are_solved_exactly()
    {
        Assert.Null(GammaQuantileTable.TryGet(2000));
        Assert.Null(GammaQuantileTable.TryGet(1e-4));

        // Gamma(1) is the exponential: ln(−ln(1 − p)); Gamma(1e-4) at p: ln x = (ln p + ln Γ(1 + a)) / a to 1e-300 relative here.
        Assert.Equal(Math.Log(-Math.Log(1 - 0.3)), GammaQuantile.Log(1, 0.3), 1e-14);
        double a = 1e-4;
        Assert.Equal((Math.Log(0.3) + MathNet.Numerics.SpecialFunctions.GammaLn(1 + a)) / a, GammaQuantile.Log(a, 0.3), 1e-12 * 12040);
    }

    [Fact]
    public void Gamma_distribution_uses_it()
    {
        var gamma = new GammaDistribution(2.5, 3);
        Assert.Equal(0, gamma.Quantile(0));
        Assert.Equal(3 * Math.Exp(GammaQuantileTable.ExactLog(2.5, 0.9)), gamma.Quantile(0.9), 1e-12 * 3 * 5.3);
    }

    [Fact]
    public void Is_small() => Assert.InRange(GammaQuantileTable.TryGet(7)!.Bytes, 1, 8 * 1024);

    /// <summary>10^4 even steps and log-spaced tails on both sides, down to the smallest doubles.</summary>
    private static IEnumerable<double> Grid()
    {
        const int n = 10_000;
        for (int i = 1; i < n; i++)
        {
            yield return (double)i / n;
        }

        for (double e = -323; e <= -1; e += 0.5)
        {
            yield return Math.Pow(10, e);
            yield return 1 - Math.Pow(10, Math.Max(e, -15.9));
        }

        yield return double.Epsilon;
        yield return Math.BitDecrement(1.0); // 1 − 2^-53, the largest double below 1
    }
}
