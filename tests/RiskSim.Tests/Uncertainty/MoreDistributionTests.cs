using MathNet.Numerics.Distributions;
using RiskSim.Core.Sampling;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Tests.Uncertainty;

/// <summary>
/// Discrete, beta, gamma and empirical distributions, sampled (as every input is) through their
/// quantiles. Reference moments are the textbook formulas; tolerances are 4 standard errors at a
/// fixed seed, SE = sd/√n for the mean.
/// </summary>
public sealed class MoreDistributionTests
{
    private const int N = 100_000;

    private static double[] Draw(Distribution d, ulong seed)
    {
        var design = new MonteCarloDesign(["x"], seed);
        var u = new double[1];
        var x = new double[N];
        for (int t = 0; t < N; t++)
        {
            design.Fill(t, u);
            x[t] = d.Quantile(u[0]);
        }

        return x;
    }

    private static void AssertMean(double[] x, double mean, double sd) =>
        Assert.InRange(x.Average(), mean - (4 * sd / Math.Sqrt(N)), mean + (4 * sd / Math.Sqrt(N)));

    [Fact]
    public void Discrete_values_occur_with_their_probabilities()
    {
        var d = new DiscreteDistribution([6, 0, 3], [0.2, 0.5, 0.3]);
        Assert.Equal(0, d.Plan);                 // the most likely value
        Assert.Equal([0.0, 3, 6], d.Values);
        var x = Draw(d, 1);
        foreach (var (v, p) in new[] { (0.0, 0.5), (3.0, 0.3), (6.0, 0.2) })
        {
            double se = Math.Sqrt(p * (1 - p) / N);
            Assert.InRange(x.Count(y => y == v) / (double)N, p - (4 * se), p + (4 * se));
        }

        Assert.Equal(0, d.Quantile(0.5));
        Assert.Equal(3, d.Quantile(0.500001));
        Assert.Equal(6, d.Quantile(1));
    }

    [Theory]
    [InlineData(new double[] { 1, 2 }, new double[] { 0.5 })]
    [InlineData(new double[] { 1, 2 }, new double[] { 0.5, 0.6 })]
    [InlineData(new double[] { 1, 1 }, new double[] { 0.5, 0.5 })]
    [InlineData(new double[] { 1, double.NaN }, new double[] { 0.5, 0.5 })]
    [InlineData(new double[] { 1, 2 }, new double[] { -0.1, 1.1 })]
    public void Discrete_rejects_inconsistent_values_and_probabilities(double[] values, double[] probabilities) =>
        Assert.ThrowsAny<ArgumentException>(() => new DiscreteDistribution(values, probabilities));

    [Fact]
    public void Beta_on_an_interval_has_the_textbook_mean_and_inverts_its_CDF()
    {
        // Beta(2, 5) on [0.4, 1.1]: mean 0.4 + 0.7 · 2/7 = 0.6; sd 0.7 · √(10 / (49 · 8)) ≈ 0.1118.
        var d = new BetaDistribution(2, 5, 0.4, 1.1);
        AssertMean(Draw(d, 2), 0.6, 0.7 * Math.Sqrt(10.0 / (49 * 8)));
        foreach (double p in new[] { 0.001, 0.1, 0.5, 0.9, 0.999 })
        {
            Assert.Equal(p, Beta.CDF(2, 5, (d.Quantile(p) - 0.4) / 0.7), 9);
        }
    }

    [Fact]
    public void Gamma_has_the_textbook_mean_and_inverts_its_CDF()
    {
        // Gamma(shape 3, scale 2): mean 6, sd √12.
        var d = new GammaDistribution(3, 2);
        AssertMean(Draw(d, 3), 6, Math.Sqrt(12));
        foreach (double p in new[] { 0.001, 0.1, 0.5, 0.9, 0.999 })
        {
            Assert.Equal(p, Gamma.CDF(3, 0.5, d.Quantile(p)), 7);   // MathNet's Gamma takes a rate, 1/scale
        }
    }

    [Fact]
    public void Empirical_resamples_each_observation_with_equal_probability()
    {
        double[] observed = [4100, 3900, 5200, 4700];
        var d = new EmpiricalDistribution(observed, "costs.csv:weekly_cost_gbp");
        var x = Draw(d, 4);
        foreach (double v in observed)
        {
            double se = Math.Sqrt(0.25 * 0.75 / N);
            Assert.InRange(x.Count(y => y == v) / (double)N, 0.25 - (4 * se), 0.25 + (4 * se));
        }

        Assert.Equal(3900, d.Quantile(0.25));
        Assert.Equal(4100, d.Quantile(0.2500001));
        Assert.Equal(3900, d.Minimum);
        Assert.Equal(5200, d.Maximum);
        Assert.Throws<ArgumentException>(() => new EmpiricalDistribution([], "empty.csv:x"));
        Assert.ThrowsAny<ArgumentException>(() => new EmpiricalDistribution([1, double.PositiveInfinity], "bad.csv:x"));
    }
}
