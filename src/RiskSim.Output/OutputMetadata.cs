using System.Globalization;
using RiskSim.Core.Results;

namespace RiskSim.Output;

/// <summary>The key-value metadata stored in every output file.</summary>
internal static class OutputMetadata
{
    internal const string ScenarioName = "risksim.scenario_name";
    internal const string ScenarioSha256 = "risksim.scenario_sha256";
    internal const string Seed = "risksim.seed";
    internal const string Trials = "risksim.trials";
    internal const string EngineVersion = "risksim.engine_version";
    internal const string SchemaVersion = "risksim.schema_version";
    internal const string Sampling = "risksim.sampling";
    internal const string PrecisionTarget = "risksim.precision_target_gbp";
    internal const string PrecisionReached = "risksim.precision_reached_gbp";

    /// <summary>
    /// The pairs in a fixed order (Parquet.Net writes them in enumeration order, and a
    /// <see cref="Dictionary{TKey, TValue}"/> filled without removals enumerates in insertion order).
    /// Nothing here varies between runs of the same scenario and seed, so files are byte-identical.
    /// </summary>
    internal static Dictionary<string, string> For(RunMetadata meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ScenarioName] = meta.ScenarioName,
            [ScenarioSha256] = meta.ScenarioSha256,
            [Seed] = meta.Seed.ToString(CultureInfo.InvariantCulture),
            [Trials] = meta.Trials.ToString(CultureInfo.InvariantCulture),
            [EngineVersion] = meta.EngineVersion,
            [SchemaVersion] = RunMetadata.SchemaVersion.ToString(CultureInfo.InvariantCulture),
            [Sampling] = meta.Sampling,
        };
        if (meta.PrecisionTargetGbp is { } target)
        {
            pairs[PrecisionTarget] = target.ToString("R", CultureInfo.InvariantCulture);
            pairs[PrecisionReached] = (meta.PrecisionReachedGbp ?? double.NaN).ToString("R", CultureInfo.InvariantCulture);
        }

        return pairs;
    }
}
