namespace RiskSim.Core.Uncertainty;

/// <summary>
/// What is believed about one input: a constant or a probability distribution, plus the
/// value the paper planned with (<see cref="Plan"/>), which plan mode uses.
/// </summary>
/// <remarks>
/// Parameters are validated once, in the constructors; sampling assumes they are valid.
/// Every draw is <see cref="Quantile"/> of one uniform, so an input design (Monte Carlo, Latin
/// hypercube, a copula, a Sobol matrix) decides the uniforms and the distribution only maps them.
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

    /// <summary>
    /// The inverse CDF: the value below which a share <paramref name="p"/> of draws falls. Defined
    /// for p in (0, 1); p = 0 and p = 1 give <see cref="Minimum"/> and <see cref="Maximum"/>.
    /// Allocates nothing (it runs once per input per trial).
    /// </summary>
    /// <param name="p">A probability in [0, 1].</param>
    public abstract double Quantile(double p);

    /// <summary>Draws one value: <see cref="Quantile"/> of one uniform from <paramref name="random"/>.</summary>
    public double Sample(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);

        // NextDouble is k·2^-53 for k in [0, 2^53); the half-step moves it into the open interval
        // (0, 1), so an unbounded distribution never returns ±∞.
        return Quantile(random.NextDouble() + (0.5 / (1UL << 53)));
    }

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
