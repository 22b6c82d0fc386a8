using RiskSim.Core.Time;

namespace RiskSim.Core.Results;

/// <summary>
/// Results of a contiguous run of trials, handed to sinks in trial order. Buffers are reused for
/// the next block once every sink has returned, so sinks must copy what they keep.
/// </summary>
public sealed class TrialBlock
{
    internal TrialBlock(int capacity, IReadOnlyList<string> inputColumns, IReadOnlyList<FinancialYear> years, IReadOnlyList<string>? eventColumns = null, int months = 0)
    {
        MonthCount = months;
        LacByMonthEnd = new double[capacity * months];
        InputColumns = inputColumns;
        EventColumns = eventColumns ?? [];
        EventFirstFyIndex = new int[capacity * EventColumns.Count];
        FinancialYears = years;
        Inputs = new double[capacity * inputColumns.Count];
        Yearly = new double[capacity * years.Count * Metrics.Count];
        BreakevenFyIndex = new int[capacity];
        Capacity = capacity;
    }

    /// <summary>Most trials a block holds.</summary>
    public int Capacity { get; }

    /// <summary>Index of the first trial in this block.</summary>
    public long FirstTrial { get; internal set; }

    /// <summary>Number of trials in this block.</summary>
    public int Count { get; internal set; }

    /// <summary>Names of the sampled inputs, in column order.</summary>
    public IReadOnlyList<string> InputColumns { get; }

    /// <summary>Names of the risk-event columns (<c>event_&lt;id&gt;_fy</c>), in order.</summary>
    public IReadOnlyList<string> EventColumns { get; }

    /// <summary>Per trial and event, laid out [trial-in-block × event count + event]: the first FY index the event occurred in, or −1.</summary>
    public int[] EventFirstFyIndex { get; }

    /// <summary>The horizon's financial years.</summary>
    public IReadOnlyList<FinancialYear> FinancialYears { get; }

    /// <summary>Sampled inputs laid out [trial-in-block × input count + input].</summary>
    public double[] Inputs { get; }

    /// <summary>Per-FY metrics laid out [(trial-in-block × FY count + fy) × <see cref="Metrics.Count"/> + metric].</summary>
    public double[] Yearly { get; }

    /// <summary>Per trial, index of the breakeven FY or −1 when none within the horizon.</summary>
    public int[] BreakevenFyIndex { get; }

    /// <summary>Simulated months per trial (0 when the block carries no monthly values).</summary>
    public int MonthCount { get; }

    /// <summary>Programme-world LAC at the end of each month, laid out [trial-in-block × <see cref="MonthCount"/> + month].</summary>
    public double[] LacByMonthEnd { get; }

    /// <summary>The month-end LAC of one trial.</summary>
    public ReadOnlySpan<double> LacByMonthEndOf(int trialInBlock) =>
        LacByMonthEnd.AsSpan(trialInBlock * MonthCount, MonthCount);

    /// <summary>One per-FY value.</summary>
    public double Get(int trialInBlock, int fyIndex, Metric metric) =>
        Yearly[(((trialInBlock * FinancialYears.Count) + fyIndex) * Metrics.Count) + (int)metric];

    /// <summary>The per-FY values of one trial.</summary>
    public ReadOnlySpan<double> YearlyOf(int trialInBlock) =>
        Yearly.AsSpan(trialInBlock * FinancialYears.Count * Metrics.Count, FinancialYears.Count * Metrics.Count);

    /// <summary>Index of the trial's lasting breakeven FY (position ≤ 0 from then to the horizon), or −1.</summary>
    public int LastingBreakevenFyIndex(int trialInBlock) => Breakeven.Lasting(YearlyOf(trialInBlock), FinancialYears.Count);

    /// <summary>The sampled inputs of one trial.</summary>
    public ReadOnlySpan<double> InputsOf(int trialInBlock) =>
        Inputs.AsSpan(trialInBlock * InputColumns.Count, InputColumns.Count);
}
