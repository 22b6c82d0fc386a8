using System.Globalization;
using Parquet.Schema;
using RiskSim.Core.Results;

namespace RiskSim.Output;

/// <summary>What <c>sensitivity.parquet</c>'s key-value metadata records beyond the run's provenance.</summary>
/// <param name="SobolRows">Base rows n of the Saltelli design.</param>
/// <param name="TornadoTrials">Trials per bar of the common-random-numbers tornado.</param>
/// <param name="ModelRuns">Trials simulated in all (base run, Saltelli design, tornado).</param>
/// <param name="SurrogateRSquared">Per output (label as in <see cref="SensitivityParquetWriter.OutputLabel"/>), the surrogate's hold-out R², or null.</param>
/// <param name="InputGroups">Per input column, its group.</param>
public sealed record SensitivityFileMetadata(
    int SobolRows,
    int TornadoTrials,
    long ModelRuns,
    IReadOnlyList<KeyValuePair<string, double?>> SurrogateRSquared,
    IReadOnlyList<KeyValuePair<string, string>> InputGroups);

/// <summary>
/// Writes <c>sensitivity.parquet</c>: one row per input (or group) × output × method, long format:
/// <c>input</c>, <c>output</c>, <c>fy</c> and <c>fy_start_year</c> (null for whole-horizon outputs),
/// <c>method</c>, <c>value</c>, <c>ci_low</c>, <c>ci_high</c> (null where no interval is defined).
/// </summary>
public static class SensitivityParquetWriter
{
    /// <summary>The conventional file name.</summary>
    public const string FileName = "sensitivity.parquet";

    /// <summary>Metadata key prefix of the surrogate's hold-out R² per output.</summary>
    public const string SurrogateRSquaredPrefix = "risksim.surrogate_r2.";

    /// <summary>The label of an output in metadata keys: its name, with <c>.FY</c> for a per-FY output (e.g. <c>position_gbp.2023/24</c>).</summary>
    public static string OutputLabel(string output, Core.Time.FinancialYear? fy) => fy is { } y ? $"{output}.{y.Label}" : output;

    /// <summary>Writes <paramref name="rows"/> in their given order as a single row group.</summary>
    /// <param name="path">File to create or replace (inside a <see cref="ResultsDirectory"/>'s temporary folder).</param>
    /// <param name="rows">Sensitivity rows.</param>
    /// <param name="meta">Provenance stored in the file's key-value metadata (the keys of every output file).</param>
    /// <param name="design">The analysis settings and surrogate R² stored alongside.</param>
    public static void Write(string path, IReadOnlyList<SensitivityRow> rows, RunMetadata meta, SensitivityFileMetadata design)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(design);

        var inputField = new DataField<string>("input", false);
        var outputField = new DataField<string>("output", false);
        var fyField = new DataField<string>("fy", true);
        var fyStartField = new DataField<int?>("fy_start_year", true);
        var methodField = new DataField<string>("method", false);
        var valueField = new DataField<double>("value", false);
        var lowField = new DataField<double?>("ci_low", true);
        var highField = new DataField<double?>("ci_high", true);
        var schema = new ParquetSchema(inputField, outputField, fyField, fyStartField, methodField, valueField, lowField, highField);

        int n = rows.Count;
        var input = new ReadOnlyMemory<char>[n];
        var output = new ReadOnlyMemory<char>[n];
        var fy = new ReadOnlyMemory<char>?[n];
        var fyStart = new int?[n];
        var method = new ReadOnlyMemory<char>[n];
        var value = new double[n];
        var low = new double?[n];
        var high = new double?[n];
        for (int i = 0; i < n; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"Row {i} is null.", nameof(rows));
            if (!double.IsFinite(row.Value) || row.CiLow is { } l && !double.IsFinite(l) || row.CiHigh is { } h && !double.IsFinite(h))
            {
                throw new ArgumentException($"Row {i} ({row.Input}, {row.Output}, {row.Method}) holds a non-finite figure.", nameof(rows));
            }

            input[i] = row.Input.AsMemory();
            output[i] = row.Output.AsMemory();
            fy[i] = row.Fy?.Label.AsMemory();
            fyStart[i] = row.Fy?.StartYear;
            method[i] = row.Method.AsMemory();
            value[i] = row.Value;
            low[i] = row.CiLow;
            high[i] = row.CiHigh;
        }

        var extra = new List<KeyValuePair<string, string>>
        {
            new("risksim.sensitivity.sobol_rows", design.SobolRows.ToString(CultureInfo.InvariantCulture)),
            new("risksim.sensitivity.tornado_trials", design.TornadoTrials.ToString(CultureInfo.InvariantCulture)),
            new("risksim.sensitivity.model_runs", design.ModelRuns.ToString(CultureInfo.InvariantCulture)),
            new("risksim.sensitivity.input_groups", string.Join(";", design.InputGroups.Select(p => $"{p.Key}={p.Value}"))),
        };
        foreach (var (label, r2) in design.SurrogateRSquared)
        {
            extra.Add(new(SurrogateRSquaredPrefix + label, r2 is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "null"));
        }

        ParquetFile.WriteSingleRowGroup(
            path,
            schema,
            meta,
            n,
            group =>
            {
                group.Write<ReadOnlyMemory<char>>(inputField, input);
                group.Write<ReadOnlyMemory<char>>(outputField, output);
                group.WriteNullable<ReadOnlyMemory<char>>(fyField, fy);
                group.WriteNullable<int>(fyStartField, fyStart);
                group.Write<ReadOnlyMemory<char>>(methodField, method);
                group.Write<double>(valueField, value);
                group.WriteNullable<double>(lowField, low);
                group.WriteNullable<double>(highField, high);
            },
            extra);
    }
}
