namespace RiskSim.Analysis.Compare;

/// <summary>How a comparison estimates the standard errors of percentile differences.</summary>
/// <param name="BootstrapReplicates">Bootstrap resamples (200 by default: the standard error is itself estimated to about ±5 %, 1/√(2R)).</param>
/// <param name="BootstrapSeed">Seed of the resampling, fixed so the same inputs give the same standard errors.</param>
public sealed record CompareOptions(int BootstrapReplicates = 200, ulong BootstrapSeed = CompareOptions.DefaultSeed)
{
    /// <summary>The default bootstrap seed.</summary>
    public const ulong DefaultSeed = 20191120UL;
}
