namespace RiskSim.Core.Uncertainty;

/// <summary>
/// What is believed about one input: a constant or a probability distribution, plus the
/// value the paper planned with (<see cref="Plan"/>), which plan mode uses.
/// </summary>
/// <remarks>
/// Parameters are validated once, in the constructors; sampling assumes they are valid.
/// Draws go through MathNet.Numerics' samplers, fed by the trial's own random stream.
/// </remarks>
public abstract class Distribution
{
    /// <summary>The planned value: the paper's own number, used by plan mode.</summary>
    public abstract double Plan { get; }

    /// <summary>Smallest value a draw can take (may be −∞).</summary>
    public abstract double Minimum { get; }

    /// <summary>Largest value a draw can take (may be +∞).</summary>
    public abstract double Maximum { get; }

    /// <summary>False for a constant, whose draws always equal <see cref="Plan"/>.</summary>
    public virtual bool IsUncertain => true;

    /// <summary>Draws one value using <paramref name="random"/>.</summary>
    public abstract double Sample(System.Random random);

    /// <summary>The mean of the distribution (used in tests and reports).</summary>
    public abstract double Mean { get; }

    /// <summary>A short description such as <c>pert(0, 2, 9)</c>.</summary>
    public abstract string Describe();

    /// <summary>Throws when <paramref name="value"/> is NaN or infinite; ThrowIf helpers do not cover NaN.</summary>
    protected static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number.");
        }
    }

    /// <summary>Checks an explicit plan value lies within the support.</summary>
    protected void RequirePlanInSupport(double plan)
    {
        RequireFinite(plan, "plan");
        if (plan < Minimum || plan > Maximum)
        {
            throw new ArgumentOutOfRangeException(
                nameof(plan), plan, $"plan {plan} lies outside the distribution's range [{Minimum}, {Maximum}].");
        }
    }
}
