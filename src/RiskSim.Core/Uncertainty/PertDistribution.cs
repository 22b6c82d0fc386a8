using System.Globalization;
using MathNet.Numerics.Distributions;

namespace RiskSim.Core.Uncertainty;

/// <summary>
/// PERT (a Beta scaled to [min, max], shape 4, as in Vose, <i>Risk Analysis</i>, 3rd ed., §9.1):
/// α = 1 + 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min). Plan defaults to the mode.
/// </summary>
public sealed class PertDistribution : ThreePointDistribution
{
    private readonly double alpha;
    private readonly double beta;
    private readonly BetaQuantile betaQuantile;

    /// <summary>Creates a PERT distribution; requires min ≤ mode ≤ max and min &lt; max.</summary>
    public PertDistribution(double min, double mode, double max, double? plan = null)
        : base(min, mode, max, plan)
    {
        alpha = 1 + (4 * (mode - min) / (max - min));
        beta = 1 + (4 * (max - mode) / (max - min));
        betaQuantile = new BetaQuantile(alpha, beta);
    }

    /// <inheritdoc />
    public override double Mean => (Min + (4 * Mode) + Max) / 6;

    /// <inheritdoc />
    public override double Quantile(double p) => Min + ((Max - Min) * betaQuantile.Quantile(p));

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"pert({Min}, {Mode}, {Max})");
}
