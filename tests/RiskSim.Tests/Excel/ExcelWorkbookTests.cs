using System.Data;
using System.Text;
using ExcelDataReader;
using RiskSim.Core.Results.Run;
using RiskSim.Excel;
using RiskSim.Output;
using RiskSim.Tests.Cli;
using RiskSim.Tests.Output;

namespace RiskSim.Tests.Excel;

/// <summary>
/// <c>run --xlsx</c>: results.xlsx read back with ExcelDataReader (an independent reader) holds the same
/// figures as summary.parquet (read with DuckDB), as numbers with number formats, never as text.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ExcelWorkbookTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>Each sheet as rows of cells, with the number format of every cell.</summary>
    private static Dictionary<string, List<(object? Value, string? Format)[]>> ReadWorkbook(string path)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new Dictionary<string, List<(object?, string?)[]>>();
        do
        {
            var rows = new List<(object?, string?)[]>();
            while (reader.Read())
            {
                var row = new (object?, string?)[reader.FieldCount];
                for (int c = 0; c < row.Length; c++)
                {
                    row[c] = (reader.GetValue(c), reader.GetValue(c) is null ? null : reader.GetNumberFormatString(c));
                }

                rows.Add(row);
            }

            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }

    /// <summary>
    /// Equal to Excel's precision: ClosedXML 0.95 writes a double with 15 significant digits, the
    /// precision Excel itself keeps and shows, so a cell agrees with the Parquet double to ≤ 5e-15
    /// relative (half a unit in the 15th digit), not bit for bit.
    /// </summary>
    private static void SameFigure(double expected, object? cell)
    {
        double actual = Assert.IsType<double>(cell);
        Assert.True(Math.Abs(actual - expected) <= 5e-15 * Math.Max(Math.Abs(expected), 1e-300), $"expected {expected:R}, cell {actual:R}");
    }

    [Fact]
    public void The_workbook_reads_back_with_the_figures_of_summary_parquet()
    {
        string output = temp["results"];
        var run = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "300", "--seed", "4", "--xlsx", "--out", output, "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        string workbook = Path.Combine(output, ExcelWorkbookExporter.WorkbookFileName);
        Assert.Empty(ResultsManifest.Check(output)); // committed with the set, listed in the manifest
        var sheets = ReadWorkbook(workbook);
        Assert.Equal(ExcelWorkbookExporter.SheetNames, sheets.Keys);

        // Summary: every FY × metric row equals summary.parquet's, exactly (stored in £ / children / share).
        string summary = DuckDb.Literal(Path.Combine(output, "summary.parquet"));
        var parquet = DuckDb.Query($"SELECT fy, metric, mean, sd, p5, p10, p25, p50, p75, p80, p90, p95, mean_se FROM {summary}")
            .ToDictionary(r => ((string)r[0]!, (string)r[1]!), r => r[2..].Select(v => (double)v!).ToArray());
        var header = sheets["Summary"][3];
        Assert.Equal("FY", header[0].Value);
        var summaryRows = sheets["Summary"].Skip(4).ToList();
        Assert.Equal(parquet.Count, summaryRows.Count);
        foreach (var row in summaryRows)
        {
            var expected = parquet[((string)row[0].Value!, (string)row[1].Value!)];
            for (int c = 0; c < expected.Length; c++)
            {
                SameFigure(expected[c], row[3 + c].Value);
            }

            if ((string)row[2].Value! == "£")
            {
                Assert.Equal(Money.ExcelPoundsFormat, row[3].Format);
            }
        }

        // Paper table: the P10/P50/P90 rows equal summary.parquet's percentiles of the row's metric; FYs stay text.
        var result = RunResultJson.Read(output);
        var paper = sheets["Paper table"];
        var years = paper[3].Skip(3).Select(c => (string)c.Value!).ToArray();
        Assert.Equal(result.Years, years);
        int checkedCells = 0;
        foreach (var row in paper.Skip(4))
        {
            string label = (string)row[0].Value!, figure = (string)row[1].Value!;
            string metric = result.PaperTable.Single(p => p.Label == label).Metric;
            int column = figure switch { "P10" => 3, "P50" => 5, "P90" => 8, _ => -1 }; // index of p10, p50, p90 in the parquet row above
            if (column < 0)
            {
                continue;
            }

            for (int f = 0; f < years.Length; f++)
            {
                SameFigure(parquet[(years[f], metric)][column], row[3 + f].Value);
                checkedCells++;
            }
        }

        Assert.True(checkedCells >= 3 * years.Length * 3, $"only {checkedCells} paper-table cells checked");

        // Investment at plan, first FY: the figure the paper publishes, equal to plan.parquet's.
        string plan = DuckDb.Literal(Path.Combine(output, "plan.parquet"));
        double investment = (double)DuckDb.Query($"SELECT investment_gbp FROM {plan} ORDER BY fy_start_year LIMIT 1")[0][0]!;
        var investmentPlan = paper.Skip(4).Single(r => result.PaperTable.Single(p => p.Label == (string)r[0].Value!).Metric == "investment_gbp" && (string)r[1].Value! == "Plan");
        SameFigure(investment, investmentPlan[3].Value);

        // Contingency: P80 over plan equals summary.parquet's P80 of the cumulative position less the plan's.
        double p80 = (double)DuckDb.Query($"SELECT p80 FROM {summary} WHERE metric = 'cumulative_position_gbp' ORDER BY fy_start_year DESC LIMIT 1")[0][0]!;
        double planCumulative = (double)DuckDb.Query($"SELECT cumulative_position_gbp FROM {plan} ORDER BY fy_start_year DESC LIMIT 1")[0][0]!;
        var p80Row = sheets["Contingency"].Single(r => r[0].Value is double d && Math.Abs(d - 0.8) < 1e-12);
        SameFigure(p80, p80Row[1].Value);
        SameFigure(p80 - planCumulative, p80Row[2].Value);
        Assert.Equal(Money.ExcelPoundsFormat, p80Row[2].Format);

        // Breakeven: P(first by FY) equals summary.parquet's mean of breakeven_by_fy.
        foreach (var row in sheets["Breakeven"].Skip(4).Where(r => r[0].Value is string fy && parquet.ContainsKey((fy, "breakeven_by_fy"))))
        {
            SameFigure(parquet[((string)row[0].Value!, "breakeven_by_fy")][0], row[2].Value);
        }

        // Inputs: one row per uncertain input; the run's seed is text (not rounded through a double).
        Assert.Equal(result.Inputs.Count, sheets["Inputs"].Skip(4).Count());
        Assert.Contains(sheets["Run"], r => (r[0].Value as string) == "Seed" && (r[1].Value as string) == "4");
    }

    [Fact]
    public void Without_xlsx_no_workbook_is_written()
    {
        string output = temp["plain"];
        Assert.Equal(0, CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "50", "--out", output, "--quiet").ExitCode);
        Assert.False(File.Exists(Path.Combine(output, ExcelWorkbookExporter.WorkbookFileName)));
    }
}
