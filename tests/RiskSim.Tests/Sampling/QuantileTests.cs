using MathNet.Numerics.Distributions;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Tests.Sampling;

/// <summary>
/// Every distribution is sampled through its quantile, so the quantile must invert its CDF.
/// References: MathNet's CDFs (themselves tested against R), checked at a grid of probabilities;
/// tolerance 1e-9 in probability (the beta inverse converges to 1e-14 in x).
/// </summary>
public sealed class QuantileTests
{
    private static readonly double[] Grid = [1e-12, 1e-6, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1 - 1e-6, 1 - 1e-12];

    [Theory]
    [InlineData(3830, 4200, 5500)]
    [InlineData(0, 2, 9)]
    [InlineData(0.9, 1.0, 1.2)]
    [InlineData(0, 0, 1)]   // mode at the minimum: α = 1
    [InlineData(0, 1, 1)]   // mode at the maximum: β = 1
    public void Pert_quantile_inverts_the_beta_CDF(double min, double mode, double max)
    {
        var pert = new PertDistribution(min, mode, max);
        double a = 1 + (4 * (mode - min) / (max - min)), b = 1 + (4 * (max - mode) / (max - min));
        foreach (double p in Grid)
        {
            double x = pert.Quantile(p);
            Assert.InRange(x, min, max);
            Assert.Equal(p, Beta.CDF(a, b, (x - min) / (max - min)), 9);
        }
    }

    [Fact]
    public void Triangular_uniform_normal_and_lognormal_quantiles_invert_their_CDFs()
    {
        var triangular = new TriangularDistribution(1, 2, 6);
        var uniform = new UniformDistribution(-3, 5);
        var normal = new NormalDistribution(10, 2);
        var truncated = new NormalDistribution(0.1, 0.05, min: 0, max: 0.2);
        var lognormal = new LogNormalDistribution(4000, 0.3);
        foreach (double p in Grid)
        {
            Assert.Equal(p, Triangular.CDF(1, 6, 2, triangular.Quantile(p)), 9);
            Assert.Equal(p, ContinuousUniform.CDF(-3, 5, uniform.Quantile(p)), 9);
            Assert.Equal(p, Normal.CDF(10, 2, normal.Quantile(p)), 9);
            Assert.Equal(p, LogNormal.CDF(Math.Log(4000), 0.3, lognormal.Quantile(p)), 9);

            // Truncated to [0, 0.2]: F(x) = (Φ(x) − Φ(0)) / (Φ(0.2) − Φ(0)).
            double lo = Normal.CDF(0.1, 0.05, 0), hi = Normal.CDF(0.1, 0.05, 0.2);
            double x = truncated.Quantile(p);
            Assert.InRange(x, 0, 0.2);
            Assert.Equal(p, (Normal.CDF(0.1, 0.05, x) - lo) / (hi - lo), 9);
        }
    }

    [Fact]
    public void Boundary_probabilities_give_the_support_ends_and_constants_ignore_p()
    {
        var pert = new PertDistribution(1, 2, 4);
        Assert.Equal(1, pert.Quantile(0));
        Assert.Equal(4, pert.Quantile(1));
        Assert.Equal(-3, new UniformDistribution(-3, 5).Quantile(0));
        Assert.Equal(0, new LogNormalDistribution(10, 1).Quantile(0));
        Assert.Equal(7, new Constant(7).Quantile(0.3));
        Assert.Equal(0.2, new NormalDistribution(0.1, 0.05, min: 0, max: 0.2).Quantile(1), 12);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(83.7)]
    public void Gamma_log_quantile_inverts_the_regularised_incomplete_gamma(double shape)
    {
        foreach (double p in Grid)
        {
            double x = Math.Exp(GammaQuantile.Log(shape, p));
            Assert.Equal(p, Gamma.CDF(shape, 1, x), 7);
        }
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-5)]
    public void Gamma_log_quantile_of_tiny_shapes_stays_finite_and_ordered(double shape)
    {
        // The quantile itself underflows (shape 1e-3 at p = ½ is about e^-693); its logarithm must
        // be finite and increasing in p, and match the lower-tail expansion ln x = (ln p + ln Γ(a+1)) / a.
        double previous = double.NegativeInfinity;
        foreach (double p in Grid)
        {
            double log = GammaQuantile.Log(shape, p);
            Assert.True(double.IsFinite(log) || p > 0.99, $"p = {p}: {log}");
            Assert.True(log > previous, $"p = {p}: {log} ≤ {previous}");
            previous = log;
        }

        double expected = (Math.Log(0.5) + MathNet.Numerics.SpecialFunctions.GammaLn(shape + 1)) / shape;
        Assert.Equal(expected, GammaQuantile.Log(shape, 0.5), 6);
    }
}
