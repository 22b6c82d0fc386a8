using RiskSim.Core.Time;

namespace RiskSim.Core.Results;

/// <summary>
/// The unadjusted pass's sink (the realisation factor held at plan): keeps the two figures per trial
/// its outcome needs, the cumulative position at the horizon and the breakeven FY index (12 bytes a
/// trial), and builds the <see cref="UnadjustedOutcome"/> with <see cref="UnadjustedSummary.From"/>,
/// the same arithmetic a <see cref="SummaryAccumulator"/> of those trials gives (as <c>risksim merge</c>
/// does from the shards' <c>unadjusted.parquet</c>). A full accumulator would spill all
/// FY × metric columns of that world to disk to read back two of them.
/// </summary>
public sealed class UnadjustedCollector : ITrialSink
{
    private double[] cumulative;
    private int[] breakeven;

    /// <summary>Creates an empty collector with room for <paramref name="expectedTrials"/> trials (it grows past them).</summary>
    public UnadjustedCollector(int expectedTrials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedTrials);
        cumulative = new double[Math.Max(1, expectedTrials)];
        breakeven = new int[cumulative.Length];
    }

    /// <summary>Trials received.</summary>
    public int Count { get; private set; }

    /// <inheritdoc />
    public void Accept(TrialBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (Count + block.Count > cumulative.Length)
        {
            int size = checked(Math.Max(Count + block.Count, cumulative.Length * 2));
            Array.Resize(ref cumulative, size);
            Array.Resize(ref breakeven, size);
        }

        int last = block.FinancialYears.Count - 1;
        for (int t = 0; t < block.Count; t++)
        {
            cumulative[Count] = block.Get(t, last, Metric.CumulativePositionGbp);
            breakeven[Count] = block.BreakevenFyIndex[t];
            Count++;
        }
    }

    /// <summary>The outcome of the trials received, in the order received.</summary>
    /// <param name="years">The horizon's FYs.</param>
    /// <param name="planCumulativeGbp">The plan's cumulative position at the horizon, £.</param>
    public UnadjustedOutcome Build(IReadOnlyList<FinancialYear> years, double planCumulativeGbp)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("no trials received.");
        }

        return UnadjustedSummary.From(years, cumulative[..Count], breakeven[..Count], planCumulativeGbp);
    }
}
