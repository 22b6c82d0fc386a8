namespace RiskSim.Core.Uncertainty;

/// <summary>
/// A distribution given, as analysts usually give it, by minimum, most likely and maximum
/// (triangular, PERT). Plan defaults to the mode.
/// </summary>
public abstract class ThreePointDistribution : Distribution
{
    /// <summary>Validates min ≤ mode ≤ max, min &lt; max, all finite, and the plan value.</summary>
    protected ThreePointDistribution(double min, double mode, double max, double? plan)
    {
        RequireFinite(min, nameof(min));
        RequireFinite(mode, nameof(mode));
        RequireFinite(max, nameof(max));
        if (!(min <= mode && mode <= max && min < max))
        {
            throw new ArgumentException($"need min ≤ mode ≤ max and min < max, got {min}, {mode}, {max}.");
        }

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
}
