using System.Globalization;
using MathNet.Numerics.Distributions;

namespace RiskSim.Core.Uncertainty;

/// <summary>Triangular on [min, max] with the given mode; plan defaults to the mode.</summary>
public sealed class TriangularDistribution : Distribution
{
    /// <summary>Creates a triangular distribution; requires min ≤ mode ≤ max and min &lt; max.</summary>
    public TriangularDistribution(double min, double mode, double max, double? plan = null)
    {
        RequireMinModeMax(min, mode, max);

        Min = min;
        Mode = mode;
        Max = max;
        Plan = plan ?? mode;
        RequirePlanInSupport(Plan);
    }

    /// <summary>Lower bound.</summary>
    public double Min { get; }

    /// <summary>Most likely value.</summary>
    public double Mode { get; }

    /// <summary>Upper bound.</summary>
    public double Max { get; }

    /// <inheritdoc />
    public override double Plan { get; }

    /// <inheritdoc />
    public override double Minimum => Min;

    /// <inheritdoc />
    public override double Maximum => Max;

    /// <inheritdoc />
    public override double Mean => (Min + Mode + Max) / 3;

    /// <inheritdoc />
    public override double Sample(System.Random random) => Triangular.Sample(random, Min, Max, Mode);

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"triangular({Min}, {Mode}, {Max})");
}
