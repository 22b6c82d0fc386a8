using RiskSim.Core.Results;
using RiskSim.Core.Time;
using RiskSim.Output;
using RiskSim.Tests.Cli;

namespace RiskSim.Tests.Output;

/// <summary><see cref="SensitivityParquetReader"/> is the inverse of <see cref="SensitivityParquetWriter"/>, and says plainly what is wrong with a bad file.</summary>
public sealed class SensitivityParquetReaderTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    internal static readonly RunMetadata Meta = new("demo-scenario", new string('a', 64), 11, 150, "test", "mc");

    private static readonly SensitivityFileMetadata Design = new(
        24, 24, 4000, [new("cumulative_position_gbp", 0.93), new("lac_end", null)], [new("entries_rate_multiplier", "demand")]);

    /// <summary>Whole-horizon and per-FY rows, with and without intervals, awkward values (negative, tiny, large, non-ASCII text).</summary>
    internal static SensitivityRow[] Rows() =>
    [
        new("entries_rate_multiplier", "cumulative_position_gbp", null, "sobol_total", 0.6123456789012345, 0.51, 0.71),
        new("entries_rate_multiplier", "cumulative_position_gbp", null, "sobol_first", 0.4, null, null),
        new("unit_cost_£", "cumulative_position_gbp", null, "tornado_low", -12_345_678.9, null, null),
        new("unit_cost_£", "position_gbp", new FinancialYear(2023), "spearman", -1e-300, -0.2, 0.1),
        new("demand", "position_gbp", new FinancialYear(2019), "group_sobol_total", 1.0, 0.9, null),
        new("delay_months", "years_to_breakeven", null, "prcc", double.Epsilon, null, 3.5),
    ];

    [Fact]
    public void Rows_written_then_read_are_equal_and_the_scenario_provenance_comes_back()
    {
        string path = temp[SensitivityParquetWriter.FileName];
        var rows = Rows();
        SensitivityParquetWriter.Write(path, rows, Meta, Design);

        var file = SensitivityParquetReader.Read(path);
        Assert.Equal(rows, file.Rows); // record equality: every field, doubles bit for bit
        Assert.Equal("demo-scenario", file.ScenarioName);
        Assert.Equal(Meta.ScenarioSha256, file.ScenarioSha256);
        Assert.Equal(path, file.Path);

        // A folder is read as the file inside it.
        Assert.Equal(rows, SensitivityParquetReader.Read(temp.Path).Rows);
    }

    [Fact]
    public void An_empty_analysis_round_trips_to_no_rows()
    {
        string path = temp[SensitivityParquetWriter.FileName];
        SensitivityParquetWriter.Write(path, [], Meta, Design);
        Assert.Empty(SensitivityParquetReader.Read(path).Rows);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        string path = temp["nothing.parquet"];
        var e = Assert.Throws<InvalidDataException>(() => SensitivityParquetReader.Read(path));
        Assert.StartsWith(path + ": not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_file_is_named()
    {
        string path = temp[SensitivityParquetWriter.FileName];
        SensitivityParquetWriter.Write(path, Rows(), Meta, Design);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]); // truncated: no footer
        var e = Assert.Throws<InvalidDataException>(() => SensitivityParquetReader.Read(path));
        Assert.StartsWith(path + ": cannot be read", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_parquet_file_is_refused_naming_the_missing_column()
    {
        string path = temp["plan.parquet"];
        await PlanLikeFile(path);
        var e = Assert.Throws<InvalidDataException>(() => SensitivityParquetReader.Read(path));
        Assert.Contains("no column 'input'", e.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
    }

    private static async Task PlanLikeFile(string path)
    {
        var field = new Parquet.Schema.DataField<double>("cumulative_position_gbp");
        var schema = new Parquet.Schema.ParquetSchema(field);
        await using var stream = File.Create(path);
        await using var writer = await Parquet.ParquetWriter.CreateAsync(schema, stream);
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync<double>(field, new double[] { 1, 2 }.AsMemory());
        }
    }
}
