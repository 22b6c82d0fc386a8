using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RiskSim.Core.Results.Run;

namespace RiskSim.Output;

/// <summary>
/// <c>result.json</c>: the <see cref="RunResult"/> of a run, saved beside the Parquet files so a report,
/// a workbook or a comparison can be rebuilt from a results folder without re-running. Members are
/// snake_case, FYs are labels (<c>"2019/20"</c>), money is plain numbers in £; it reads straight into
/// pandas (<c>pd.json_normalize</c>) or a browser.
/// </summary>
public sealed class RunResultJson : IRunResultFileExporter
{
    /// <summary>The file's name in a results folder.</summary>
    public const string FileName = "result.json";

    /// <summary>
    /// The serializer settings used both ways. Their type information comes from source-generated
    /// metadata (<see cref="RunResultJsonContext"/>), not reflection; they are read-only.
    /// </summary>
    public static JsonSerializerOptions Options => Json.Options;

    // The context is built over these options (which makes it their type information resolver), so the
    // options alone define the file's format and the generated metadata only replaces reflection.
    private static readonly RunResultJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // "£" and "–" as themselves, not \u00A3: the file is read by people as well as programs.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // A statistic of a degenerate run can be NaN (e.g. a CVaR's error from one trial); keep the file valid.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new FinancialYearJsonConverter() },
        RespectNullableAnnotations = true,
    });

    /// <inheritdoc />
    string IRunResultFileExporter.FileName => FileName;

    /// <inheritdoc />
    public void Write(RunResult result, string path) => WriteFile(result, path);

    /// <summary>Writes <paramref name="result"/> to <paramref name="path"/> (a new file, flushed to disk).</summary>
    public static void WriteFile(RunResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        JsonSerializer.Serialize(stream, result, Json.RunResult);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The JSON text of <paramref name="result"/>.</summary>
    public static string ToJson(RunResult result) => JsonSerializer.Serialize(result, Json.RunResult);

    /// <summary>Loads a <c>result.json</c>.</summary>
    /// <param name="path">The file, or a results folder holding one.</param>
    /// <exception cref="InvalidDataException">The file is not a run result (the message says why).</exception>
    public static RunResult Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, FileName);
        }

        using var stream = File.OpenRead(path);
        try
        {
            var result = JsonSerializer.Deserialize(stream, Json.RunResult)
                ?? throw new InvalidDataException($"{path}: holds null, not a run result.");

            // Generated metadata builds a RunResult with one object initializer, which sets an init-only member
            // the file lacks to null instead of leaving its initializer's value (dotnet/runtime#84484), as
            // reflection did. Sensitivity is the one such member with a value ([]): a file without it (older,
            // or written by hand) reads with none.
            if (result.Sensitivity is null)
            {
                result = result with { Sensitivity = [] };
            }

            if (JsonNullCheck.FirstNull(result, Json.RunResult) is { } missing)
            {
                throw new InvalidDataException($"{path}: not a RiskSim run result ({missing} is missing or null).");
            }

            return result;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a RiskSim run result ({e.Message})", e);
        }
    }
}
