using MathNet.Numerics.Distributions;
using RiskSim.Core.Random;

namespace RiskSim.Tests.Random;

/// <summary>
/// Tests of <see cref="DiscreteInverse"/>: exactness of the inversion against MathNet's pmf and
/// CDF on a fine grid of uniforms, monotonicity in u, range, boundary uniforms, moments with
/// xoshiro uniforms, and accuracy at large means against high-precision reference values.
/// </summary>
public class DiscreteInverseTests
{
    /// <summary>Grid size N: u_i = (i + 1/2) / N, i = 0 .. N-1.</summary>
    private const int GridSize = 200_000;

    /// <summary>
    /// The largest double below 1, 1 − 2^-53: the largest value <see cref="Xoshiro256StarStar.NextDouble"/> returns.
    /// </summary>
    private const double LargestUniform = 1.0 - (1.0 / (1UL << 53));

    /// <summary>Probability we allow the sampler to misplace at the extreme tails (rounding-level mass).</summary>
    private const double TailMass = 1e-14;

    public static TheoryData<double> Lambdas => [0.0, 0.3, 5.0, 37.4, 100.0, 120.0, 800.0, 5000.0];

    // The brief's cases, plus (3000, 0.9) and (1000, 0.95) for the mode search and the
    // top-down search with p > 1/2, and (400, 0.25) at the sequential-search threshold n·p = 100.
    public static TheoryData<int, double> BinomialCases => new()
    {
        { 0, 0.3 }, { 1, 0.5 }, { 10, 0.03 }, { 1248, 0.03 }, { 200, 0.97 }, { 5000, 0.5 },
        { 100_000, 0.01 }, { 50, 0.0 }, { 50, 1.0 }, { 3000, 0.9 }, { 1000, 0.95 }, { 400, 0.25 },
    };

    [Theory]
    [MemberData(nameof(Lambdas))]
    public void Poisson_OnFineGrid_ReproducesMathNetPmfAndCdf_MonotoneAndInRange(double lambda)
    {
        int kMax = PoissonKMax(lambda);
        AssertExactOnGrid(u => DiscreteInverse.Poisson(u, lambda), k => PoissonPmf(lambda, k), k => PoissonCdf(lambda, k), kMax);
    }

    [Theory]
    [MemberData(nameof(BinomialCases))]
    public void Binomial_OnFineGrid_ReproducesMathNetPmfAndCdf_MonotoneAndInRange(int n, double p)
    {
        int kMax = BinomialKMax(n, p);
        AssertExactOnGrid(u => DiscreteInverse.Binomial(u, n, p), k => BinomialPmf(n, p, k), k => BinomialCdf(n, p, k), kMax);
    }

    [Theory]
    [MemberData(nameof(Lambdas))]
    public void Poisson_AtBoundaryUniforms_IsInRangeAndMisplacesOnlyRoundingLevelMass(double lambda)
    {
        int kMax = PoissonKMax(lambda);
        int atZero = DiscreteInverse.Poisson(0.0, lambda);
        int atTop = DiscreteInverse.Poisson(LargestUniform, lambda);

        Assert.InRange(atZero, 0, DiscreteInverse.Poisson(0.5 / GridSize, lambda));
        Assert.InRange(atTop, DiscreteInverse.Poisson(1.0 - (0.5 / GridSize), lambda), kMax);

        // Exactly, X(0) = 0 (P(X = 0) > 0) and P(X > X(1 − 2^-53)) < 2^-53. Where the partial sums
        // run into rounding the search may stop a little early; the mass skipped must be tiny.
        Assert.True(SumPmf(k => PoissonPmf(lambda, k), 0, atZero - 1) <= TailMass);
        Assert.True(SumPmf(k => PoissonPmf(lambda, k), atTop + 1, kMax) <= TailMass);
        if (lambda == 0.0)
        {
            Assert.Equal(0, atTop);
        }
    }

