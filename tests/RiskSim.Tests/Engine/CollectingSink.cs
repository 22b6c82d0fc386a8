using RiskSim.Core.Results;

namespace RiskSim.Tests.Engine;

/// <summary>Copies every block it is given (the runner reuses the block's buffers), checking trial order.</summary>
internal sealed class CollectingSink : ITrialSink
{
    public List<double> Inputs { get; } = [];

    public List<double> Yearly { get; } = [];

    public List<int> Breakeven { get; } = [];

    public List<(long FirstTrial, int Count)> Blocks { get; } = [];

    public int Trials => Breakeven.Count;

    public int FyCount { get; private set; }

    public void Accept(TrialBlock block)
    {
        Assert.Equal(Trials, block.FirstTrial);
        Assert.InRange(block.Count, 1, block.Capacity);
        FyCount = block.FinancialYears.Count;
        int stride = block.FinancialYears.Count * Metrics.Count;
        Inputs.AddRange(block.Inputs.AsSpan(0, block.Count * block.InputColumns.Count));
        Yearly.AddRange(block.Yearly.AsSpan(0, block.Count * stride));
        Breakeven.AddRange(block.BreakevenFyIndex.AsSpan(0, block.Count));
        Blocks.Add((block.FirstTrial, block.Count));
    }

    /// <summary>One trial's value of one metric in one FY.</summary>
    public double Get(int trial, int fy, Metric metric) => Yearly[(((trial * FyCount) + fy) * Metrics.Count) + (int)metric];

    /// <summary>The bit patterns of the inputs, per-FY values and breakeven indices, for exact comparison.</summary>
    public (long[] Inputs, long[] Yearly, int[] Breakeven) Bits() =>
        (Inputs.Select(BitConverter.DoubleToInt64Bits).ToArray(), Yearly.Select(BitConverter.DoubleToInt64Bits).ToArray(), [.. Breakeven]);
}
