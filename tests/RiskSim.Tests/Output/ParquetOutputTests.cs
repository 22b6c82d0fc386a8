using RiskSim.Core.Results;
using RiskSim.Output;

namespace RiskSim.Tests.Output;

/// <summary>Writes a synthetic run and reads every file back with DuckDB.</summary>
public sealed class ParquetOutputTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "risksim-output-" + Guid.NewGuid().ToString("N"));
    private readonly string results;

    public ParquetOutputTests()
    {
        results = Path.Combine(root, "results");
        SyntheticRun.WriteAll(results);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string FilePath(string name) => Path.Combine(results, name);

    private static readonly string[] MetricColumns = [.. Metrics.All.Select(m => m.ColumnName())];

    [Fact]
    public void CommitLeavesExactlyTheFourFilesAndTheManifestAndNoTemporaryDirectory()
    {
        string[] files = [.. Directory.GetFileSystemEntries(results).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(["_manifest.json", "plan.parquet", "summary.parquet", "trials.parquet", "yearly.parquet"], files);
        Assert.Equal([results], Directory.GetDirectories(root));
    }

    [Fact]
    public void TrialsFileHasTypedColumnsOneRowGroupPerBlockAndValues()
    {
        string path = FilePath(TrialsParquetSink.TrialsFileName);
        Assert.Equal(
            [
                ("trial", "BIGINT"),
                ("residential_weekly_cost_gbp", "DOUBLE"),
                ("step_down_rate", "DOUBLE"),
                ("breakeven_fy", "VARCHAR"),
                ("breakeven_fy_start_year", "INTEGER"),
                ("lasting_breakeven_fy", "VARCHAR"),
                ("lasting_breakeven_fy_start_year", "INTEGER"),
                ("lac_end", "INTEGER"),
                ("cumulative_position_gbp", "DOUBLE"),
            ],
            DuckDb.Columns(path));
        Assert.Equal(2, DuckDb.RowGroups(path));

        var rows = DuckDb.Rows(path, "*");
        Assert.Equal(SyntheticRun.Trials, rows.Count);
        for (int t = 0; t < rows.Count; t++)
        {
            var row = rows[t];
            Assert.Equal((long)t, row[0]);
            Assert.Equal(SyntheticRun.Input(t, 0), row[1]);
            Assert.Equal(SyntheticRun.Input(t, 1), row[2]);
            int breakeven = SyntheticRun.Breakeven[t];
            Assert.Equal(breakeven < 0 ? null : SyntheticRun.Years[breakeven].Label, row[3]);
            Assert.Equal(breakeven < 0 ? null : SyntheticRun.Years[breakeven].StartYear, row[4]);
            // Lasting breakeven: derived from the synthetic positions (columns 5 and 6).
            int lasting = RiskSim.Core.Results.Breakeven.Lasting(SyntheticRun.YearlyOf(t), SyntheticRun.Years.Length);
            Assert.Equal(lasting < 0 ? null : SyntheticRun.Years[lasting].Label, row[5]);
            Assert.Equal(lasting < 0 ? null : SyntheticRun.Years[lasting].StartYear, row[6]);
            Assert.Equal((int)SyntheticRun.Value(t, 2, Metric.LacEnd), row[7]);
            Assert.Equal(SyntheticRun.Value(t, 2, Metric.CumulativePositionGbp), row[8]);
        }

        // Spot checks in plain numbers.
        Assert.Null(rows[0][3]);
        Assert.Null(rows[0][4]);
        Assert.Equal("2025/26", rows[2][3]);
        Assert.Equal(2024, rows[4][4]);
        Assert.Equal(142, rows[4][7]);
        Assert.Equal(4213.25, rows[4][8]);
    }

    [Fact]
    public void YearlyFileIsLongFormatWithEveryMetric()
    {
        string path = FilePath(TrialsParquetSink.YearlyFileName);
        var columns = DuckDb.Columns(path);
        Assert.Equal(["trial", "fy", "fy_start_year", .. MetricColumns], columns.Select(c => c.Name));
        Assert.Equal(["BIGINT", "VARCHAR", "INTEGER"], columns.Take(3).Select(c => c.Type));
        foreach (var (name, type) in columns.Skip(3))
        {
            Assert.Equal(name is "lac_end" or "lac_end_do_nothing" ? "INTEGER" : "DOUBLE", type);
        }

        Assert.Equal(2, DuckDb.RowGroups(path));
        var rows = DuckDb.Rows(path, "*");
        Assert.Equal(SyntheticRun.Trials * SyntheticRun.Years.Length, rows.Count);
        int r = 0;
        for (long t = 0; t < SyntheticRun.Trials; t++)
        {
            for (int fy = 0; fy < SyntheticRun.Years.Length; fy++, r++)
            {
                var row = rows[r];
                Assert.Equal(t, row[0]);
                Assert.Equal(SyntheticRun.Years[fy].Label, row[1]);
                Assert.Equal(SyntheticRun.Years[fy].StartYear, row[2]);
                foreach (Metric m in Metrics.All)
                {
                    object expected = m is Metric.LacEnd or Metric.LacEndDoNothing
                        ? (int)SyntheticRun.Value(t, fy, m)
                        : (object)SyntheticRun.Value(t, fy, m);
                    Assert.Equal(expected, row[3 + (int)m]);
                }
            }
        }

        var spot = DuckDb.Rows(path, "lac_end_do_nothing, position_gbp", "trial DESC, fy DESC")[0];
        Assert.Equal(1142, spot[0]);
        Assert.Equal(4212.25, spot[1]);
    }

    [Fact]
    public void SummaryFileHasOneRowPerFyAndMetric()
    {
        string path = FilePath(SummaryParquetWriter.FileName);
        Assert.Equal(
            [
                ("fy", "VARCHAR"), ("fy_start_year", "INTEGER"), ("metric", "VARCHAR"),
                ("mean", "DOUBLE"), ("sd", "DOUBLE"), ("p5", "DOUBLE"), ("p10", "DOUBLE"), ("p25", "DOUBLE"),
                ("p50", "DOUBLE"), ("p75", "DOUBLE"), ("p80", "DOUBLE"), ("p90", "DOUBLE"), ("p95", "DOUBLE"),
                ("mean_se", "DOUBLE"), ("p50_ci_low", "DOUBLE"), ("p50_ci_high", "DOUBLE"), ("p80_ci_low", "DOUBLE"),
                ("p80_ci_high", "DOUBLE"), ("p90_ci_low", "DOUBLE"), ("p90_ci_high", "DOUBLE"),
            ],
            DuckDb.Columns(path));

        var rows = DuckDb.Rows(path, "*");
        Assert.Equal(SyntheticRun.Years.Length * SummaryAccumulator.FiguresPerFy, rows.Count);
        Assert.Equal(new object?[] { "2023/24", 2023, "lac_end" }, rows[0].Take(3));

        // position_gbp in 2023/24 over trials 0..4 is 12.25, 1012.25, ..., 4012.25.
        var pos = DuckDb.Query(
            $"SELECT mean, p5, p50, p95 FROM read_parquet({DuckDb.Literal(path)}) WHERE fy = '2023/24' AND metric = 'position_gbp'");
        Assert.Single(pos);
        Assert.Equal(2012.25, (double)pos[0][0]!, 9);
        Assert.Equal(212.25, (double)pos[0][1]!, 9);
        Assert.Equal(2012.25, (double)pos[0][2]!, 9);
        Assert.Equal(3812.25, (double)pos[0][3]!, 9);

        // breakeven_by_fy: trials broken even by 2024/25 are 1 and 4.
        var byFy = DuckDb.Query(
            $"SELECT mean FROM read_parquet({DuckDb.Literal(path)}) WHERE fy_start_year = 2024 AND metric = '{SummaryAccumulator.BreakevenByFyMetric}'");
        Assert.Equal(0.4, (double)byFy[0][0]!, 12);
    }

    [Fact]
    public void PlanFileHasDoublesReferenceColumnsAndBreakevenFlag()
    {
        string path = FilePath(PlanParquetWriter.FileName);
        var columns = DuckDb.Columns(path);
        Assert.Equal(
            ["fy", "fy_start_year", .. MetricColumns, "ref_placements_saving_gbp", "ref_position_gbp", "breakeven"],
            columns.Select(c => c.Name));
        Assert.Equal(
            ["VARCHAR", "INTEGER", .. MetricColumns.Select(_ => "DOUBLE"), "DOUBLE", "DOUBLE", "BOOLEAN"],
            columns.Select(c => c.Type));

        var rows = DuckDb.Rows(path, "fy, fy_start_year, lac_end, position_gbp, ref_placements_saving_gbp, ref_position_gbp, breakeven");
        Assert.Equal(3, rows.Count);
        Assert.Equal(new object?[] { "2023/24", 2023, 0.375, 12.375, 1.5, null, false }, rows[0]);
        Assert.Equal(new object?[] { "2024/25", 2024, 100.375, 112.375, null, -7.0, true }, rows[1]);
        Assert.Equal(new object?[] { "2025/26", 2025, 200.375, 212.375, 3.5, null, false }, rows[2]);
    }

    [Fact]
    public void PlanWithoutReferenceHasNoReferenceColumns()
    {
        string path = Path.Combine(root, "plan-no-ref.parquet");
        PlanParquetWriter.Write(path, SyntheticRun.Plan(), null, SyntheticRun.Meta);
        Assert.Equal(["fy", "fy_start_year", .. MetricColumns, "breakeven"], DuckDb.Columns(path).Select(c => c.Name));
    }

    [Theory]
    [InlineData("trials.parquet")]
    [InlineData("yearly.parquet")]
    [InlineData("summary.parquet")]
    [InlineData("plan.parquet")]
    public void EveryFileCarriesTheRunMetadata(string file)
    {
        var expected = new Dictionary<string, string>
        {
            ["risksim.scenario_name"] = "Test scenario",
            ["risksim.scenario_sha256"] = "ab12cd34",
            ["risksim.seed"] = "42",
            ["risksim.trials"] = "5",
            ["risksim.engine_version"] = "0.1.0-test",
            ["risksim.schema_version"] = "2",
            ["risksim.sampling"] = "mc",
        };
        Assert.Equal(expected, DuckDb.KeyValueMetadata(FilePath(file)));
    }

    [Fact]
    public void WritingTheSameDataTwiceGivesByteIdenticalFiles()
    {
        string again = Path.Combine(root, "again");
        SyntheticRun.WriteAll(again);
        // The manifest records the commit time, so only the Parquet files are compared.
        foreach (string file in Directory.GetFiles(results, "*.parquet"))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(again, Path.GetFileName(file))));
        }
    }
}
