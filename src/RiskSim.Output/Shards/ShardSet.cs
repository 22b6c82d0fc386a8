using System.Globalization;
using Parquet;
using RiskSim.Core.Results;

namespace RiskSim.Output.Shards;

/// <summary>
/// The shards of one run found under a folder, checked to be complete (every index 0 … N−1 present
/// and committed) and consistent (same scenario, seed, trials, N, engine version, design and columns),
/// so that merging them gives exactly the run of all their trials.
/// </summary>
public sealed class ShardSet
{
    // Keys that must agree across shards, with the words used when they do not.
    private static readonly (string Key, string Words)[] SameEverywhere =
    [
        (OutputMetadata.ScenarioSha256, "scenario (SHA-256 of the file)"),
        (OutputMetadata.ScenarioName, "scenario name"),
        (OutputMetadata.Seed, "seed"),
        (OutputMetadata.Trials, "total trial count"),
        (OutputMetadata.EngineVersion, "engine version"),
        (OutputMetadata.SchemaVersion, "schema version"),
        (OutputMetadata.Sampling, "input design"),
        (ShardMetadata.BlockSize, "block size"),
        (ShardMetadata.PlanCumulative, "plan"),
        (ShardMetadata.Unadjusted, "unadjusted pass"),
    ];

    private ShardSet(string root, IReadOnlyList<ShardInfo> shards, RunMetadata meta, int blockSize, double planCumulative, bool unadjusted)
    {
        Root = root;
        Shards = shards;
        Meta = meta;
        BlockSize = blockSize;
        PlanCumulativeGbp = planCumulative;
        HasUnadjusted = unadjusted;
    }

    /// <summary>The folder holding the <c>shard=I</c> folders.</summary>
    public string Root { get; }

    /// <summary>The shards, in index order.</summary>
    public IReadOnlyList<ShardInfo> Shards { get; }

    /// <summary>The whole run's metadata, as a single run of all trials records it.</summary>
    public RunMetadata Meta { get; }

    /// <summary>Trials per block (and per Parquet row group) of the run.</summary>
    public int BlockSize { get; }

    /// <summary>The plan's cumulative position at the horizon, £.</summary>
    public double PlanCumulativeGbp { get; }

    /// <summary>Whether the shards hold the unadjusted (realisation at plan) pass.</summary>
    public bool HasUnadjusted { get; }

    /// <summary>The scenario file's full path as the first shard recorded it, or null (a RiskSim before it was recorded).</summary>
    public string? RecordedScenarioPath => Shards[0].Metadata.GetValueOrDefault(ShardMetadata.ScenarioPath);

    /// <summary>Finds and checks the shards under <paramref name="root"/>.</summary>
    /// <param name="root">The <c>--out</c> folder the shards were run into.</param>
    /// <exception cref="ShardSetException">The set is missing, incomplete or inconsistent.</exception>
    public static ShardSet Open(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!Directory.Exists(full))
        {
            throw new ShardSetException($"{full}: no such folder.");
        }

        string[] folders = [.. Directory.EnumerateDirectories(full, ShardSpec.FolderPrefix + "*").Order(StringComparer.Ordinal)];
        if (folders.Length == 0)
        {
            throw new ShardSetException($"{full}: no {ShardSpec.FolderPrefix}I folders; run the shards first with `risksim run SCENARIO --shard I/N --out {root}`.");
        }

        var shards = new List<ShardInfo>(folders.Length);
        foreach (string folder in folders)
        {
            shards.Add(ReadShard(folder));
        }

        var first = shards[0];
        foreach (var shard in shards.Skip(1))
        {
            foreach (var (key, words) in SameEverywhere)
            {
                string a = first.Metadata.GetValueOrDefault(key, "(none)");
                string b = shard.Metadata.GetValueOrDefault(key, "(none)");
                if (a != b)
                {
                    throw new ShardSetException(
                        $"{shard.Folder} is not of the same run as {first.Folder}: its {words} is {b}, not {a}. Merge shards of one run only (same scenario file, seed, --trials and RiskSim version).");
                }
            }

            if (shard.Spec.Count != first.Spec.Count)
            {
                throw new ShardSetException(
                    $"{shard.Folder} is shard {shard.Spec} but {first.Folder} is shard {first.Spec}: the shards were run with different N.");
            }

            if (shard.PlanSha256 != first.PlanSha256)
            {
                throw new ShardSetException($"{shard.Folder}: its plan.parquet differs from {first.Folder}'s; the shards are not of one run.");
            }
        }

        int count = first.Spec.Count;
        var missing = Enumerable.Range(0, count).Except(shards.Select(s => s.Spec.Index)).ToArray();
        if (missing.Length > 0)
        {
            throw new ShardSetException(string.Create(
                CultureInfo.InvariantCulture,
                $"{full}: incomplete: {missing.Length} of {count} shards missing ({string.Join(", ", missing.Take(10).Select(i => ShardSpec.FolderPrefix + i))}{(missing.Length > 10 ? ", …" : "")}). Run them (--shard I/{count}) and merge again."));
        }

