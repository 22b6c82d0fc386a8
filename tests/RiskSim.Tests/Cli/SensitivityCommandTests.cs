using System.Globalization;
using RiskSim.Analysis;
using RiskSim.Cli;
using RiskSim.Cli.Commands;
using RiskSim.Output;
using RiskSim.Tests.Analysis;
using RiskSim.Tests.Output;
using Spectre.Console;

namespace RiskSim.Tests.Cli;

/// <summary><c>risksim sensitivity</c>: option checks, the file read back with DuckDB, the results folder, determinism, the console.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SensitivityCommandTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>A small analysis (the CLI's defaults would run ~25,000 trials), through the command's own Execute.</summary>
    private (int Code, string Out) Execute(string scenario, string output, int threads = 2, bool force = false)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        int code = SensitivityCommand.Execute(scenario, new SensitivityOptions(150, 5, threads, SobolRows: 24, TornadoTrials: 24), output, force, console);
        return (code, writer.ToString());
    }

    [Theory]
    [InlineData("--trials", "abc", "--trials: expected a whole number of trials, got 'abc'")]
    [InlineData("--trials", "0", "--trials must be at least 1")]
    [InlineData("--trials", "50", "--trials must be at least 100 for a sensitivity analysis of 38 inputs")] // 38: do-nothing growth (entries_annual_growth) is uncertain since the smooth counterfactual
    [InlineData("--threads", "0", "--threads must be at least 1")]
    [InlineData("--seed", "-1", "--seed: expected a whole number from 0")]
    [InlineData("--trials", "2000000000", "GB of memory")]
    public void Bad_options_exit_2_with_a_plain_message_and_write_nothing(string option, string value, string message)
    {
        var result = CliHarness.Run("sensitivity", CliHarness.StaffordshirePath, option, value, "--out", temp["s"]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void A_missing_scenario_exits_2()
    {
        var result = CliHarness.Run("sensitivity", temp["nope.yaml"], "--out", temp["s"]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("cannot read the scenario file", result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_without_force()
    {
        Directory.CreateDirectory(temp["s"]);
        File.WriteAllText(Path.Combine(temp["s"], "notes.txt"), "mine");
        var result = CliHarness.Run("sensitivity", CliHarness.StaffordshirePath, "--out", temp["s"]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--force", result.Error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(temp["s"]).Select(Path.GetFileName));
    }

    [Fact]
    public void The_file_has_the_documented_columns_types_rows_and_metadata()
    {
        string output = temp["s"];
        var (code, text) = Execute(CliHarness.StaffordshirePath, output);
        Assert.Equal(0, code);
        Assert.Equal(["_manifest.json", "sensitivity.parquet"], Directory.GetFileSystemEntries(output).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal));
        Assert.Empty(ResultsManifest.Check(output));

        string file = Path.Combine(output, SensitivityParquetWriter.FileName);
        Assert.Equal(
            [("input", "VARCHAR"), ("output", "VARCHAR"), ("fy", "VARCHAR"), ("fy_start_year", "INTEGER"), ("method", "VARCHAR"), ("value", "DOUBLE"), ("ci_low", "DOUBLE"), ("ci_high", "DOUBLE")],
            DuckDb.Columns(file));

        string f = DuckDb.Literal(file);
        var outputs = DuckDb.Query($"SELECT DISTINCT output, fy IS NULL FROM read_parquet({f}) ORDER BY 1").Select(r => ((string)r[0]!, (bool)r[1]!)).ToArray();
        Assert.Equal([("cumulative_position_gbp", true), ("lac_end", true), ("position_gbp", false), ("years_to_breakeven", true)], outputs);
        Assert.Equal(7L, DuckDb.Query($"SELECT count(DISTINCT fy) FROM read_parquet({f}) WHERE output = 'position_gbp'")[0][0]);
        Assert.Equal(0L, DuckDb.Query($"SELECT count(*) FROM read_parquet({f}) WHERE output = 'position_gbp' AND (fy IS NULL OR fy_start_year IS NULL)")[0][0]);

        var methods = DuckDb.Query($"SELECT DISTINCT method FROM read_parquet({f}) ORDER BY 1").Select(r => (string)r[0]!).ToArray();
        Assert.Equal(
            ["group_sobol_first", "group_sobol_total", "ml_importance", "prcc", "sobol_first", "sobol_total", "spearman", "tornado_decile_high", "tornado_decile_low", "tornado_high", "tornado_low"],
            methods);
        var groups = DuckDb.Query($"SELECT DISTINCT input FROM read_parquet({f}) WHERE method LIKE 'group_%' ORDER BY 1").Select(r => (string)r[0]!).ToArray();
        Assert.Equal(["costs", "delays", "demand", "effects", "mix"], groups);

        var meta = DuckDb.KeyValueMetadata(file);
        Assert.Equal("staffordshire-2019", meta["risksim.scenario_name"]);
        Assert.Equal("5", meta["risksim.seed"]);
        Assert.Equal("150", meta["risksim.trials"]);
        Assert.Equal("24", meta["risksim.sensitivity.sobol_rows"]);
        Assert.Contains("entries_rate_multiplier=demand", meta["risksim.sensitivity.input_groups"], StringComparison.Ordinal);
        double r2 = double.Parse(meta["risksim.surrogate_r2.cumulative_position_gbp"], CultureInfo.InvariantCulture);
        Assert.InRange(r2, -10, 1);
        Assert.True(meta.ContainsKey("risksim.surrogate_r2.position_gbp.2023/24"));

        Assert.Contains("1. ", text, StringComparison.Ordinal);
        Assert.Contains("5. ", text, StringComparison.Ordinal);
        Assert.Contains("of the variance (Sobol total", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_is_bit_identical_for_one_and_two_threads()
    {
        Assert.Equal(0, Execute(CliHarness.StaffordshirePath, temp["one"], threads: 1).Code);
        Assert.Equal(0, Execute(CliHarness.StaffordshirePath, temp["two"], threads: 2).Code);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(temp["one"], SensitivityParquetWriter.FileName)),
            File.ReadAllBytes(Path.Combine(temp["two"], SensitivityParquetWriter.FileName)));
    }

    [Fact]
    public void The_console_names_the_dominant_input_first()
    {
        string scenario = temp["dominant.yaml"];
        File.WriteAllText(scenario, SensitivityRunnerTests.DominantText());
        var (code, text) = Execute(scenario, temp["s"]);
        Assert.Equal(0, code);
        Assert.Contains("1. entries_rate_multiplier explains", text, StringComparison.Ordinal);
        Assert.Contains("higher values raise the cumulative position", text, StringComparison.Ordinal);
    }
}
