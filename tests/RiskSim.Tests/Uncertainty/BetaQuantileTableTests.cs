using RiskSim.Core.Uncertainty;

namespace RiskSim.Tests.Uncertainty;

/// <summary>
/// The tabulated Beta quantile (<see cref="BetaQuantileTable"/>) against SciPy and against the exact
/// Newton inverse (<see cref="BetaInverse"/>), tails and boundaries included, plus monotonicity.
/// Stated bound: |x_table − x_exact| ≤ 1e-14 on [0, 1] (so ≤ 1e-14 × (max − min) for a PERT) for
/// α, β in [1, 6]; the tables reach about 5e-15.
/// </summary>
public sealed class BetaQuantileTableTests
{
    private const double Bound = 1e-14;

    /// <summary>
    /// Generated with SciPy 1.10 (Boost's ibeta_inv, accurate to a few ulp):
    /// <code>
    /// from scipy.special import betaincinv
    /// for a, b in [(1, 5), (5, 1), (1, 1), (3, 3), (1 + 8/9, 1 + 28/9), (2.2, 3.8), (4.9, 1.1), (6, 6), (1, 6)]:
    ///     for p in [1e-300, 1e-12, 1e-6, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-6, 1 - 2**-40]:
    ///         x = betaincinv(a, b, p) if p &lt;= 0.5 else 1 - betaincinv(b, a, 1 - p)
    ///         print(f"{{ {a!r}, {b!r}, {p!r}, {x!r} }},")
    /// </code>
    /// </summary>
    public static TheoryData<double, double, double, double> SciPy => new()
    {
        { 1, 5, 1e-300, 2e-301 },
        { 1, 5, 1e-12, 2.0000000000008e-13 },
        { 1, 5, 1e-06, 2.0000008000004798e-07 },
        { 1, 5, 0.01, 0.0020080483385741996 },
        { 1, 5, 0.3, 0.0688500849051623 },
        { 1, 5, 0.5, 0.12944943670387588 },
        { 1, 5, 0.7, 0.2139969144033772 },
        { 1, 5, 0.99, 0.6018928294465027 },
        { 1, 5, 0.999999, 0.9369042655516178 },
        { 1, 5, 0.9999999999990905, 0.99609375 },
        { 5, 1, 1e-300, 1e-60 },
        { 5, 1, 1e-12, 0.0039810717055349725 },
        { 5, 1, 1e-06, 0.06309573444801933 },
        { 5, 1, 0.01, 0.39810717055349726 },
        { 5, 1, 0.3, 0.7860030855966228 },
        { 5, 1, 0.5, 0.8705505632961241 },
        { 5, 1, 0.7, 0.9311499150948377 },
        { 5, 1, 0.99, 0.9979919516614258 },
        { 5, 1, 0.999999, 0.99999979999992 },
        { 5, 1, 0.9999999999990905, 0.9999999999998181 },
        { 1, 1, 1e-300, 1e-300 },
        { 1, 1, 1e-12, 1e-12 },
        { 1, 1, 1e-06, 1e-06 },
        { 1, 1, 0.01, 0.01 },
        { 1, 1, 0.3, 0.3 },
        { 1, 1, 0.5, 0.5 },
        { 1, 1, 0.7, 0.7 },
        { 1, 1, 0.99, 0.99 },
        { 1, 1, 0.999999, 0.999999 },
        { 1, 1, 0.9999999999990905, 0.9999999999990905 },
        { 3, 3, 1e-300, 4.6415888336127786e-101 },
        { 3, 3, 1e-12, 4.641696560847633e-05 },
        { 3, 3, 1e-06, 0.004652416361586582 },
        { 3, 3, 0.01, 0.10563984355077435 },
        { 3, 3, 0.3, 0.3898183505309583 },
        { 3, 3, 0.5, 0.5 },
        { 3, 3, 0.7, 0.6101816494690417 },
        { 3, 3, 0.99, 0.8943601564492256 },
        { 3, 3, 0.999999, 0.9953475836383687 },
        { 3, 3, 0.9999999999990905, 0.9999550279011207 },
        { 1.8888888888888888, 4.111111111111111, 1e-300, 4.534630164144337e-160 },
        { 1.8888888888888888, 4.111111111111111, 1e-12, 1.3400782873258003e-07 },
        { 1.8888888888888888, 4.111111111111111, 1e-06, 0.00020123096813652036 },
        { 1.8888888888888888, 4.111111111111111, 0.01, 0.027166527630409814 },
        { 1.8888888888888888, 4.111111111111111, 0.3, 0.20007930585480108 },
        { 1.8888888888888888, 4.111111111111111, 0.5, 0.29317030851207726 },
        { 1.8888888888888888, 4.111111111111111, 0.7, 0.40003453229850683 },
        { 1.8888888888888888, 4.111111111111111, 0.99, 0.7619009625600782 },
        { 1.8888888888888888, 4.111111111111111, 0.999999, 0.9756967511454381 },
        { 1.8888888888888888, 4.111111111111111, 0.9999999999990905, 0.999178908683358 },
        { 2.2, 3.8, 1e-300, 1.4836114488101959e-137 },
        { 2.2, 3.8, 1e-12, 1.2034042542013052e-06 },
        { 2.2, 3.8, 1e-06, 0.0006425812390762546 },
        { 2.2, 3.8, 0.01, 0.0439303317111785 },
        { 2.2, 3.8, 0.3, 0.25096665501343596 },
        { 2.2, 3.8, 0.5, 0.3509994849491181 },
        { 2.2, 3.8, 0.7, 0.46098520105665064 },
        { 2.2, 3.8, 0.99, 0.8050698958925472 },
        { 2.2, 3.8, 0.999999, 0.9835533430183723 },
        { 2.2, 3.8, 0.9999999999990905, 0.9995787531573588 },
        { 4.9, 1.1, 1e-300, 5.7022886232579055e-62 },
        { 4.9, 1.1, 1e-12, 0.003400826445723728 },
        { 4.9, 1.1, 1e-06, 0.057079469560457397 },
        { 4.9, 1.1, 0.01, 0.3764626863156258 },
        { 4.9, 1.1, 0.3, 0.7639517867446391 },
        { 4.9, 1.1, 0.5, 0.8523740914267557 },
        { 4.9, 1.1, 0.7, 0.9178636081965208 },
        { 4.9, 1.1, 0.99, 0.9967796382258243 },
        { 4.9, 1.1, 0.999999, 0.9999992604902121 },
        { 4.9, 1.1, 0.9999999999990905, 0.999999999997618 },
        { 6, 6, 1e-300, 3.5966071562752995e-51 },
        { 6, 6, 1e-12, 0.0036058958393465103 },
        { 6, 6, 1e-06, 0.036942133559240475 },
        { 6, 6, 0.01, 0.19397672057857815 },
        { 6, 6, 0.3, 0.4231802777546759 },
        { 6, 6, 0.5, 0.5000000000000001 },
        { 6, 6, 0.7, 0.5768197222453242 },
        { 6, 6, 0.99, 0.8060232794214218 },
        { 6, 6, 0.999999, 0.9630578664405776 },
        { 6, 6, 0.9999999999990905, 0.9964508128661392 },
    };

