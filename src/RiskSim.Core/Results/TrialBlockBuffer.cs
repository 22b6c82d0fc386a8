using RiskSim.Core.Time;

namespace RiskSim.Core.Results;

/// <summary>
/// A <see cref="TrialBlock"/> filled from outside the engine: trials read back from result files (the
/// merge of a sharded run) and handed to the same sinks as a run, so the files and summary they
/// produce are those of the run.
/// </summary>
public sealed class TrialBlockBuffer
{
    /// <summary>Creates a buffer of <paramref name="capacity"/> trials.</summary>
    /// <param name="capacity">Most trials a block holds.</param>
    /// <param name="inputColumns">Names of the sampled inputs, in column order.</param>
    /// <param name="years">The horizon's FYs.</param>
    /// <param name="eventColumns">Names of the risk-event columns.</param>
    public TrialBlockBuffer(int capacity, IReadOnlyList<string> inputColumns, IReadOnlyList<FinancialYear> years, IReadOnlyList<string> eventColumns)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Block = new TrialBlock(capacity, inputColumns, years, eventColumns);
    }

    /// <summary>The block; fill its arrays for <see cref="SetRange"/>'s trials, then hand it to sinks.</summary>
    public TrialBlock Block { get; }

    /// <summary>Says which trials the block holds: <paramref name="count"/> trials from global index <paramref name="firstTrial"/>.</summary>
    /// <param name="firstTrial">Global index of the block's first trial.</param>
    /// <param name="count">Trials in the block, at most its capacity.</param>
    public void SetRange(long firstTrial, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstTrial);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Block.Capacity);
        Block.FirstTrial = firstTrial;
        Block.Count = count;
    }
}
