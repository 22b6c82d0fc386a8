using System.Globalization;

namespace RiskSim.Core.Uncertainty;

/// <summary>
/// A few possible values with stated probabilities (e.g. "no delay 50 %, 3 months 30 %, 6 months 20 %").
/// The quantile is the smallest value whose cumulative probability reaches p.
/// </summary>
public sealed class DiscreteDistribution : Distribution
{
    private readonly double[] values;
    private readonly double[] cumulative;

    /// <summary>Creates the distribution; values are sorted, probabilities must be ≥ 0 and sum to 1 (±1e-9).</summary>
    /// <param name="values">Distinct finite values.</param>
    /// <param name="probabilities">Probability of each value, in the same order.</param>
    /// <param name="plan">The paper's value (default: the most likely value, the lower on a tie).</param>
    public DiscreteDistribution(IReadOnlyList<double> values, IReadOnlyList<double> probabilities, double? plan = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (values.Count == 0 || values.Count != probabilities.Count)
        {
            throw new ArgumentException($"need as many probabilities as values (at least one), got {values.Count} values and {probabilities.Count} probabilities.");
        }

        foreach (double v in values)
        {
            RequireFinite(v, "value");
        }

        foreach (double p in probabilities)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"each probability must be in [0, 1], got {p}."));
            }
        }

        double total = probabilities.Sum();
        if (Math.Abs(total - 1) > 1e-9)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the probabilities must add up to 1, got {total}."));
        }

        if (values.Distinct().Count() != values.Count)
        {
            throw new ArgumentException("the values must be distinct.");
        }

        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        this.values = [.. order.Select(i => values[i])];
        var probs = order.Select(i => probabilities[i]).ToArray();
        cumulative = new double[probs.Length];
        double running = 0;
        for (int i = 0; i < probs.Length; i++)
        {
            running += probs[i];
            cumulative[i] = running;
        }

        cumulative[^1] = 1.0; // absorb rounding so that every p ≤ 1 finds a value
        Probabilities = probs;
        Mean = this.values.Zip(probs, (v, p) => v * p).Sum();
        int mostLikely = Array.IndexOf(probs, probs.Max());
        Plan = plan ?? this.values[mostLikely];
        RequirePlanInSupport(Plan);
    }

    /// <summary>The values, ascending.</summary>
    public IReadOnlyList<double> Values => values;

    /// <summary>Their probabilities, in the same order.</summary>
    public IReadOnlyList<double> Probabilities { get; }

    /// <inheritdoc />
    public override double Plan { get; }

    /// <inheritdoc />
    public override double Minimum => values[0];

    /// <inheritdoc />
    public override double Maximum => values[^1];

    /// <inheritdoc />
    public override bool IsUncertain => values.Length > 1;

    /// <inheritdoc />
    public override double Mean { get; }

    /// <inheritdoc />
    public override double Quantile(double p)
    {
        for (int i = 0; i < cumulative.Length; i++)
        {
            if (p <= cumulative[i])
            {
                return values[i];
            }
        }

        return values[^1];
    }

    /// <inheritdoc />
    public override string Describe() => "discrete(" + string.Join(", ", values.Zip(Probabilities, (v, p) => string.Create(CultureInfo.InvariantCulture, $"{v}: {p}"))) + ")";
}
