using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using RiskSim.Core.Time;

namespace RiskSim.Output.Shards;

/// <summary>What <see cref="ShardMerge.Merge"/> built.</summary>
/// <param name="Meta">The whole run's metadata.</param>
/// <param name="Shards">Number of shards merged.</param>
/// <param name="Years">The horizon's FYs.</param>
/// <param name="Summary">The summary rows, as a single run builds them.</param>
/// <param name="Coverages">The plan's coverage and, if asked, the contingency's.</param>
/// <param name="Unadjusted">The unadjusted pass's outcome, with a realisation factor.</param>
/// <param name="Positions">Every trial's cumulative position at the horizon (the S-curve and CVaR).</param>
/// <param name="Fan">The LAC fan of all the trials; null when a shard did not record its fan.</param>
public sealed record MergeResult(
    RunMetadata Meta,
    int Shards,
    IReadOnlyList<FinancialYear> Years,
    IReadOnlyList<SummaryRow> Summary,
    IReadOnlyList<ContingencyCoverage> Coverages,
    UnadjustedOutcome? Unadjusted,
    CumulativePositionCollector Positions,
    LacFanAccumulator? Fan);
