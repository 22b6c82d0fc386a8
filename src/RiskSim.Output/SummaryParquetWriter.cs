using Parquet.Schema;
using RiskSim.Core.Results;

namespace RiskSim.Output;

/// <summary>
/// Writes <c>summary.parquet</c>: one row per FY × metric (as built by <see cref="SummaryAccumulator"/>)
/// with the mean, standard deviation and percentiles across trials.
/// </summary>
public static class SummaryParquetWriter
{
    /// <summary>The conventional file name.</summary>
    public const string FileName = "summary.parquet";

    /// <summary>Writes <paramref name="rows"/> in their given order as a single row group.</summary>
    /// <param name="path">File to create or replace.</param>
    /// <param name="rows">Summary rows.</param>
    /// <param name="meta">Provenance stored in the file's key-value metadata.</param>
    /// <param name="coverages">Contingencies and the share of trials each covers (amount 0: the plan's own percentile), stored in the file's metadata.</param>
    /// <param name="unadjusted">With a realisation factor: the cumulative position as the paper assumes (factor at plan), stored as <c>risksim.unadjusted.*</c>.</param>
    public static void Write(
        string path,
        IReadOnlyList<SummaryRow> rows,
        RunMetadata meta,
        IReadOnlyList<ContingencyCoverage>? coverages = null,
        UnadjustedOutcome? unadjusted = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(meta);

        var fyField = new DataField<string>("fy", false);
        var fyStartField = new DataField<int>("fy_start_year", false);
        var metricField = new DataField<string>("metric", false);
        string[] statNames =
        [
            "mean", "sd", "p5", "p10", "p25", "p50", "p75", "p80", "p90", "p95",
            "mean_se", "p50_ci_low", "p50_ci_high", "p80_ci_low", "p80_ci_high", "p90_ci_low", "p90_ci_high",
        ];
        var statFields = Array.ConvertAll(statNames, name => new DataField<double>(name, false));
        var schema = new ParquetSchema([fyField, fyStartField, metricField, .. statFields]);

        int n = rows.Count;
        var fy = new ReadOnlyMemory<char>[n];
        var fyStart = new int[n];
        var metric = new ReadOnlyMemory<char>[n];
        var stats = new double[statFields.Length][];
        for (int s = 0; s < stats.Length; s++)
        {
            stats[s] = new double[n];
        }

        for (int i = 0; i < n; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"Row {i} is null.", nameof(rows));
            fy[i] = row.Fy.Label.AsMemory();
            fyStart[i] = row.Fy.StartYear;
            metric[i] = row.Metric.AsMemory();
            stats[0][i] = row.Mean;
            stats[1][i] = row.Sd;
            stats[2][i] = row.P5;
            stats[3][i] = row.P10;
            stats[4][i] = row.P25;
            stats[5][i] = row.P50;
            stats[6][i] = row.P75;
            stats[7][i] = row.P80;
            stats[8][i] = row.P90;
            stats[9][i] = row.P95;
            stats[10][i] = row.MeanSe;
            stats[11][i] = row.P50Ci.Low;
            stats[12][i] = row.P50Ci.High;
            stats[13][i] = row.P80Ci.Low;
            stats[14][i] = row.P80Ci.High;
            stats[15][i] = row.P90Ci.Low;
            stats[16][i] = row.P90Ci.High;
        }

        // risksim.coverage.<amount £> = share of trials whose cumulative position is at most plan + amount.
        var extra = (coverages ?? [])
            .Select(c => new KeyValuePair<string, string>(
                "risksim.coverage." + c.AmountGbp.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                c.Share.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        // With a realisation factor: the cumulative position as the paper assumes (factor at its plan).
        if (unadjusted is not null)
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            extra.Add(new("risksim.unadjusted.p50_cumulative_position_gbp", unadjusted.P50.ToString("R", inv)));
            extra.Add(new("risksim.unadjusted.p80_cumulative_position_gbp", unadjusted.P80.ToString("R", inv)));
            extra.Add(new("risksim.unadjusted.p90_cumulative_position_gbp", unadjusted.P90.ToString("R", inv)));
            extra.Add(new("risksim.unadjusted.p80_ci_low_cumulative_position_gbp", unadjusted.P80Ci.Low.ToString("R", inv)));
            extra.Add(new("risksim.unadjusted.p80_ci_high_cumulative_position_gbp", unadjusted.P80Ci.High.ToString("R", inv)));
            extra.Add(new("risksim.unadjusted.coverage.0", unadjusted.PlanCoverage.Share.ToString("R", inv)));
        }

        ParquetFile.WriteSingleRowGroup(path, schema, meta, n, group =>
        {
            group.Write<ReadOnlyMemory<char>>(fyField, fy);
            group.Write<int>(fyStartField, fyStart);
            group.Write<ReadOnlyMemory<char>>(metricField, metric);
            for (int s = 0; s < statFields.Length; s++)
            {
                group.Write<double>(statFields[s], stats[s]);
            }
        }, extra);
    }
}
