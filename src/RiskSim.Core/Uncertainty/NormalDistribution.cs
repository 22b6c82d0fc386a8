using System.Globalization;
using MathNet.Numerics.Distributions;

namespace RiskSim.Core.Uncertainty;

/// <summary>
/// Normal with the given mean and standard deviation, optionally truncated to [min, max]
/// by inversion (a bounded field such as a rate must state its bounds). Plan defaults to the mean.
/// </summary>
public sealed class NormalDistribution : Distribution
{
    /// <summary>Φ at the truncation bounds (0 and 1 when untruncated): the quantile maps p into [cdfMin, cdfMax].</summary>
    private readonly double cdfMin;
    private readonly double cdfMax;

    /// <summary>Creates a (truncated) normal; the kept mass must be at least 1 %.</summary>
    public NormalDistribution(double mean, double sd, double? min = null, double? max = null, double? plan = null)
    {
        RequireFinite(mean, nameof(mean));
        RequireFinite(sd, nameof(sd));
        if (!(sd > 0))
        {
            throw new ArgumentException($"sd must be positive, got {sd}.");
        }

        Mu = mean;
        Sd = sd;
        Minimum = min ?? double.NegativeInfinity;
        Maximum = max ?? double.PositiveInfinity;
        if (min is { } lo && !double.IsFinite(lo) || max is { } hi && !double.IsFinite(hi))
        {
            throw new ArgumentException("truncation bounds must be finite numbers.");
        }

        if (!(Minimum < Maximum))
        {
            throw new ArgumentException($"min ({Minimum}) must be less than max ({Maximum}).");
        }

        double kept = Normal.CDF(mean, sd, Maximum) - Normal.CDF(mean, sd, Minimum);
        if (kept < 0.01)
        {
            throw new ArgumentException(
                $"the bounds [{Minimum}, {Maximum}] keep only {kept:P2} of normal({mean}, {sd}); widen them or move the mean.");
        }

        cdfMin = Normal.CDF(mean, sd, Minimum);
        cdfMax = Normal.CDF(mean, sd, Maximum);
        Plan = plan ?? Math.Clamp(mean, Minimum, Maximum);
        RequirePlanInSupport(Plan);
    }

    /// <summary>Mean before truncation.</summary>
    public double Mu { get; }

    /// <summary>Standard deviation before truncation.</summary>
    public double Sd { get; }

    /// <inheritdoc />
    public override double Plan { get; }

    /// <inheritdoc />
    public override double Minimum { get; }

    /// <inheritdoc />
    public override double Maximum { get; }

    /// <summary>Whether bounds were given.</summary>
    public bool IsTruncated => double.IsFinite(Minimum) || double.IsFinite(Maximum);

    /// <inheritdoc />
    public override double Mean
    {
        get
        {
            if (!IsTruncated)
            {
                return Mu;
            }

            // Mean of a truncated normal: μ + σ (φ(a) − φ(b)) / (Φ(b) − Φ(a)).
            double a = (Minimum - Mu) / Sd;
            double b = (Maximum - Mu) / Sd;
            double z = Normal.CDF(0, 1, b) - Normal.CDF(0, 1, a);
            return Mu + (Sd * (Normal.PDF(0, 1, a) - Normal.PDF(0, 1, b)) / z);
        }
    }

    /// <inheritdoc />
    public override double Quantile(double p)
    {
        if (!IsTruncated)
        {
            return Normal.InvCDF(Mu, Sd, p);
        }

        // Truncation by inversion: Φ⁻¹(Φ(a) + p (Φ(b) − Φ(a))), clamped against rounding at the ends.
        double x = Normal.InvCDF(Mu, Sd, cdfMin + (p * (cdfMax - cdfMin)));
        return Math.Clamp(x, Minimum, Maximum);
    }

    /// <inheritdoc />
    public override string Describe() => IsTruncated
        ? string.Create(CultureInfo.InvariantCulture, $"normal({Mu}, {Sd}) in [{Minimum}, {Maximum}]")
        : string.Create(CultureInfo.InvariantCulture, $"normal({Mu}, {Sd})");
}
