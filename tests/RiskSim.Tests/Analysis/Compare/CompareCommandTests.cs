using System.Text.RegularExpressions;
using RiskSim.Analysis.Compare;
using RiskSim.Cli;
using RiskSim.Cli.Commands;
using RiskSim.Core.Engine;
using RiskSim.Tests.Cli;
using RiskSim.Tests.Output;
using Spectre.Console.Testing;

namespace RiskSim.Tests.Analysis.Compare;

/// <summary>
/// <c>risksim compare</c> end to end: on-time against delayed recruitment on common random numbers,
/// folders read back equal to the in-memory run, the printed table, compare.parquet.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CompareCommandTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>Staffordshire with every line's recruitment delay PERT(0, 9, 15) months instead of PERT(0, 2, 9).</summary>
    private string DelayedScenario()
    {
        string text = File.ReadAllText(CliHarness.StaffordshirePath);
        string delayed = Regex.Replace(text, @"recruitment_delay_months:\s*\{[^}]*\}", "recruitment_delay_months: {dist: pert, min: 0, mode: 9, max: 15, plan: 0}");
        Assert.NotEqual(text, delayed);
        string path = temp["late.yaml"];
        File.WriteAllText(path, delayed);
        return path;
    }

    private static CompareSide RunSide(string path, int trials, ulong seed)
    {
        var input = ScenarioInput.Load(path);
        return ScenarioSide.Run(input.Model, path, input.Scenario.Name, new RunOptions(trials, seed, 2));
    }

    [Fact]
    public void Delayed_recruitment_breaks_even_later_and_needs_more_contingency_with_standard_errors()
    {
        var onTime = RunSide(CliHarness.StaffordshirePath, 1000, 5);
        var late = RunSide(DelayedScenario(), 1000, 5);
        var comparison = Comparer.Compare(onTime, late);
        Assert.True(comparison.Paired && comparison.CommonRandomNumbers);

        // Later breakeven: P(broken even by FY) never rises beyond noise, and falls clearly by the horizon.
        var byFy = comparison.Rows.Where(r => r.Measure == Comparer.BreakevenByFy).ToList();
        Assert.All(byFy, r => Assert.True(r.Difference <= 2 * r.DifferenceSe, $"{r.Fy}: {r.Difference} ± {r.DifferenceSe}"));
        var horizon = byFy[^1];
        Assert.True(horizon.DifferenceSe > 0);
        Assert.True(horizon.Difference < -3 * horizon.DifferenceSe, $"{horizon.Fy}: {horizon.Difference} ± {horizon.DifferenceSe}");

        // Common random numbers make the paired error smaller than that of independent runs.
        double independent = Math.Sqrt((horizon.A * (1 - horizon.A) / onTime.Count) + (horizon.B * (1 - horizon.B) / late.Count));
        Assert.True(horizon.DifferenceSe < independent, $"paired {horizon.DifferenceSe}, independent {independent}");

        // More contingency at P80 and P90, well beyond its bootstrap error.
        foreach (double level in new[] { 0.8, 0.9 })
        {
            var row = comparison.Find(Comparer.Contingency(level), comparison.Years.Count - 1)!;
            Assert.True(row.DifferenceSe > 0);
            Assert.True(row.Difference > 3 * row.DifferenceSe, $"P{level * 100}: {row.Difference} ± {row.DifferenceSe}");
        }
    }

    [Fact]
    public void Results_folders_compare_exactly_as_the_runs_in_memory_and_print_within_80_columns()
    {
        string late = DelayedScenario();
        string a = temp["a"], b = temp["b"];
        Assert.Equal(0, CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "300", "--seed", "3", "--out", a, "--quiet").ExitCode);
        Assert.Equal(0, CliHarness.Run("run", late, "--trials", "300", "--seed", "3", "--out", b, "--quiet").ExitCode);

        var fromFolders = Comparer.Compare(ResultsFolderSide.Read(a), ResultsFolderSide.Read(b));
        var inMemory = Comparer.Compare(RunSide(CliHarness.StaffordshirePath, 300, 3), RunSide(late, 300, 3));
        Assert.Equal(inMemory.Rows, fromFolders.Rows);

        // The contingency of A is summary.parquet's P80 of the cumulative position less plan.parquet's.
        string summary = DuckDb.Literal(Path.Combine(a, "summary.parquet"));
        string plan = DuckDb.Literal(Path.Combine(a, "plan.parquet"));
        double p80 = (double)DuckDb.Query($"SELECT p80 FROM {summary} WHERE metric = 'cumulative_position_gbp' ORDER BY fy_start_year DESC LIMIT 1")[0][0]!;
        double planCumulative = (double)DuckDb.Query($"SELECT cumulative_position_gbp FROM {plan} ORDER BY fy_start_year DESC LIMIT 1")[0][0]!;
        Assert.Equal(p80 - planCumulative, fromFolders.Find(Comparer.Contingency(0.8), fromFolders.Years.Count - 1)!.A, 6);

        var console = new TestConsole();
        console.Profile.Width = 80;
        string output = temp["out"];
        int code = CompareCommand.Execute(a, b, new RunOptions(1, 1, 1), new CompareOptions(), output, force: false, console);
        Assert.Equal(0, code);
        var lines = console.Output.Split('\n');
        Assert.All(lines, line => Assert.True(line.TrimEnd('\r').Length <= 80, $"{line.Length} columns: {line}"));
        Assert.Contains(lines, l => l.StartsWith("Breakeven by 2025/26:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("P80 2025/26", StringComparison.Ordinal));

        // compare.parquet: long format, read back with DuckDB, every row's difference is B − A.
        string file = Path.Combine(output, CompareParquetWriter.FileName);
        Assert.Equal(
            ["measure", "unit", "fy", "fy_start_year", "a", "b", "difference", "difference_se", "ci_low", "ci_high"],
            DuckDb.Columns(file).Select(c => c.Name));
        var rows = DuckDb.Rows(file, "measure, fy, a, b, difference, difference_se, unit");
        Assert.Equal(fromFolders.Rows.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal((double)r[3]! - (double)r[2]!, (double)r[4]!, 9));
        Assert.Contains(rows, r => (string)r[0]! == "contingency_p80_gbp" && (string)r[6]! == "£");
        Assert.Equal("true", DuckDb.KeyValueMetadata(file)["risksim.compare.common_random_numbers"]);
        Assert.True(File.Exists(Path.Combine(output, CompareMarkdown.FileName)));
        Assert.Empty(RiskSim.Output.ResultsManifest.Check(output));
    }

    [Fact]
    public void A_folder_without_a_complete_result_set_exits_2_with_a_message()
    {
        string empty = temp["empty"];
        Directory.CreateDirectory(empty);
        var result = CliHarness.Run("compare", empty, CliHarness.StaffordshirePath, "--trials", "20");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("not a complete results folder", result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);

        var missing = CliHarness.Run("compare", temp["nothing"], CliHarness.StaffordshirePath);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such results folder or scenario file", missing.Error, StringComparison.Ordinal);
    }
}
