using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskSim.Output;

/// <summary>One file of a committed result set.</summary>
/// <param name="Name">Bare file name, e.g. <c>trials.parquet</c>.</param>
/// <param name="Bytes">Size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
public sealed record ResultsManifestFile(string Name, long Bytes, string Sha256);

/// <summary>
/// <c>_manifest.json</c>: written last by <see cref="ResultsDirectory.Commit"/>, so its presence marks a
/// complete result set (like Hadoop's <c>_SUCCESS</c>). It lists every file of the set with its size and
/// SHA-256, and the run that made it, so a reader (or a later merge of several runs) can tell a complete,
/// untouched set from a half-replaced or edited one.
/// </summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>; bumped if the layout changes.</param>
/// <param name="ScenarioName">Scenario name.</param>
/// <param name="ScenarioSha256">Hex SHA-256 of the scenario file's bytes.</param>
/// <param name="Seed">Master seed.</param>
/// <param name="Trials">Number of trials.</param>
/// <param name="EngineVersion">RiskSim version that wrote the set.</param>
/// <param name="SchemaVersion">Version of the Parquet files' schema.</param>
/// <param name="CommittedUtc">When the set was committed (UTC).</param>
/// <param name="Files">The set's files, in ordinal name order.</param>
public sealed record ResultsManifest(
    string Format,
    string ScenarioName,
    string ScenarioSha256,
    ulong Seed,
    long Trials,
    string EngineVersion,
    int SchemaVersion,
    DateTimeOffset CommittedUtc,
    IReadOnlyList<ResultsManifestFile> Files)
{
    /// <summary>Value of <see cref="Format"/> written by this version.</summary>
    public const string CurrentFormat = "risksim/results-manifest/1";

    // Source-generated metadata (no reflection emit) over these options, which alone define the format.
    private static readonly ResultsManifestJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    });

    /// <summary>The manifest as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json.ResultsManifest);

    /// <summary>
    /// Reads <c>_manifest.json</c> of <paramref name="folder"/>; null when there is none (the folder
    /// holds no complete set). Throws <see cref="InvalidDataException"/> when it is not a manifest.
    /// </summary>
    /// <param name="folder">A results folder.</param>
    public static ResultsManifest? Read(string folder)
    {
        string path = Path.Combine(folder, ResultsDirectory.ManifestFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var manifest = JsonSerializer.Deserialize(File.ReadAllText(path), Json.ResultsManifest);
            if (manifest is null || manifest.Format != CurrentFormat)
            {
                throw new InvalidDataException($"{path} is not a RiskSim results manifest ({CurrentFormat}).");
            }

            if (JsonNullCheck.FirstNull(manifest, Json.ResultsManifest) is { } missing)
            {
                throw new InvalidDataException($"{path} is not a RiskSim results manifest ({CurrentFormat}): {missing} is missing or null.");
            }

            return manifest;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// Checks that <paramref name="folder"/> holds a complete, unmodified set: a manifest, and every file
    /// it lists with the recorded size and SHA-256. Returns the problems found; empty means complete.
    /// </summary>
    /// <param name="folder">A results folder.</param>
    public static IReadOnlyList<string> Check(string folder)
    {
        ResultsManifest? manifest;
        try
        {
            manifest = Read(folder);
        }
        catch (InvalidDataException e)
        {
            return [e.Message];
        }

        if (manifest is null)
        {
            return [$"{folder} has no {ResultsDirectory.ManifestFileName}: it holds no complete result set (a run may have failed while replacing it)."];
        }

        var problems = new List<string>();
        foreach (var file in manifest.Files)
        {
            string path = Path.Combine(folder, file.Name);
            if (!File.Exists(path))
            {
                problems.Add($"{file.Name} is missing.");
                continue;
            }

            var actual = Describe(path);
            if (actual.Bytes != file.Bytes || !string.Equals(actual.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{file.Name} differs from the manifest (size or SHA-256): it was changed after the run.");
            }
        }

        return problems;
    }

    /// <summary>Size and SHA-256 of one file.</summary>
    internal static ResultsManifestFile Describe(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return new ResultsManifestFile(Path.GetFileName(path), stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}