    /// <summary>Shape pairs: PERT's (α + β = 6, both in [1, 5], mode at min or max giving 1), and the table's range ends.</summary>
    public static TheoryData<double, double> Shapes => new()
    {
        { 1, 5 }, { 5, 1 }, { 1.0000001, 4.9999999 }, { 1.4, 4.6 }, { 2, 4 }, { 3, 3 }, { 4.2, 1.8 },
        { 1, 1 }, { 5, 5 }, { 1, 6 }, { 6, 1 }, { 6, 6 }, { 1.7, 2.9 },
    };

    [Theory]
    [MemberData(nameof(SciPy))]
    public void Matches_SciPy(double alpha, double beta, double p, double expected)
    {
        var table = BetaQuantileTable.TryGet(alpha, beta)!;
        Assert.Equal(expected, table.Quantile(p), Bound);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Matches_the_exact_quantile_on_a_dense_grid_with_tails(double alpha, double beta)
    {
        var table = BetaQuantileTable.TryGet(alpha, beta)!;
        double worst = 0;
        foreach (double p in Grid())
        {
            worst = Math.Max(worst, Math.Abs(table.Quantile(p) - Exact(alpha, beta, p)));
        }

        Assert.InRange(worst, 0, Bound);
    }

    /// <summary>
    /// The old Newton path (<see cref="BetaInverse"/>) stops at a step of 1e-14, so it is itself
    /// accurate to about 1e-14: agreement within 2e-14 where it converges (p in [1e-9, 1 − 1e-9]; in
    /// the deeper lower tail it stops early, e.g. 1.7e-10 instead of 1e-60 for α = 5 at p = 1e-300).
    /// Above ½ it is used mirrored, 1 − Q(β, α; 1 − p), since I_x − p cancels near x = 1.
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Matches_the_old_Newton_inverse_where_it_converges(double alpha, double beta)
    {
        var table = BetaQuantileTable.TryGet(alpha, beta)!;
        var newton = new BetaInverse(alpha, beta);
        var mirrored = new BetaInverse(beta, alpha);
        double worst = 0;
        foreach (double p in Grid().Where(p => p >= 1e-9 && p <= 1 - 1e-9))
        {
            double exact = p <= 0.5 ? newton.Quantile(p) : 1 - mirrored.Quantile(1 - p);
            worst = Math.Max(worst, Math.Abs(table.Quantile(p) - exact));
        }

        Assert.InRange(worst, 0, 2 * Bound);
    }

    /// <summary>
    /// Non-decreasing on the grid (steps of 1e-5 and more), and, across the switch between the two
    /// tables at ½, from one double to the next up to the evaluation's rounding (2 ulp): there the
    /// exact quantile moves by under an ulp per step, which no floating-point formula resolves.
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Is_monotone_in_p(double alpha, double beta)
    {
        var table = BetaQuantileTable.TryGet(alpha, beta)!;
        double previous = 0;
        foreach (double p in Grid(ulpNeighbours: false).Order())
        {
            double x = table.Quantile(p);
            Assert.True(x >= previous, $"Q({p:R}) = {x:R} < {previous:R}");
            previous = x;
        }

        double below = 0.5;
        for (int i = 0; i < 64; i++)
        {
            below = Math.BitDecrement(below);
        }

        previous = table.Quantile(below);
        for (double p = below; p < 0.5 + 1e-14; p = Math.BitIncrement(p))
        {
            double x = table.Quantile(p);
            Assert.True(x >= previous - (2 * Math.BitIncrement(previous) - (2 * previous)), $"Q({p:R}) = {x:R} < {previous:R}");
            previous = Math.Max(previous, x);
        }
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(-1.0, 0.0)]
    [InlineData(double.NaN, 0.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(2.0, 1.0)]
    public void Boundaries_and_NaN_behave_as_the_Newton_inverse(double p, double expected)
    {
        Assert.Equal(expected, BetaQuantileTable.TryGet(2.2, 3.8)!.Quantile(p));
        Assert.Equal(expected, new BetaInverse(2.2, 3.8).Quantile(p));
    }

    [Fact]
    public void Pert_boundaries_are_min_and_max()
    {
        var pert = new PertDistribution(350, 400, 480);
        Assert.Equal(350, pert.Quantile(0));
        Assert.Equal(480, pert.Quantile(1));
        Assert.Equal(350, pert.Quantile(double.NaN));
        Assert.InRange(pert.Quantile(1e-300), 350, 350 + 1e-12);
    }

    [Theory]
    [InlineData(0.99, 2.0)]
    [InlineData(0.5, 0.5)]
    [InlineData(2.0, 6.01)]
    [InlineData(20.0, 20.0)]
    public void Declines_shapes_outside_the_tested_range(double alpha, double beta) =>
        Assert.Null(BetaQuantileTable.TryGet(alpha, beta));

    [Fact]
    public void Is_shared_per_shape_and_small() =>
        Assert.InRange(BetaQuantileTable.TryGet(2, 4)!.Bytes, 1, 8 * 1024);

    /// <summary>
    /// The exact quantile: the slow log-space Newton that makes the table's nodes, in its well-conditioned
    /// half (its accuracy, about 1e-15, is checked against SciPy by <see cref="Matches_SciPy"/>).
    /// </summary>
    private static double Exact(double alpha, double beta, double p) =>
        !(p > 0) ? 0
        : p >= 1 ? 1
        : p <= 0.5 ? BetaQuantileTable.SolveLowerTail(alpha, beta, MathNet.Numerics.SpecialFunctions.BetaLn(alpha, beta), Math.Pow(p, 1 / alpha))
        : 1 - BetaQuantileTable.SolveLowerTail(beta, alpha, MathNet.Numerics.SpecialFunctions.BetaLn(beta, alpha), Math.Pow(1 - p, 1 / beta));

    /// <summary>2·10^4 even steps (optionally with their ulp-neighbours) and log-spaced tails on both sides, boundaries included.</summary>
    private static IEnumerable<double> Grid(bool ulpNeighbours = true)
    {
        const int n = 20_000;
        for (int i = 0; i <= n; i++)
        {
            double p = (double)i / n;
            yield return p;
            if (ulpNeighbours)
            {
                yield return Math.BitIncrement(p);
            }
        }

        for (double e = -300; e <= -1; e += 0.25)
        {
            yield return Math.Pow(10, e);
            yield return 1 - Math.Pow(10, Math.Max(e, -15.9));
        }

        yield return 1 - (0.5 / (1UL << 53));
        yield return 0.5 / (1UL << 53);
    }
}