        shards.Sort((a, b) => a.Spec.Index.CompareTo(b.Spec.Index));
        var meta = new RunMetadata(
            first.Metadata[OutputMetadata.ScenarioName],
            first.Metadata[OutputMetadata.ScenarioSha256],
            ulong.Parse(first.Metadata[OutputMetadata.Seed], CultureInfo.InvariantCulture),
            long.Parse(first.Metadata[OutputMetadata.Trials], CultureInfo.InvariantCulture),
            first.Metadata[OutputMetadata.EngineVersion],
            first.Metadata[OutputMetadata.Sampling]);
        foreach (var shard in shards)
        {
            var (start, trials) = shard.Spec.Range(meta.Trials);
            if (shard.FirstTrial != start || shard.Trials != trials)
            {
                throw new ShardSetException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{shard.Folder}: holds trials {shard.FirstTrial} … {shard.FirstTrial + shard.Trials - 1}, but shard {shard.Spec} of {meta.Trials} trials is {start} … {start + trials - 1}."));
            }
        }

        return new ShardSet(
            full,
            shards,
            meta,
            int.Parse(first.Metadata[ShardMetadata.BlockSize], CultureInfo.InvariantCulture),
            double.Parse(first.Metadata[ShardMetadata.PlanCumulative], CultureInfo.InvariantCulture),
            first.Metadata[ShardMetadata.Unadjusted] == "true");
    }

    private static ShardInfo ReadShard(string folder)
    {
        string name = Path.GetFileName(folder);
        string indexText = name[ShardSpec.FolderPrefix.Length..];
        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            throw new ShardSetException($"{folder}: not a shard folder (expected {ShardSpec.FolderPrefix}I with I a whole number).");
        }

        ResultsManifest? manifest;
        try
        {
            manifest = ResultsManifest.Read(folder);
        }
        catch (InvalidDataException e)
        {
            throw new ShardSetException($"{folder}: its {ResultsDirectory.ManifestFileName} is unreadable ({e.Message}).", e);
        }

        if (manifest is null)
        {
            throw new ShardSetException(
                $"{folder}: incomplete: no {ResultsDirectory.ManifestFileName}, so the shard is still running or failed. Run it again (--shard {index}/N) and merge when every shard has finished.");
        }

        foreach (string file in new[] { TrialsParquetSink.TrialsFileName, TrialsParquetSink.YearlyFileName, PlanParquetWriter.FileName })
        {
            var entry = manifest.Files.FirstOrDefault(f => f.Name == file);
            string path = Path.Combine(folder, file);
            if (entry is null || !File.Exists(path) || new FileInfo(path).Length != entry.Bytes)
            {
                throw new ShardSetException($"{folder}: {file} is missing or not the file its manifest lists; run the shard again.");
            }
        }

        var metadata = ReadMetadata(Path.Combine(folder, TrialsParquetSink.TrialsFileName));
        if (!metadata.TryGetValue(ShardMetadata.Shard, out string? shardText))
        {
            throw new ShardSetException($"{folder}: its trials.parquet is not a shard's (it was written by a run without --shard).");
        }

        var spec = ShardSpec.TryParse(shardText, _ => null, out _);
        if (spec is null || spec.Index != index)
        {
            throw new ShardSetException($"{folder}: its files are of shard {shardText}, not {index}; shard folders must not be renamed.");
        }

        foreach (string key in new[] { OutputMetadata.ScenarioName, OutputMetadata.ScenarioSha256, OutputMetadata.Seed, OutputMetadata.Trials, OutputMetadata.EngineVersion, OutputMetadata.Sampling, ShardMetadata.FirstTrial, ShardMetadata.Trials, ShardMetadata.BlockSize, ShardMetadata.PlanCumulative, ShardMetadata.Unadjusted })
        {
            if (!metadata.ContainsKey(key))
            {
                throw new ShardSetException($"{folder}: its trials.parquet lacks the metadata key {key}.");
            }
        }

        if (metadata.ContainsKey(OutputMetadata.PrecisionTarget))
        {
            throw new ShardSetException($"{folder}: a --precision run cannot be a shard.");
        }

        if (metadata[ShardMetadata.Unadjusted] == "true" && !manifest.Files.Any(f => f.Name == UnadjustedParquetSink.FileName))
        {
            throw new ShardSetException($"{folder}: {UnadjustedParquetSink.FileName} is missing; run the shard again.");
        }

        string planSha = manifest.Files.First(f => f.Name == PlanParquetWriter.FileName).Sha256;
        return new ShardInfo(
            folder,
            spec,
            long.Parse(metadata[ShardMetadata.FirstTrial], CultureInfo.InvariantCulture),
            int.Parse(metadata[ShardMetadata.Trials], CultureInfo.InvariantCulture),
            metadata,
            planSha);
    }

    private static Dictionary<string, string> ReadMetadata(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
            try
            {
                return new Dictionary<string, string>(reader.CustomMetadata, StringComparer.Ordinal);
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or Parquet.ParquetException)
        {
            throw new ShardSetException($"{path}: cannot be read as Parquet ({e.Message}).", e);
        }
    }
}
