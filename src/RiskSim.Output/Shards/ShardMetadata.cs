using System.Globalization;

namespace RiskSim.Output.Shards;

/// <summary>
/// The key-value pairs a shard adds to its Parquet files (after the run's own, which are those of the
/// whole run: its trial count is the total), so that <c>risksim merge</c> can check and order a set.
/// </summary>
internal static class ShardMetadata
{
    internal const string Shard = "risksim.shard";
    internal const string FirstTrial = "risksim.shard.first_trial";
    internal const string Trials = "risksim.shard.trials";
    internal const string BlockSize = "risksim.shard.block_size";
    internal const string PlanCumulative = "risksim.shard.plan_cumulative_position_gbp";
    internal const string Unadjusted = "risksim.shard.unadjusted";

    /// <summary>The scenario file's full path when the shard ran (may differ between shards: not checked for sameness).</summary>
    internal const string ScenarioPath = "risksim.shard.scenario_path";

    internal static KeyValuePair<string, string>[] For(ShardSpec shard, long firstTrial, int trials, int blockSize, double planCumulativeGbp, bool unadjusted, string? scenarioPath = null)
    {
        var pairs = new List<KeyValuePair<string, string>>
        {
            new(Shard, shard.ToString()),
            new(FirstTrial, firstTrial.ToString(CultureInfo.InvariantCulture)),
            new(Trials, trials.ToString(CultureInfo.InvariantCulture)),
            new(BlockSize, blockSize.ToString(CultureInfo.InvariantCulture)),
            new(PlanCumulative, planCumulativeGbp.ToString("R", CultureInfo.InvariantCulture)),
            new(Unadjusted, unadjusted ? "true" : "false"),
        };
        if (scenarioPath is not null)
        {
            pairs.Add(new(ScenarioPath, scenarioPath));
        }

        return [.. pairs];
    }
}
