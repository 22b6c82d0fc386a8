using System.Globalization;

namespace RiskSim.Core.Uncertainty;

/// <summary>A beta distribution, optionally rescaled from [0, 1] to [min, max] (e.g. a share or a realisation factor).</summary>
public sealed class BetaDistribution : Distribution
{
    private readonly BetaQuantile inverse;

    /// <summary>Creates Beta(<paramref name="alpha"/>, <paramref name="beta"/>) on [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public BetaDistribution(double alpha, double beta, double min = 0, double max = 1, double? plan = null)
    {
        RequireFinite(alpha, nameof(alpha));
        RequireFinite(beta, nameof(beta));
        RequireFinite(min, nameof(min));
        RequireFinite(max, nameof(max));
        if (!(alpha > 0 && beta > 0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"alpha and beta must be positive, got {alpha} and {beta}."));
        }

        if (!(min < max))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"min ({min}) must be less than max ({max})."));
        }

        Alpha = alpha;
        Beta = beta;
        Minimum = min;
        Maximum = max;
        inverse = new BetaQuantile(alpha, beta);
        Plan = plan ?? Mean;
        RequirePlanInSupport(Plan);
    }

    /// <summary>First shape parameter.</summary>
    public double Alpha { get; }

    /// <summary>Second shape parameter.</summary>
    public double Beta { get; }

    /// <inheritdoc />
    public override double Plan { get; }

    /// <inheritdoc />
    public override double Minimum { get; }

    /// <inheritdoc />
    public override double Maximum { get; }

    /// <inheritdoc />
    public override double Mean => Minimum + ((Maximum - Minimum) * Alpha / (Alpha + Beta));

    /// <inheritdoc />
    public override double Quantile(double p) => Minimum + ((Maximum - Minimum) * inverse.Quantile(p));

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"beta({Alpha}, {Beta}) on [{Minimum}, {Maximum}]");
}
