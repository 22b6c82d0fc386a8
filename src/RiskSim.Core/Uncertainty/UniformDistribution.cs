using System.Globalization;
using MathNet.Numerics.Distributions;

namespace RiskSim.Core.Uncertainty;

/// <summary>Uniform on [min, max]; plan defaults to the midpoint.</summary>
public sealed class UniformDistribution : Distribution
{
    /// <summary>Creates a uniform distribution.</summary>
    public UniformDistribution(double min, double max, double? plan = null)
    {
        RequireFinite(min, nameof(min));
        RequireFinite(max, nameof(max));
        if (!(min < max))
        {
            throw new ArgumentException($"min ({min}) must be less than max ({max}).");
        }

        Min = min;
        Max = max;
        Plan = plan ?? (min + max) / 2;
        RequirePlanInSupport(Plan);
    }

    /// <summary>Lower bound.</summary>
    public double Min { get; }

    /// <summary>Upper bound.</summary>
    public double Max { get; }

    /// <inheritdoc />
    public override double Plan { get; }

    /// <inheritdoc />
    public override double Minimum => Min;

    /// <inheritdoc />
    public override double Maximum => Max;

    /// <inheritdoc />
    public override double Mean => (Min + Max) / 2;

    /// <inheritdoc />
    public override double Quantile(double p) => Min + (p * (Max - Min));

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"uniform({Min}, {Max})");
}
