using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace RiskSim.Analysis.Compare;

/// <summary>
/// Writes a <see cref="Comparison"/> to <c>compare.parquet</c>, long format: one row per measure and
/// FY with <c>a</c>, <c>b</c>, <c>difference</c> (B − A), <c>difference_se</c>, <c>ci_low</c>,
/// <c>ci_high</c>. The unit is in the measure's name (<c>_gbp</c> for £) and in <c>unit</c>.
/// </summary>
public static class CompareParquetWriter
{
    /// <summary>The file name.</summary>
    public const string FileName = "compare.parquet";

    /// <summary>Writes <paramref name="comparison"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(comparison);
        WriteAsync(path, comparison).GetAwaiter().GetResult();
    }

    /// <summary>The unit of a measure: <c>£</c>, <c>share</c> or <c>children</c>.</summary>
    public static string UnitOf(string measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return measure.EndsWith("_gbp", StringComparison.Ordinal) ? "£" : measure.StartsWith("p_", StringComparison.Ordinal) ? "share" : "children";
    }

    private static async Task WriteAsync(string path, Comparison comparison)
    {
        var rows = comparison.Rows;
        var measure = new DataField<string>("measure", false);
        var unit = new DataField<string>("unit", false);
        var fy = new DataField<string>("fy", false);
        var fyStart = new DataField<int>("fy_start_year", false);
        var doubles = new[] { "a", "b", "difference", "difference_se", "ci_low", "ci_high" }.Select(n => new DataField<double>(n, false)).ToArray();
        var schema = new ParquetSchema([measure, unit, fy, fyStart, .. doubles]);

        using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        // The footer is written when the writer is disposed; then flush to disk before the results folder commits the file.
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false))
        {
            writer.CustomMetadata = Metadata(comparison);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(measure, rows.Select(r => (string?)r.Measure).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(unit, rows.Select(r => (string?)UnitOf(r.Measure)).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(fy, rows.Select(r => (string?)r.Fy).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<int>(fyStart, rows.Select(r => StartYear(r.Fy)).ToArray().AsMemory()).ConfigureAwait(false);
            Func<ComparisonRow, double>[] values = [r => r.A, r => r.B, r => r.Difference, r => r.DifferenceSe, r => r.CiLow, r => r.CiHigh];
            for (int c = 0; c < doubles.Length; c++)
            {
                await group.WriteAsync<double>(doubles[c], rows.Select(values[c]).ToArray().AsMemory()).ConfigureAwait(false);
            }

            group.CompleteValidate();
        }

        stream.Flush(flushToDisk: true);
    }

    /// <summary>"2023/24" → 2023.</summary>
    private static int StartYear(string fy) => int.Parse(fy.AsSpan(0, fy.IndexOf('/', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Metadata(Comparison c)
    {
        static string Text(ulong? v) => v?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["risksim.compare.a"] = c.A.Label,
            ["risksim.compare.a_scenario_name"] = c.A.ScenarioName,
            ["risksim.compare.a_seed"] = Text(c.A.Seed),
            ["risksim.compare.a_trials"] = c.A.Trials.ToString(CultureInfo.InvariantCulture),
            ["risksim.compare.b"] = c.B.Label,
            ["risksim.compare.b_scenario_name"] = c.B.ScenarioName,
            ["risksim.compare.b_seed"] = Text(c.B.Seed),
            ["risksim.compare.b_trials"] = c.B.Trials.ToString(CultureInfo.InvariantCulture),
            ["risksim.compare.paired"] = c.Paired ? "true" : "false",
            ["risksim.compare.common_random_numbers"] = c.CommonRandomNumbers ? "true" : "false",
            ["risksim.compare.bootstrap_replicates"] = c.Options.BootstrapReplicates.ToString(CultureInfo.InvariantCulture),
            ["risksim.compare.bootstrap_seed"] = c.Options.BootstrapSeed.ToString(CultureInfo.InvariantCulture),
            ["risksim.compare.method"] = c.Method,
        };
    }
}
