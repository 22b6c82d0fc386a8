using MathNet.Numerics.Distributions;
using RiskSim.Core.Random;

namespace RiskSim.Tests.Random;

/// <summary>
/// <see cref="DiscreteInverse.NegativeBinomial"/>: exact inversion of MathNet's CDF on a grid of
/// uniforms (both search paths), mean μ and variance μ + μ²/k within stated standard errors at a
/// fixed seed, and the Poisson limit as k → ∞.
/// </summary>
public sealed class NegativeBinomialTests
{
    /// <summary>(mean, k): Staffordshire-like months, a very clumpy case, the mode search (mean &gt; 100), and a large k.</summary>
    public static TheoryData<double, double> Cases => new()
    {
        { 45.0, 50.0 }, { 3.0, 1.0 }, { 250.0, 20.0 }, { 1200.0, 500.0 }, { 37.4, 1e6 }, { 0.4, 2.0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Inverts_MathNets_CDF_on_a_fine_grid_and_is_monotone(double mean, double k)
    {
        const int N = 100_000;
        double p = k / (k + mean); // MathNet: failures before k successes with success probability p
        int previous = 0;
        for (int i = 0; i < N; i++)
        {
            double u = (i + 0.5) / N;
            int x = DiscreteInverse.NegativeBinomial(u, mean, k);
            Assert.True(x >= previous, $"not monotone at u = {u}");
            previous = x;

            // x is the smallest value with F(x) > u: F(x − 1) ≤ u < F(x), to rounding.
            double fx = NegativeBinomial.CDF(k, p, x);
            double fBelow = x == 0 ? 0.0 : NegativeBinomial.CDF(k, p, x - 1);
            Assert.True(fx > u - 1e-9 && fBelow <= u + 1e-9, $"u = {u}: x = {x}, F(x−1) = {fBelow}, F(x) = {fx}");
        }
    }

    [Theory]
    [InlineData(45.0, 50.0)]
    [InlineData(45.0, 5.0)]
    [InlineData(250.0, 20.0)]
    public void Mean_and_variance_match_mu_and_mu_plus_mu_squared_over_k_within_4_standard_errors(double mean, double k)
    {
        const int N = 400_000;
        var rng = Xoshiro256StarStar.ForTrial(20191120, 7);
        var x = new double[N];
        for (int i = 0; i < N; i++)
        {
            x[i] = DiscreteInverse.NegativeBinomial(rng.NextDouble(), mean, k);
        }

        double m = x.Average();
        double s2 = x.Sum(v => (v - m) * (v - m)) / (N - 1);
        double m4 = x.Sum(v => Math.Pow(v - m, 4)) / N;
        double variance = mean + (mean * mean / k);
        double seMean = Math.Sqrt(variance / N);
        double seVariance = Math.Sqrt((m4 - (s2 * s2)) / N); // large-sample SE of the sample variance
        Assert.True(Math.Abs(m - mean) < 4 * seMean, $"mean {m} vs {mean} (SE {seMean})");
        Assert.True(Math.Abs(s2 - variance) < 4 * seVariance, $"variance {s2} vs {variance} (SE {seVariance})");

        // And it is overdispersed: the Poisson variance μ is far outside.
        Assert.True(s2 - mean > 10 * seVariance, $"variance {s2} is not above the Poisson's {mean}");
    }

    [Theory]
    [InlineData(45.0)]
    [InlineData(500.0)]
    public void As_k_grows_it_approaches_the_Poisson(double mean)
    {
        const int N = 20_000;
        double previousMismatch = double.PositiveInfinity;
        foreach (double k in new[] { 10.0, 1e3, 1e5, 1e8 })
        {
            int mismatches = 0;
            for (int i = 0; i < N; i++)
            {
                double u = (i + 0.5) / N;
                if (DiscreteInverse.NegativeBinomial(u, mean, k) != DiscreteInverse.Poisson(u, mean))
                {
                    mismatches++;
                }
            }

            double share = (double)mismatches / N;
            Assert.True(share <= previousMismatch, $"k = {k}: {share} of draws differ from the Poisson, more than at a smaller k ({previousMismatch})");
            previousMismatch = share;
        }

        // At k = 1e8 the two distributions differ by about μ/k in total variation: draws coincide.
        Assert.True(previousMismatch < 1e-3, $"at k = 1e8, {previousMismatch} of draws differ from the Poisson");
        Assert.Equal(DiscreteInverse.Poisson(0.3, mean), DiscreteInverse.NegativeBinomial(0.3, mean, double.PositiveInfinity));
    }

    [Fact]
    public void Refuses_bad_arguments_and_gives_0_for_mean_0()
    {
        Assert.Equal(0, DiscreteInverse.NegativeBinomial(0.99, 0.0, 5.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.NegativeBinomial(1.0, 5.0, 5.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.NegativeBinomial(0.5, -1.0, 5.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.NegativeBinomial(0.5, 5.0, 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteInverse.NegativeBinomial(0.5, 5.0, double.NaN));
    }
}
