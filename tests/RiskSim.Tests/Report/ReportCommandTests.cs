using System.Globalization;
using RiskSim.Analysis;
using RiskSim.Cli.Commands;
using RiskSim.Output;
using RiskSim.Report;
using RiskSim.Tests.Cli;
using RiskSim.Tests.Output;
using Spectre.Console;

namespace RiskSim.Tests.Report;

/// <summary><c>run</c> writes report.html into the set; <c>risksim report DIR</c> rebuilds it from result.json.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_writes_the_report_into_the_set_and_report_rebuilds_the_same_page_from_result_json()
    {
        string output = temp["results"];
        RunInto(output);
        string page = Path.Combine(output, HtmlReportExporter.ReportFileName);
        string written = File.ReadAllText(page);
        Assert.Contains(ResultsManifest.Read(output)!.Files, f => f.Name == HtmlReportExporter.ReportFileName);
        foreach (string id in new[] { "lac-fan", "position-fan", "breakeven", "s-curve" })
        {
            Assert.Contains($"<figure class=\"chart\" id=\"{id}\">", written, StringComparison.Ordinal);
        }

        // Rebuilt from result.json alone, the page is the same byte for byte: the JSON keeps all the report shows.
        File.Delete(page);
        var report = CliHarness.Run("report", output);
        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.Contains(page, report.Out, StringComparison.Ordinal);
        Assert.Equal(written, File.ReadAllText(page));

        // The manifest records the rebuilt file, so the set still checks as complete, and nothing is left behind.
        Assert.Empty(ResultsManifest.Check(output));
        Assert.Empty(temp.TemporaryEntries());
        Assert.DoesNotContain(Directory.GetFileSystemEntries(output), p => Path.GetFileName(p).StartsWith(".risksim", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_folder_exits_2_with_a_plain_message()
    {
        var result = CliHarness.Run("report", temp["nowhere"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such results folder", result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error + result.Out), result.ToString());
    }

    [Fact]
    public void A_folder_without_result_json_exits_2_and_is_left_alone()
    {
        string folder = temp["empty"];
        Directory.CreateDirectory(folder);
        var result = CliHarness.Run("report", folder);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no result.json", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void A_damaged_result_json_exits_2_naming_the_file()
    {
        string folder = temp["damaged"];
        Directory.CreateDirectory(folder);
        string json = Path.Combine(folder, RunResultJson.FileName);
        File.WriteAllText(json, "{ \"metadata\": ");
        var result = CliHarness.Run("report", folder);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(json, result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error + result.Out), result.ToString());
        Assert.False(File.Exists(Path.Combine(folder, HtmlReportExporter.ReportFileName)));
    }

    [Fact]
    public void A_null_in_result_json_or_in_the_manifest_exits_2_with_its_path_and_no_stack_trace()
    {
        string output = temp["nulls"];
        RunInto(output);
        string json = Path.Combine(output, RunResultJson.FileName);
        string manifest = Path.Combine(output, ResultsDirectory.ManifestFileName);
        string goodJson = File.ReadAllText(json);

        // A plan row nulled by hand: refused when read, not a NullReferenceException in a chart.
        var edited = System.Text.Json.Nodes.JsonNode.Parse(goodJson)!.AsObject();
        edited["plan"]!.AsArray()[3] = null;
        File.WriteAllText(json, edited.ToJsonString());
        var report = CliHarness.Run("report", output);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("$.plan[3] is missing or null", report.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(report.Error + report.Out), report.ToString());

        // A manifest entry nulled by hand: the report is not rebuilt, nothing changes.
        File.WriteAllText(json, goodJson);
        var files = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
        files["files"]!.AsArray()[1] = null;
        string brokenManifest = files.ToJsonString();
        File.WriteAllText(manifest, brokenManifest);
        report = CliHarness.Run("report", output);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("$.files[1] is missing or null", report.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(report.Error + report.Out), report.ToString());
        Assert.Equal(brokenManifest, File.ReadAllText(manifest));

        // compare reads the same manifest: a plain message too.
        var compare = CliHarness.Run("compare", output, output, "--out", temp["nulls-compare"]);
        Assert.Equal(2, compare.ExitCode);
        Assert.Contains("$.files[1] is missing or null", compare.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(compare.Error + compare.Out), compare.ToString());
    }

    /// <summary>A real 200-trial Staffordshire run into <paramref name="folder"/>, which must succeed.</summary>
    private static void RunInto(string folder)
    {
        var run = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "200", "--seed", "7", "--out", folder, "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    /// <summary>A real 200-trial run and a small sensitivity analysis of the same scenario (the CLI's defaults would run ~25,000 trials).</summary>
    internal static void RunAndAnalyse(string results, string sensitivity)
    {
        RunInto(results);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(writer) });
        int code = SensitivityCommand.Execute(
            CliHarness.StaffordshirePath, new SensitivityOptions(150, 5, 2, SobolRows: 24, TornadoTrials: 24), sensitivity, force: false, console, error: TextWriter.Null);
        Assert.Equal(0, code);
    }

    [Fact]
    public void Report_with_sensitivity_adds_the_tornado_and_Sobol_charts_and_keeps_them_in_result_json()
    {
        string output = temp["results"], sens = temp["sens"];
        RunAndAnalyse(output, sens);
        string page = Path.Combine(output, HtmlReportExporter.ReportFileName);
        string before = File.ReadAllText(page);
        Assert.DoesNotContain("id=\"tornado\"", before, StringComparison.Ordinal);

        var report = CliHarness.Run("report", output, "--sensitivity", sens);
        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.Contains("sensitivity rows from", report.Out, StringComparison.Ordinal);
        string html = File.ReadAllText(page);
        foreach (string id in new[] { "lac-fan", "position-fan", "breakeven", "s-curve", "tornado", "sobol" })
        {
            Assert.Contains($"<figure class=\"chart\" id=\"{id}\">", html, StringComparison.Ordinal);
        }

        // The charts name the analysis's inputs, and the stored rows are exactly the file's.
        var rows = SensitivityParquetReader.Read(sens).Rows;
        var stored = RunResultJson.Read(output).Sensitivity;
        Assert.Equal(rows, stored);
        string topInput = rows.Where(r => r.Output == "cumulative_position_gbp" && r.Method == "sobol_total").MaxBy(r => r.Value)!.Input;
        Assert.Contains(topInput, html, StringComparison.Ordinal);

        // Both refreshed files are in the manifest, so the set still checks; a plain rebuild keeps the charts.
        Assert.Empty(ResultsManifest.Check(output));
        File.Delete(page);
        Assert.Equal(0, CliHarness.Run("report", output).ExitCode);
        Assert.Equal(html, File.ReadAllText(page));
        Assert.Empty(ResultsManifest.Check(output));
    }

    [Theory]
    [InlineData("other-scenario", false, "is a sensitivity analysis of scenario 'other-scenario', but the results are of 'staffordshire-2019'")]
    [InlineData(null, true, "was computed from a different version of the scenario file")]
    public void A_sensitivity_run_of_another_scenario_is_refused_and_nothing_changes(string? name, bool otherBytes, string message)
    {
        string output = temp["results"];
        var run = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "100", "--seed", "7", "--out", output, "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        var meta = RunResultJson.Read(output).Metadata;
        string sens = temp["sens"];
        Directory.CreateDirectory(sens);
        var sensMeta = meta with
        {
            ScenarioName = name ?? meta.ScenarioName,
            ScenarioSha256 = otherBytes ? new string('0', 64) : meta.ScenarioSha256,
        };
        SensitivityParquetWriter.Write(
            Path.Combine(sens, SensitivityParquetWriter.FileName),
            SensitivityParquetReaderTests.Rows(),
            sensMeta,
            new SensitivityFileMetadata(24, 24, 100, [], []));
        var before = Directory.GetFiles(output).ToDictionary(p => p, File.ReadAllBytes);

        var report = CliHarness.Run("report", output, "--sensitivity", sens);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains(message, report.Error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(sens, SensitivityParquetWriter.FileName), report.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(report.Error + report.Out), report.ToString());
        foreach (var (path, bytes) in before)
        {
            Assert.Equal(bytes, File.ReadAllBytes(path));
        }
    }

    [Fact]
    public void A_missing_or_damaged_sensitivity_file_exits_2_naming_it()
    {
        string output = temp["results"];
        var run = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "100", "--seed", "7", "--out", output, "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());

        var missing = CliHarness.Run("report", output, "--sensitivity", temp["nowhere"]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such sensitivity folder", missing.Error, StringComparison.Ordinal);

        string sens = temp["sens"];
        Directory.CreateDirectory(sens);
        var empty = CliHarness.Run("report", output, "--sensitivity", sens);
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains(Path.Combine(sens, SensitivityParquetWriter.FileName) + ": not found", empty.Error, StringComparison.Ordinal);

        string file = Path.Combine(sens, SensitivityParquetWriter.FileName);
        File.WriteAllText(file, "PAR1 not really");
        var damaged = CliHarness.Run("report", output, "--sensitivity", sens);
        Assert.Equal(2, damaged.ExitCode);
        Assert.Contains(file + ": cannot be read", damaged.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(damaged.Error + damaged.Out), damaged.ToString());
        Assert.Empty(ResultsManifest.Check(output));
    }

    [Fact]
    public void A_sensitivity_set_changed_after_it_was_written_is_refused()
    {
        string output = temp["results"], sens = temp["sens"];
        RunAndAnalyse(output, sens);
        string file = Path.Combine(sens, SensitivityParquetWriter.FileName);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^16]);
        var report = CliHarness.Run("report", output, "--sensitivity", sens);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("damaged or incomplete", report.Error, StringComparison.Ordinal);
    }
}
