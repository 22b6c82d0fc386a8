namespace RiskSim.Analysis;

/// <summary>Progress of a run's main pass: told the trials done after each block, then finished.</summary>
public interface IRunProgress : IProgress<int>
{
    /// <summary>The main pass is over (what follows: extra blocks for a precision target, the unadjusted pass, writing).</summary>
    void Finish();
}
