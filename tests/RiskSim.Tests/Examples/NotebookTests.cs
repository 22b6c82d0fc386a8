using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RiskSim.Tests.Cli;
using RiskSim.Tests.Output;

namespace RiskSim.Tests.Examples;

/// <summary>
/// examples/risksim-results.ipynb: Python's Parquet packages cannot be installed here, so its DuckDB
/// queries are taken from the notebook's JSON and run through DuckDB.NET on a fresh run of the
/// figures it states; they must still be true. Also checks the output types stay pandas-friendly.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class NotebookTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private static string NotebookPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "examples", "risksim-results.ipynb");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("examples/risksim-results.ipynb not found above the test's folder");
    }

    [GeneratedRegex("(\\w+_SQL)\\s*=\\s*\"{3}(.*?)\"{3}", RegexOptions.Singleline)]
    private static partial Regex QueryPattern();

    [GeneratedRegex("\"(\\w+)\":\\s*([-0-9._e]+),")]
    private static partial Regex StatedPattern();

    [GeneratedRegex(@"STATED = \{[^}]*\}")]
    private static partial Regex StatedBlock();

    /// <summary>The notebook's code cells, each as one string.</summary>
    private static List<string> CodeCells(out JsonElement[] cells)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(NotebookPath()));
        cells = [.. document.RootElement.GetProperty("cells").EnumerateArray().Select(c => c.Clone())];
        return [.. cells
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString())))];
    }

    private static double Number(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    [Fact]
    public void The_notebooks_queries_reproduce_its_stated_figures_on_a_fresh_run()
    {
        var code = CodeCells(out var cells);

        // No outputs were committed: it was not run here (Python's Parquet packages are not installable).
        Assert.All(cells.Where(c => c.GetProperty("cell_type").GetString() == "code"), c =>
        {
            Assert.Equal(0, c.GetProperty("outputs").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, c.GetProperty("execution_count").ValueKind);
        });

        var queries = code.SelectMany(c => QueryPattern().Matches(c)).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(["BREAKEVEN_SQL", "BY_FY_SQL", "CONTINGENCY_SQL", "FAN_SQL", "SUMMARY_P80_SQL"], queries.Keys.Order(StringComparer.Ordinal));

        // The run the notebook describes.
        string results = temp["results"];
        var run = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "10000", "--seed", "20191120", "--out", results, "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        List<object?[]> Run(string name) => DuckDb.Query(queries[name].Replace("{results}", results, StringComparison.Ordinal));

        var fan = Run("FAN_SQL");
        Assert.Equal(7, fan.Count);
        Assert.All(fan, r => Assert.True(Number(r[2]) <= Number(r[3]) && Number(r[3]) <= Number(r[4]) && Number(r[4]) <= Number(r[5]) && Number(r[5]) <= Number(r[6])));

        var breakeven = Run("BREAKEVEN_SQL");
        Assert.Equal(1.0, breakeven.Sum(r => Number(r[2])), 12);
        Assert.Equal(10_000, breakeven.Sum(r => Number(r[1])));

        var byFy = Run("BY_FY_SQL");
        var contingency = Run("CONTINGENCY_SQL")[0];
        var fromSummary = Run("SUMMARY_P80_SQL")[0];
        Assert.Equal(Number(fromSummary[0]), Number(contingency[1]), 6); // computed from trials = summary.parquet's

        // The stated figures, to the rounding the notebook gives.
        string block = code.Select(c => StatedBlock().Match(c)).Single(m => m.Success).Value;
        var stated = StatedPattern().Matches(block)
            .ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value.Replace("_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture));
        var found = new Dictionary<string, (double Value, double Tolerance)>
        {
            ["contingency_p80_gbp"] = (Number(contingency[1]), 500),
            ["contingency_p90_gbp"] = (Number(contingency[2]), 500),
            ["p_breakeven_by_2023_24"] = (Number(byFy.Single(r => (string)r[0]! == "2023/24")[2]), 0.0005),
            ["lac_end_p50_2025_26"] = (Number(fan.Single(r => (string)r[0]! == "2025/26")[4]), 0.5),
        };
        Assert.Equal(found.Keys.Order(StringComparer.Ordinal), stated.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, (value, tolerance)) in found)
        {
            Assert.True(Math.Abs(value - stated[key]) <= tolerance, $"{key}: the notebook states {stated[key]}, a fresh run gives {value}");
        }
    }

    [Fact]
    public void Output_columns_are_pandas_friendly_types()
    {
        string results = temp["types"];
        Assert.Equal(0, CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "50", "--out", results, "--quiet").ExitCode);
        string[] allowed = ["BIGINT", "INTEGER", "DOUBLE", "VARCHAR", "BOOLEAN"];
        foreach (string file in new[] { "trials.parquet", "yearly.parquet", "summary.parquet", "plan.parquet" })
        {
            var columns = DuckDb.Columns(Path.Combine(results, file));
            Assert.All(columns, c => Assert.True(allowed.Contains(c.Type), $"{file}: {c.Name} is {c.Type} (unsigned or a timestamp would surprise pandas)"));
        }

        var trials = DuckDb.Columns(Path.Combine(results, "trials.parquet")).ToDictionary(c => c.Name, c => c.Type);
        Assert.Equal("BIGINT", trials["trial"]);
        Assert.Equal("INTEGER", trials["breakeven_fy_start_year"]);
        Assert.Equal("INTEGER", trials["lasting_breakeven_fy_start_year"]);
    }
}
