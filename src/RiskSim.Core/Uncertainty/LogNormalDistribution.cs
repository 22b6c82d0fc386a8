using System.Globalization;
using MathNet.Numerics.Distributions;

namespace RiskSim.Core.Uncertainty;

/// <summary>
/// Log-normal given by its median and σ of the log (so ln X ~ N(ln median, σ²)); suits
/// heavy right tails such as residential unit costs. Plan defaults to the median.
/// </summary>
public sealed class LogNormalDistribution : Distribution
{
    /// <summary>Creates a log-normal; the median must be positive.</summary>
    public LogNormalDistribution(double median, double sigma, double? plan = null)
    {
        RequireFinite(median, nameof(median));
        RequireFinite(sigma, nameof(sigma));
        if (!(median > 0) || !(sigma > 0))
        {
            throw new ArgumentException($"median and sigma must be positive, got {median} and {sigma}.");
        }

        Median = median;
        Sigma = sigma;
        Plan = plan ?? median;
        RequirePlanInSupport(Plan);
    }

    /// <summary>Median (= e^μ).</summary>
    public double Median { get; }

    /// <summary>Standard deviation of ln X.</summary>
    public double Sigma { get; }

    /// <inheritdoc />
    public override double Plan { get; }

    /// <inheritdoc />
    public override double Minimum => 0;

    /// <inheritdoc />
    public override double Maximum => double.PositiveInfinity;

    /// <inheritdoc />
    public override double Mean => Median * Math.Exp(Sigma * Sigma / 2);

    /// <inheritdoc />
    public override double Quantile(double p) => p <= 0 ? 0 : Median * Math.Exp(Sigma * Normal.InvCDF(0, 1, p));

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"lognormal(median {Median}, sigma {Sigma})");
}
