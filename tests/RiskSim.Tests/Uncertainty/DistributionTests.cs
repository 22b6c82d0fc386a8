using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using RiskSim.Core.Random;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Tests.Uncertainty;

/// <summary>
/// The input distributions, checked statistically: sample mean within 4 standard errors of the
/// analytic mean (SE = sd / √n), and sample quartiles within 4 SE of the exact quartiles, where a
/// sample p-quantile has SE ≈ √(p(1 − p)/n) / f(x_p) (asymptotic normality of order statistics).
/// Exact quantiles come from MathNet's inverse CDFs, a different code path from the samplers
/// (which use Gamma/Box–Muller draws), or from closed forms for the triangular.
/// </summary>
public sealed class DistributionTests
{
    private const int N = 200_000;

    public static TheoryData<string, Distribution, IContinuousDistribution> Cases => new()
    {
        { "uniform", new UniformDistribution(2, 5), new ContinuousUniform(2, 5) },
        { "triangular", new TriangularDistribution(0, 2, 9), new Triangular(0, 9, 2) },
        // PERT(0, 2, 9) = 0 + 9 · Beta(1 + 4·2/9, 1 + 4·7/9).
        { "pert", new PertDistribution(0, 2, 9), new Scaled(new Beta(1 + (8.0 / 9), 1 + (28.0 / 9)), 0, 9) },
        { "normal", new NormalDistribution(37.4, 4), new Normal(37.4, 4) },
        { "lognormal", new LogNormalDistribution(4200, 0.25), new LogNormal(Math.Log(4200), 0.25) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_mean_and_quartiles_match_the_distribution(string name, Distribution distribution, IContinuousDistribution exact)
    {
        var random = new RandomAdapter(Xoshiro256StarStar.ForTrial(20191120, name.Length));
        var draws = new double[N];
        for (int i = 0; i < N; i++)
        {
            draws[i] = distribution.Sample(random);
            Assert.InRange(draws[i], distribution.Minimum, distribution.Maximum);
        }

        Assert.Equal(exact.Mean, distribution.Mean, 1e-9 * Math.Abs(exact.Mean) + 1e-12);
        double se = exact.StdDev / Math.Sqrt(N);
        Assert.True(Math.Abs(draws.Mean() - exact.Mean) < 4 * se, $"{name}: mean {draws.Mean()} vs {exact.Mean} (4 SE = {4 * se})");

        Array.Sort(draws);
        foreach (double p in new[] { 0.25, 0.5, 0.75 })
        {
            double q = InverseCdf(exact, p);
            double quantileSe = Math.Sqrt(p * (1 - p) / N) / exact.Density(q);
            double sample = SortedArrayStatistics.Quantile(draws, p);
            Assert.True(Math.Abs(sample - q) < 4 * quantileSe, $"{name}: p{p * 100} {sample} vs {q} (4 SE = {4 * quantileSe})");
        }
    }

    [Fact]
    public void Truncated_normal_stays_in_bounds_and_matches_the_truncated_mean()
    {
        var d = new NormalDistribution(0.02, 0.02, min: 0, max: 0.05);
        var random = new RandomAdapter(Xoshiro256StarStar.ForTrial(7, 0));
        double sum = 0, sumSq = 0;
        for (int i = 0; i < N; i++)
        {
            double x = d.Sample(random);
            Assert.InRange(x, 0, 0.05);
            sum += x;
            sumSq += x * x;
        }

        double mean = sum / N;
        double sd = Math.Sqrt((sumSq / N) - (mean * mean));
        // Mean of N(0.02, 0.02²) truncated to [0, 0.05]: μ + σ(φ(a) − φ(b))/(Φ(b) − Φ(a)),
        // a = −1, b = 1.5: 0.02 + 0.02 · (0.2419707 − 0.1295176) / (0.9331928 − 0.1586553) = 0.0229037
        // (scipy.stats.truncnorm(-1, 1.5, loc=0.02, scale=0.02).mean() = 0.022903...).
        Assert.Equal(0.0229037, d.Mean, 1e-6);
        Assert.True(Math.Abs(mean - d.Mean) < 4 * sd / Math.Sqrt(N));
    }

    [Fact]
    public void Plan_defaults_follow_the_documented_rule()
    {
        Assert.Equal(3.5, new UniformDistribution(2, 5).Plan);
        Assert.Equal(2, new TriangularDistribution(0, 2, 9).Plan);
        Assert.Equal(2, new PertDistribution(0, 2, 9).Plan);
        Assert.Equal(0, new PertDistribution(0, 2, 9, plan: 0).Plan);
        Assert.Equal(37.4, new NormalDistribution(37.4, 4).Plan);
        Assert.Equal(0, new NormalDistribution(-1, 4, min: 0).Plan); // mean clamped into the bounds
        Assert.Equal(4200, new LogNormalDistribution(4200, 0.25).Plan);
        Assert.False(new Constant(3).IsUncertain);
        Assert.Equal(3, new Constant(3).Sample(new RandomAdapter(Xoshiro256StarStar.ForTrial(1, 1))));
    }

    public static TheoryData<string, Func<Distribution>> Invalid => new()
    {
        { "NaN constant", () => new Constant(double.NaN) },
        { "infinite constant", () => new Constant(double.PositiveInfinity) },
        { "uniform min = max", () => new UniformDistribution(1, 1) },
        { "uniform NaN", () => new UniformDistribution(double.NaN, 1) },
        { "triangular mode < min", () => new TriangularDistribution(1, 0, 2) },
        { "pert min > mode", () => new PertDistribution(3, 2, 9) },
        { "pert mode > max", () => new PertDistribution(0, 10, 9) },
        { "pert NaN mode", () => new PertDistribution(0, double.NaN, 9) },
        { "pert plan outside range", () => new PertDistribution(0, 2, 9, plan: 10) },
        { "normal sd 0", () => new NormalDistribution(0, 0) },
        { "normal -inf mean", () => new NormalDistribution(double.NegativeInfinity, 1) },
        { "normal bounds keep < 1 %", () => new NormalDistribution(0, 1, min: 5, max: 6) },
        { "normal inverted bounds", () => new NormalDistribution(0, 1, min: 1, max: -1) },
        { "lognormal median 0", () => new LogNormalDistribution(0, 0.2) },
        { "lognormal sigma NaN", () => new LogNormalDistribution(1, double.NaN) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_parameters_are_rejected(string name, Func<Distribution> create)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.ThrowsAny<ArgumentException>(create);
    }

    private static double InverseCdf(IContinuousDistribution d, double p) => d switch
    {
        ContinuousUniform u => u.InverseCumulativeDistribution(p),
        Triangular t => t.InverseCumulativeDistribution(p),
        Scaled s => s.InverseCumulativeDistribution(p),
        Normal n => n.InverseCumulativeDistribution(p),
        LogNormal l => l.InverseCumulativeDistribution(p),
        _ => throw new ArgumentException(d.GetType().Name),
    };

    /// <summary>A + (B − A)·X for a Beta X: the PERT as MathNet sees it, for exact moments and quantiles.</summary>
    private sealed class Scaled(Beta beta, double a, double b) : IContinuousDistribution
    {
        public double Mean => a + ((b - a) * beta.Mean);
        public double StdDev => (b - a) * beta.StdDev;
        public double Density(double x) => beta.Density((x - a) / (b - a)) / (b - a);
        public double InverseCumulativeDistribution(double p) => a + ((b - a) * beta.InverseCumulativeDistribution(p));
        public double Mode => a + ((b - a) * beta.Mode);
        public double Minimum => a;
        public double Maximum => b;
        public double Variance => StdDev * StdDev;
        public double Entropy => throw new NotSupportedException();
        public double Skewness => beta.Skewness;
        public double Median => InverseCumulativeDistribution(0.5);
        public System.Random RandomSource { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public double CumulativeDistribution(double x) => beta.CumulativeDistribution((x - a) / (b - a));
        public double DensityLn(double x) => Math.Log(Density(x));
        public double Sample() => throw new NotSupportedException();
        public void Samples(double[] values) => throw new NotSupportedException();
        public IEnumerable<double> Samples() => throw new NotSupportedException();
    }
}
