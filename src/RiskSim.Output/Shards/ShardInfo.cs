namespace RiskSim.Output.Shards;

/// <summary>One complete shard folder of a set, as its files describe it.</summary>
/// <param name="Folder">Full path of <c>OUT/shard=I</c>.</param>
/// <param name="Spec">Its index and the number of shards.</param>
/// <param name="FirstTrial">Global index of its first trial.</param>
/// <param name="Trials">Its number of trials.</param>
/// <param name="Metadata">The key-value metadata of its <c>trials.parquet</c>.</param>
/// <param name="PlanSha256">SHA-256 of its <c>plan.parquet</c>, from its manifest.</param>
public sealed record ShardInfo(string Folder, ShardSpec Spec, long FirstTrial, int Trials, IReadOnlyDictionary<string, string> Metadata, string PlanSha256);