    [Theory]
    [MemberData(nameof(BinomialCases))]
    public void Binomial_AtBoundaryUniforms_IsInRangeAndMisplacesOnlyRoundingLevelMass(int n, double p)
    {
        int kMax = BinomialKMax(n, p);
        int atZero = DiscreteInverse.Binomial(0.0, n, p);
        int atTop = DiscreteInverse.Binomial(LargestUniform, n, p);

        Assert.InRange(atZero, 0, DiscreteInverse.Binomial(0.5 / GridSize, n, p));
        Assert.InRange(atTop, DiscreteInverse.Binomial(1.0 - (0.5 / GridSize), n, p), kMax);
        Assert.True(SumPmf(k => BinomialPmf(n, p, k), 0, atZero - 1) <= TailMass);
        Assert.True(SumPmf(k => BinomialPmf(n, p, k), atTop + 1, n) <= TailMass);

        if (n == 0 || p == 0.0)
        {
            Assert.Equal(0, atTop);
        }

        if (p == 1.0)
        {
            Assert.Equal(n, atZero);
        }
    }

    [Theory]
    [MemberData(nameof(Lambdas))]
    public void Poisson_WithXoshiroUniforms_MeanWithinFourStandardErrors(double lambda)
    {
        // Sample mean of `draws` variates: SE = sqrt(Var X / draws) = sqrt(lambda / draws).
        const int Draws = 100_000;
        var g = Xoshiro256StarStar.ForTrial(777, (long)(lambda * 10));
        long sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            sum += DiscreteInverse.Poisson(g.NextDouble(), lambda);
        }

