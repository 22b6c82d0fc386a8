namespace RiskSim.Core.Results;

/// <summary>
/// Receives trial results block by block, in trial order, on one thread. Writers (Parquet) and
/// aggregators (summary statistics) implement it, so memory does not grow with trials × months.
/// </summary>
public interface ITrialSink
{
    /// <summary>Called once per block, in trial order. The block's buffers are reused afterwards.</summary>
    void Accept(TrialBlock block);
}
