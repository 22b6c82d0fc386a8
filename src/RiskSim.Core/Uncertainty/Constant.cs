using System.Globalization;

namespace RiskSim.Core.Uncertainty;

/// <summary>A number known for certain.</summary>
public sealed class Constant : Distribution
{
    /// <summary>Creates a constant.</summary>
    public Constant(double value)
    {
        RequireFinite(value, nameof(value));
        Value = value;
    }

    /// <summary>The value.</summary>
    public double Value { get; }

    /// <inheritdoc />
    public override double Plan => Value;

    /// <inheritdoc />
    public override double Minimum => Value;

    /// <inheritdoc />
    public override double Maximum => Value;

    /// <inheritdoc />
    public override double Mean => Value;

    /// <inheritdoc />
    public override bool IsUncertain => false;

    /// <inheritdoc />
    public override double Quantile(double p) => Value;

    /// <inheritdoc />
    public override string Describe() => Value.ToString("R", CultureInfo.InvariantCulture);
}
