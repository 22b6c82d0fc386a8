using RiskSim.Core.Results;

namespace RiskSim.Analysis.Compare;

/// <summary>
/// Keeps, for every trial of a run, what a comparison needs (cumulative position, first and lasting
/// breakeven FY, LAC at each FY's end): about (4 + FYs) × 8 bytes a trial.
/// </summary>
public sealed class CompareSideSink : ITrialSink
{
    private readonly int years;
    private readonly long[] trials;
    private readonly double[] cumulative;
    private readonly int[] breakeven;
    private readonly int[] lasting;
    private readonly double[] lacEnd;
    private int count;

    /// <summary>Creates a sink for <paramref name="trialCount"/> trials of a horizon of <paramref name="fyCount"/> FYs.</summary>
    public CompareSideSink(int trialCount, int fyCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trialCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(fyCount, 1);
        years = fyCount;
        trials = new long[trialCount];
        cumulative = new double[trialCount];
        breakeven = new int[trialCount];
        lasting = new int[trialCount];
        lacEnd = new double[(long)trialCount * fyCount];
    }

    /// <inheritdoc />
    public void Accept(TrialBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (count + block.Count > trials.Length)
        {
            throw new InvalidOperationException("more trials than the sink was created for");
        }

        int last = years - 1;
        for (int t = 0; t < block.Count; t++)
        {
            int row = count + t;
            trials[row] = block.FirstTrial + t;
            cumulative[row] = block.Get(t, last, Metric.CumulativePositionGbp);
            breakeven[row] = block.BreakevenFyIndex[t];
            lasting[row] = block.LastingBreakevenFyIndex(t);
            for (int fy = 0; fy < years; fy++)
            {
                lacEnd[(row * years) + fy] = block.Get(t, fy, Metric.LacEnd);
            }
        }

        count += block.Count;
    }

    /// <summary>The side, once every trial has arrived.</summary>
    public CompareSide ToSide(string label, string scenarioName, ulong seed, string sampling, IReadOnlyList<string> yearLabels, double planCumulativeGbp)
    {
        if (count != trials.Length)
        {
            throw new InvalidOperationException($"the sink received {count} of {trials.Length} trials");
        }

        return new CompareSide(label, scenarioName, seed, sampling, yearLabels, planCumulativeGbp, trials, cumulative, breakeven, lasting, lacEnd);
    }
}
