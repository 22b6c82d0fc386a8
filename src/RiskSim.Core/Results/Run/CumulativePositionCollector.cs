using MathNet.Numerics.Statistics;

namespace RiskSim.Core.Results.Run;

/// <summary>
/// The cumulative position at the horizon of every trial (8 bytes a trial), for the S-curve and the
/// expected shortfall (CVaR). Statistics are taken over the sorted values, so they do not depend on
/// the order trials (or merged shards) arrived in.
/// </summary>
public sealed class CumulativePositionCollector : ITrialSink
{
    private double[] values;
    private bool sorted = true;

    /// <summary>Creates an empty collector with room for <paramref name="expectedTrials"/> trials (it grows past them).</summary>
    public CumulativePositionCollector(int expectedTrials = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedTrials);
        values = new double[Math.Max(1, expectedTrials)];
    }

    /// <summary>Trials received.</summary>
    public int Count { get; private set; }

    /// <inheritdoc />
    public void Accept(TrialBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        int last = block.FinancialYears.Count - 1;
        for (int t = 0; t < block.Count; t++)
        {
            Add(block.Get(t, last, Metric.CumulativePositionGbp));
        }
    }

    /// <summary>Adds one trial's cumulative position at the horizon, £.</summary>
    public void Add(double gbp)
    {
        if (Count == values.Length)
        {
            Array.Resize(ref values, checked(Math.Max(1024, values.Length * 2)));
        }

        values[Count++] = gbp;
        sorted = false;
    }

    /// <summary>Adds the trials of <paramref name="other"/> (a shard).</summary>
    public void Merge(CumulativePositionCollector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < other.Count; i++)
        {
            Add(other.values[i]);
        }
    }

    /// <summary>The <paramref name="p"/> quantile, £ (R type 7, the same as the summary's percentiles).</summary>
    public double Quantile(double p) => SortedArrayStatistics.QuantileCustom(Sorted(), p, QuantileDefinition.R7);

    /// <summary>
    /// Conditional value at risk at level <paramref name="alpha"/>: the mean of the worst (highest)
    /// 1 − α share of the cumulative position, by the Rockafellar–Uryasev estimator
    /// VaR + E[(X − VaR)⁺]/(1 − α), with VaR the α quantile. Its standard error is
    /// sd((X − VaR)⁺)/((1 − α)√N), the asymptotic one (Trindade et al. 2007; Hong and Liu 2009).
    /// </summary>
    /// <param name="alpha">The level, e.g. 0.9 for CVaR90.</param>
    /// <returns>The CVaR and its Monte Carlo standard error, £.</returns>
    public (double Value, double StandardError) ConditionalValueAtRisk(double alpha)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "a level strictly between 0 and 1.");
        }

        var data = Sorted();
        double var = SortedArrayStatistics.QuantileCustom(data, alpha, QuantileDefinition.R7);

        // Excesses over VaR in ascending order: deterministic sums. Welford for the variance.
        double mean = 0, m2 = 0;
        for (int i = 0; i < data.Length; i++)
        {
            double excess = Math.Max(data[i] - var, 0);
            double delta = excess - mean;
            mean += delta / (i + 1);
            m2 += delta * (excess - mean);
        }

        double sd = data.Length > 1 ? Math.Sqrt(m2 / (data.Length - 1)) : 0;
        return (var + (mean / (1 - alpha)), sd / ((1 - alpha) * Math.Sqrt(data.Length)));
    }

    private double[] Sorted()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("no trials received.");
        }

        if (!sorted)
        {
            // Trimmed once, so every statistic reads the whole array without copying it.
            Array.Resize(ref values, Count);
            Array.Sort(values);
            sorted = true;
        }

        return values;
    }
}
