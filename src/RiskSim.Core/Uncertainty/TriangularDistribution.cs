using System.Globalization;
using MathNet.Numerics.Distributions;

namespace RiskSim.Core.Uncertainty;

/// <summary>Triangular on [min, max] with the given mode; plan defaults to the mode.</summary>
public sealed class TriangularDistribution : ThreePointDistribution
{
    /// <summary>Creates a triangular distribution; requires min ≤ mode ≤ max and min &lt; max.</summary>
    public TriangularDistribution(double min, double mode, double max, double? plan = null)
        : base(min, mode, max, plan)
    {
    }

    /// <inheritdoc />
    public override double Mean => (Min + Mode + Max) / 3;

    /// <inheritdoc />
    public override double Quantile(double p) => Triangular.InvCDF(Min, Max, Mode, p);

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"triangular({Min}, {Mode}, {Max})");
}
