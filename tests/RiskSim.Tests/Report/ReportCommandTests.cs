using RiskSim.Output;
using RiskSim.Report;
using RiskSim.Tests.Cli;

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
        var run = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "200", "--seed", "7", "--out", output, "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
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
}