        double se = Math.Sqrt(lambda / Draws);
        Assert.InRange((double)sum / Draws, lambda - (4 * se), lambda + (4 * se));
    }

    [Theory]
    [MemberData(nameof(BinomialCases))]
    public void Binomial_WithXoshiroUniforms_MeanWithinFourStandardErrors(int n, double p)
    {
        // Sample mean of `draws` variates: SE = sqrt(n p (1 - p) / draws).
        const int Draws = 100_000;
        var g = Xoshiro256StarStar.ForTrial(778, n);
        long sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            sum += DiscreteInverse.Binomial(g.NextDouble(), n, p);
        }

        double mean = n * p;
        double se = Math.Sqrt(n * p * (1 - p) / Draws);
        Assert.InRange((double)sum / Draws, mean - (4 * se), mean + (4 * se));
    }

    [Fact]
    public void Poisson_ChiSquare_WithXoshiroUniforms()
    {
        // Pearson chi-square of 100 000 draws of Poisson(5) in cells 0..11 and a pooled cell >= 12
        // (every expected count >= 50); 12 degrees of freedom. The 0.999 quantile of chi^2(12) is
        // 32.909 (MathNet: ChiSquared.InvCDF(12, 0.999)).
        const int Draws = 100_000;
        const double Lambda = 5.0;
        var g = Xoshiro256StarStar.ForTrial(4242, 0);
        var observed = new int[13];
        for (int i = 0; i < Draws; i++)
        {
            observed[Math.Min(DiscreteInverse.Poisson(g.NextDouble(), Lambda), 12)]++;
        }

        double chi2 = 0;
        for (int k = 0; k < 13; k++)
        {
            double expected = Draws * (k < 12 ? Poisson.PMF(Lambda, k) : 1.0 - Poisson.CDF(Lambda, 11));
            chi2 += (observed[k] - expected) * (observed[k] - expected) / expected;
        }

        Assert.True(chi2 < ChiSquared.InvCDF(12, 0.999), $"chi2 = {chi2}");
    }

    /// <summary>
    /// Exact CDF values at large means, P(X ≤ k), from mpmath 1.3.0 at 40 significant digits,
    /// with λ and p the same doubles the test passes:
    /// <code>
    /// import mpmath
    /// mpmath.mp.dps = 40
    /// def poisson_cdf(k, lam):   # P(X &lt;= k) = Q(k+1, lam)
    ///     return mpmath.gammainc(k + 1, lam, mpmath.inf, regularized=True)
    /// def binomial_cdf(k, n, p):  # sum of the pmf from k downwards until below 1e-45
    ///     p = mpmath.mpf(p); q = 1 - p
    ///     t = mpmath.exp(mpmath.loggamma(n + 1) - mpmath.loggamma(k + 1) - mpmath.loggamma(n - k + 1)
    ///                    + k * mpmath.log(p) + (n - k) * mpmath.log(q))
    ///     s = mpmath.mpf(0); j = k
    ///     while j &gt;= 0 and t &gt; mpmath.mpf(10) ** -45:
    ///         s += t; t = t * j / (n - j + 1) * q / p; j -= 1
    ///     return s
    /// for lam in [1e6, 123456.789, 1e8]:
    ///     L = mpmath.mpf(lam); sd = mpmath.sqrt(L); m = int(mpmath.floor(L))
    ///     for k in [m - int(3 * sd), m, m + int(2 * sd)]:
    ///         print("poisson", lam, k, mpmath.nstr(poisson_cdf(k, L), 20))
    /// for n, p in [(10**7, 0.3), (10**6, 0.9), (2 * 10**9, 0.5)]:
    ///     P = mpmath.mpf(p); sd = mpmath.sqrt(n * P * (1 - P)); m = int(mpmath.floor((n + 1) * P))
    ///     for k in [m - int(3 * sd), m, m + int(2 * sd)]:
    ///         print("binomial", n, p, k, mpmath.nstr(binomial_cdf(k, n, p), 20))
    /// </code>
    /// </summary>
    public static TheoryData<double, int, double> LargePoissonCdfs => new()
    {
        { 1e6, 997_000, 0.0013462037182411046864 },
        { 1e6, 1_000_000, 0.50026596148628365279 },
        { 1e6, 1_002_000, 0.97724987704032575032 },
        { 123456.789, 122_402, 0.0013306572038281021473 },
        { 123456.789, 123_456, 0.49986110168430669592 },
        { 123456.789, 124_158, 0.97701621687702233483 },
        { 1e8, 99_970_000, 0.0013495286998510588533 },
        { 1e8, 100_000_000, 0.50002659615199277821 },
        { 1e8, 100_020_000, 0.97724986814179573955 },
    };

    /// <summary>See <see cref="LargePoissonCdfs"/> for how these were computed.</summary>
    public static TheoryData<int, double, int, double> LargeBinomialCdfs => new()
    {
        { 10_000_000, 0.3, 2_995_653, 0.001351058961371287752 },
        { 10_000_000, 0.3, 3_000_000, 0.500156001245883176 },
        { 10_000_000, 0.3, 3_002_898, 0.97725078967215960846 },
        { 1_000_000, 0.9, 899_101, 0.0013881783606945541982 },
        { 1_000_000, 0.9, 900_000, 0.50048759607561382089 },
        { 1_000_000, 0.9, 900_599, 0.97723192428305113248 },
        { 2_000_000_000, 0.5, 999_932_918, 0.0013500049243549276771 },
        { 2_000_000_000, 0.5, 1_000_000_000, 0.50000892062057964878 },
        { 2_000_000_000, 0.5, 1_000_044_721, 0.97725020718666547513 },
    };

    [Theory]
    [MemberData(nameof(LargePoissonCdfs))]
    public void Poisson_LargeMean_StepsAtTheExactCdfWithin1e12(double lambda, int k, double exactCdf)
    {
        // X(u) = smallest j with F(j) > u, so X jumps from k to k+1 at u = F(k). With the computed
        // CDF accurate to 1e-12 the jump is inside [F(k) − 1e-12, F(k) + 1e-12]. (MathNet's
        // Poisson.CDF is off by 3e-10 at λ = 1e6 and 1.3e-7 at λ = 1e8, so it cannot be the reference.)
        Assert.Equal(k, DiscreteInverse.Poisson(exactCdf - 1e-12, lambda));
        Assert.Equal(k + 1, DiscreteInverse.Poisson(exactCdf + 1e-12, lambda));
    }

    [Theory]
    [MemberData(nameof(LargeBinomialCdfs))]
    public void Binomial_LargeMean_StepsAtTheExactCdfWithin1e12(int n, double p, int k, double exactCdf)
    {
        Assert.Equal(k, DiscreteInverse.Binomial(exactCdf - 1e-12, n, p));
        Assert.Equal(k + 1, DiscreteInverse.Binomial(exactCdf + 1e-12, n, p));
    }

    [Theory]
    [InlineData(5.0, 5.5)]
    [InlineData(95.0, 105.0)] // across the switch from sequential search to search from the mode
    [InlineData(800.0, 900.0)]
    public void Poisson_IsMonotoneInLambda_ForTheSameUniform(double smaller, double larger)
    {
        // Common random numbers: with the same uniform, a larger mean never gives fewer events.
        for (int i = 0; i < 20_000; i++)
        {
            double u = (i + 0.5) / 20_000;
            Assert.True(DiscreteInverse.Poisson(u, smaller) <= DiscreteInverse.Poisson(u, larger), $"u = {u}");
        }
    }

    [Theory]
    [InlineData(1000, 0.03, 1000, 0.05)]
    [InlineData(200, 0.45, 200, 0.6)] // from k = 0 against from k = n
    [InlineData(1000, 0.1, 1100, 0.1)] // from k = 0 against from the mode
    public void Binomial_IsMonotoneInParameters_ForTheSameUniform(int n1, double p1, int n2, double p2)
    {
        for (int i = 0; i < 20_000; i++)
        {
            double u = (i + 0.5) / 20_000;
            Assert.True(DiscreteInverse.Binomial(u, n1, p1) <= DiscreteInverse.Binomial(u, n2, p2), $"u = {u}");
        }
    }

    [Fact]
    public void SmallCases_MatchHandComputedValues()
    {
        // Poisson(1): F(0) = e^-1 = 0.3679, F(1) = 2e^-1 = 0.7358, F(2) = 2.5e^-1 = 0.9197.
        Assert.Equal(0, DiscreteInverse.Poisson(0.36, 1.0));
        Assert.Equal(1, DiscreteInverse.Poisson(0.37, 1.0));
        Assert.Equal(1, DiscreteInverse.Poisson(0.73, 1.0));
        Assert.Equal(2, DiscreteInverse.Poisson(0.74, 1.0));
        Assert.Equal(3, DiscreteInverse.Poisson(0.92, 1.0));

        // Binomial(2, 1/2): F = 1/4, 3/4, 1.
        Assert.Equal(0, DiscreteInverse.Binomial(0.0, 2, 0.5));
        Assert.Equal(0, DiscreteInverse.Binomial(0.2499, 2, 0.5));
        Assert.Equal(1, DiscreteInverse.Binomial(0.2501, 2, 0.5));
        Assert.Equal(1, DiscreteInverse.Binomial(0.7499, 2, 0.5));
        Assert.Equal(2, DiscreteInverse.Binomial(0.7501, 2, 0.5));

        // Binomial(3, 0.9), searched from k = n: F(0) = 0.001, F(1) = 0.028, F(2) = 0.271.
        Assert.Equal(0, DiscreteInverse.Binomial(0.0009, 3, 0.9));
        Assert.Equal(1, DiscreteInverse.Binomial(0.0011, 3, 0.9));
        Assert.Equal(1, DiscreteInverse.Binomial(0.0279, 3, 0.9));
        Assert.Equal(2, DiscreteInverse.Binomial(0.0281, 3, 0.9));
        Assert.Equal(2, DiscreteInverse.Binomial(0.2709, 3, 0.9));
        Assert.Equal(3, DiscreteInverse.Binomial(0.2711, 3, 0.9));
    }

    [Fact]
    public void InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.Poisson(-0.1, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.Poisson(1.0, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.Poisson(double.NaN, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.Poisson(0.5, -1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.Poisson(0.5, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.Poisson(0.5, double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.Poisson(0.5, 2 * DiscreteInverse.MaxPoissonLambda));

        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.Binomial(1.0, 10, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.Binomial(double.NaN, 10, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.Binomial(0.5, -1, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.Binomial(0.5, 10, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.Binomial(0.5, 10, 1.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.Binomial(0.5, 10, double.NaN));
    }

    [Fact]
    public void Samplers_DoNotAllocate()
    {
        double[] lambdas = [0.3, 37.4, 5000.0];
        (int N, double P)[] binomials = [(1248, 0.03), (200, 0.97), (100_000, 0.01)];
        long sink = 0;

        void Run()
        {
            for (int i = 0; i < 1000; i++)
            {
                double u = (i + 0.5) / 1000;
                foreach (double l in lambdas)
                {
                    sink += DiscreteInverse.Poisson(u, l);
                }

                foreach ((int n, double p) in binomials)
                {
                    sink += DiscreteInverse.Binomial(u, n, p);
                }
            }
        }

        Run(); // warm up (JIT)
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }

    /// <summary>
    /// Runs the sampler on the grid u_i = (i + 1/2)/N. The number of grid points mapped to k is
    /// N·(F(k) − F(k−1)) rounded up or down, so the fraction mapped to k must equal the pmf to
    /// within 1/N (plus 1e-9 for the floating-point error of the sampler and of MathNet), and the
    /// fraction mapped to at most k must equal F(k) to within the same bound.
    /// </summary>
    private static void AssertExactOnGrid(Func<double, int> sample, Func<int, double> pmf, Func<int, double> cdf, int kMax)
    {
        var counts = new int[kMax + 1];
        int previous = 0;
        for (int i = 0; i < GridSize; i++)
        {
            double u = (i + 0.5) / GridSize;
            int k = sample(u);
            if (k < previous || k > kMax)
            {
                Assert.Fail($"At u = {u}: got {k} after {previous}; expected a value in [{previous}, {kMax}].");
            }

            counts[k]++;
            previous = k;
        }

        const double Tolerance = (1.0 / GridSize) + 1e-9;
        long cumulative = 0;
        for (int k = 0; k <= kMax; k++)
        {
            double fraction = (double)counts[k] / GridSize;
            Assert.True(Math.Abs(fraction - pmf(k)) <= Tolerance, $"k = {k}: fraction {fraction}, pmf {pmf(k)}");
            cumulative += counts[k];
            double cumulativeFraction = (double)cumulative / GridSize;
            Assert.True(Math.Abs(cumulativeFraction - cdf(k)) <= Tolerance, $"k = {k}: cumulative fraction {cumulativeFraction}, CDF {cdf(k)}");
        }
    }

    private static double SumPmf(Func<int, double> pmf, int from, int to)
    {
        double s = 0;
        for (int k = from; k <= to; k++)
        {
            s += pmf(k);
        }

        return s;
    }

    /// <summary>A bound beyond which the Poisson upper tail is far below 1e-20 (mean + 20 sd + 30).</summary>
    private static int PoissonKMax(double lambda) => (int)(lambda + (20 * Math.Sqrt(lambda)) + 30);

    /// <summary>min(n, mean + 20 sd + 30).</summary>
    private static int BinomialKMax(int n, double p) => (int)Math.Min(n, (n * p) + (20 * Math.Sqrt(n * p * (1 - p))) + 30);

    // MathNet's Poisson needs lambda > 0 and its Binomial is awkward at the degenerate ends, so
    // those are written out: the distribution is then a point mass.
    private static double PoissonPmf(double lambda, int k) => lambda == 0.0 ? (k == 0 ? 1.0 : 0.0) : Poisson.PMF(lambda, k);

    private static double PoissonCdf(double lambda, int k) => lambda == 0.0 ? 1.0 : Poisson.CDF(lambda, k);

    private static double BinomialPmf(int n, double p, int k) =>
        n == 0 || p == 0.0 ? (k == 0 ? 1.0 : 0.0)
        : p == 1.0 ? (k == n ? 1.0 : 0.0)
        : Binomial.PMF(p, n, k);

    private static double BinomialCdf(int n, double p, int k) =>
        n == 0 || p == 0.0 ? 1.0
        : p == 1.0 ? (k >= n ? 1.0 : 0.0)
        : Binomial.CDF(p, n, k);
}
