using System.Globalization;

namespace RiskSim.Core.Uncertainty;

/// <summary>A gamma distribution by shape and scale (mean shape × scale): a positive, right-skewed quantity.</summary>
public sealed class GammaDistribution : Distribution
{
    /// <summary>Creates Gamma(<paramref name="shape"/>, <paramref name="scale"/>).</summary>
    public GammaDistribution(double shape, double scale, double? plan = null)
    {
        RequireFinite(shape, nameof(shape));
        RequireFinite(scale, nameof(scale));
        if (!(shape > 0 && scale > 0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"shape and scale must be positive, got {shape} and {scale}."));
        }

        Shape = shape;
        Scale = scale;
        Plan = plan ?? Mean;
        RequirePlanInSupport(Plan);
    }

    /// <summary>Shape k.</summary>
    public double Shape { get; }

    /// <summary>Scale θ.</summary>
    public double Scale { get; }

    /// <inheritdoc />
    public override double Plan { get; }

    /// <inheritdoc />
    public override double Minimum => 0;

    /// <inheritdoc />
    public override double Maximum => double.PositiveInfinity;

    /// <inheritdoc />
    public override double Mean => Shape * Scale;

    /// <inheritdoc />
    public override double Quantile(double p) => p <= 0 ? 0 : Scale * Math.Exp(GammaQuantile.Log(Shape, p));

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"gamma(shape {Shape}, scale {Scale})");
}
