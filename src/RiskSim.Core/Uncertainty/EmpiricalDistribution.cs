using System.Globalization;

namespace RiskSim.Core.Uncertainty;

/// <summary>
/// Resampling of observed values (e.g. a column of last year's placement costs): each observation
/// is drawn with probability 1/n, the bootstrap's distribution. The quantile at p is the
/// ⌈p·n⌉-th smallest observation.
/// </summary>
public sealed class EmpiricalDistribution : Distribution
{
    private readonly double[] sorted;

    /// <summary>Creates the distribution from at least one finite observation.</summary>
    /// <param name="observations">The observed values.</param>
    /// <param name="source">Where they came from (file and column), for reports.</param>
    /// <param name="plan">The paper's value (default: the median observation).</param>
    public EmpiricalDistribution(IReadOnlyList<double> observations, string source, double? plan = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(source);
        if (observations.Count == 0)
        {
            throw new ArgumentException("need at least one observation.");
        }

        foreach (double x in observations)
        {
            RequireFinite(x, "observation");
        }

        sorted = [.. observations.OrderBy(x => x)];
        Source = source;
        Plan = plan ?? Quantile(0.5);
        RequirePlanInSupport(Plan);
    }

    /// <summary>Where the observations came from.</summary>
    public string Source { get; }

    /// <summary>Number of observations.</summary>
    public int Count => sorted.Length;

    /// <inheritdoc />
    public override double Plan { get; }

    /// <inheritdoc />
    public override double Minimum => sorted[0];

    /// <inheritdoc />
    public override double Maximum => sorted[^1];

    /// <inheritdoc />
    public override bool IsUncertain => sorted[0] < sorted[^1];

    /// <inheritdoc />
    public override double Mean => sorted.Average();

    /// <inheritdoc />
    public override double Quantile(double p)
    {
        int rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"empirical({sorted.Length} values from {Source})");
}
