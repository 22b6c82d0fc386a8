using System.Globalization;
using ClosedXML.Excel;
using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;

namespace RiskSim.Excel;

/// <summary>
/// Writes <c>results.xlsx</c> from a <see cref="RunResult"/>: the paper's table at plan / P10 / P50 /
/// P90, the per-FY summary, the breakeven distribution, the contingency table, the inputs and the
/// run's metadata. Every figure is a number (never text) in the unit its column header names, £ or
/// children or a share, shown through a number format (the one money format: a surplus in
/// parentheses), so finance can compute with the cells. Laid out only: nothing is computed here.
/// </summary>
public sealed class ExcelWorkbookExporter : IRunResultFileExporter
{
    /// <summary>The file name in the results folder.</summary>
    public const string WorkbookFileName = "results.xlsx";

    /// <summary>Sheet names, in order.</summary>
    public static readonly IReadOnlyList<string> SheetNames = ["Paper table", "Summary", "Breakeven", "Contingency", "Inputs", "Run"];

    private const string ShareFormat = "0.0%";
    private const string ChildrenFormat = "#,##0";
    private const string PlainFormat = "#,##0.####";

    /// <inheritdoc />
    public string FileName => WorkbookFileName;

    /// <inheritdoc />
    public void Write(RunResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(path);
        using var workbook = new XLWorkbook();
        PaperTable(workbook.AddWorksheet(SheetNames[0]), result);
        Summary(workbook.AddWorksheet(SheetNames[1]), result);
        Breakeven(workbook.AddWorksheet(SheetNames[2]), result);
        Contingency(workbook.AddWorksheet(SheetNames[3]), result);
        Inputs(workbook.AddWorksheet(SheetNames[4]), result);
        Run(workbook.AddWorksheet(SheetNames[5]), result);

        // Written through a stream we flush to disk: the results folder commits the file by renaming it.
        using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        workbook.SaveAs(stream);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>£ for a money metric (<c>_gbp</c>), else children (LAC) or a plain number.</summary>
    public static string UnitOf(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.EndsWith("_gbp", StringComparison.Ordinal) ? "£"
            : metric.StartsWith("lac", StringComparison.Ordinal) ? "children"
            : metric.Contains("breakeven", StringComparison.Ordinal) ? "share" : "number";
    }

    private static string FormatOf(string unit) => unit switch
    {
        "£" => Money.ExcelPoundsFormat,
        "children" => ChildrenFormat,
        "share" => ShareFormat,
        _ => PlainFormat,
    };

    /// <summary>
    /// Stores text as text: ClosedXML 0.95's <c>Value</c> setter turns strings that look like numbers
    /// or dates into numbers or dates (a seed "1", an FY "2019/20").
    /// </summary>
    private static void Text(IXLCell cell, string? text)
    {
        cell.SetValue(text ?? string.Empty);
        cell.DataType = XLDataType.Text;
    }

    private static void Title(IXLWorksheet sheet, string title, string note)
    {
        Text(sheet.Cell(1, 1), title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        Text(sheet.Cell(2, 1), note);
    }

    private static void Header(IXLWorksheet sheet, int row, params string[] names)
    {
        for (int c = 0; c < names.Length; c++)
        {
            Text(sheet.Cell(row, c + 1), names[c]);
        }

        sheet.Row(row).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(row);
    }

    private static void Number(IXLCell cell, double? value, string format)
    {
        if (value is { } v && double.IsFinite(v))
        {
            cell.Value = v;
            cell.Style.NumberFormat.Format = format;
        }
    }

    private static void Widths(IXLWorksheet sheet, double first, double rest, int columns)
    {
        // Fixed widths: ClosedXML 0.95's AdjustToContents measures text with GDI+, absent on Linux.
        sheet.Column(1).Width = first;
        for (int c = 2; c <= columns; c++)
        {
            sheet.Column(c).Width = rest;
        }
    }

    private static void PaperTable(IXLWorksheet sheet, RunResult result)
    {
        Title(sheet, $"{result.Scenario.Name}: the paper's table with the simulation's plan, P10, P50 and P90",
            "Money rows in £ (whole pounds; a surplus in parentheses), LAC rows in children. 'Paper' is the published figure, 'Plan' the model with every input at plan.");
        Header(sheet, 4, ["Row", "Figure", "Unit", .. result.Years]);
        int r = 5;
        foreach (var row in result.PaperTable)
        {
            string unit = UnitOf(row.Metric);
            var figures = new (string Name, IReadOnlyList<double?> Values)[]
            {
                ("Paper", row.Reference),
                ("Plan", [.. row.Plan.Select(v => (double?)v)]),
                ("P10", [.. row.P10.Select(v => (double?)v)]),
                ("P50", [.. row.P50.Select(v => (double?)v)]),
                ("P90", [.. row.P90.Select(v => (double?)v)]),
            };
            foreach (var (name, values) in figures)
            {
                Text(sheet.Cell(r, 1), row.Label);
                Text(sheet.Cell(r, 2), name);
                Text(sheet.Cell(r, 3), unit);
                for (int f = 0; f < values.Count; f++)
                {
                    Number(sheet.Cell(r, 4 + f), values[f], FormatOf(unit));
                }

                r++;
            }
        }

        Widths(sheet, 34, 13, 3 + result.Years.Count);
        sheet.Column(2).Width = 8;
        sheet.Column(3).Width = 9;
    }

    private static void Summary(IXLWorksheet sheet, RunResult result)
    {
        Title(sheet, "Every metric by FY across trials (summary.parquet)",
            "Each row in its unit (column C): £ for money, children for LAC, a share for breakeven_by_fy (its mean is P(broken even by the FY)).");
        string[] stats = ["mean", "sd", "p5", "p10", "p25", "p50", "p75", "p80", "p90", "p95", "mean_se"];
        Header(sheet, 4, ["FY", "Metric", "Unit", .. stats]);
        int r = 5;
        foreach (var row in result.Summary)
        {
            string unit = UnitOf(row.Metric);
            Text(sheet.Cell(r, 1), row.Fy.Label);
            Text(sheet.Cell(r, 2), row.Metric);
            Text(sheet.Cell(r, 3), unit);
            double[] values = [row.Mean, row.Sd, row.P5, row.P10, row.P25, row.P50, row.P75, row.P80, row.P90, row.P95, row.MeanSe];
            for (int c = 0; c < values.Length; c++)
            {
                // Shares keep their decimals; a share's sd is a share too.
                Number(sheet.Cell(r, 4 + c), values[c], unit == "share" ? "0.0000" : FormatOf(unit));
            }

            r++;
        }

        Widths(sheet, 9, 13, 3 + stats.Length);
        sheet.Column(2).Width = 28;
    }

    private static void Breakeven(IXLWorksheet sheet, RunResult result)
    {
        var b = result.Breakeven;
        Title(sheet, "When trials break even (position ≤ 0)",
            string.Create(CultureInfo.InvariantCulture, $"First: the first FY in surplus. Lasting: the first FY from which the position stays ≤ 0 to the horizon. Shares of {b.Trials:#,0} trials; standard error √(p(1 − p)/n). Plan's FY: {b.PlanFy ?? "none"}; paper's FY: {b.PaperFy ?? "none"}."));
        Header(sheet, 4, "FY", "P(first in FY)", "P(first by FY)", "SE of P(first by FY)", "P(lasting in FY)", "P(lasting by FY)", "SE of P(lasting by FY)");
        int r = 5;
        double Se(double p) => Math.Sqrt(p * (1 - p) / b.Trials);
        for (int f = 0; f < result.Years.Count; f++, r++)
        {
            Text(sheet.Cell(r, 1), result.Years[f]);
            double[] values = [b.FirstInFy[f], b.FirstByFy[f], Se(b.FirstByFy[f]), b.LastingInFy[f], b.LastingByFy[f], Se(b.LastingByFy[f])];
            for (int c = 0; c < values.Length; c++)
            {
                Number(sheet.Cell(r, 2 + c), values[c], c is 2 or 5 ? "0.00%" : ShareFormat);
            }
        }

        Text(sheet.Cell(r, 1), "Never (within the horizon)");
        Number(sheet.Cell(r, 2), b.FirstNever, ShareFormat);
        Number(sheet.Cell(r, 5), b.LastingNever, ShareFormat);
        Widths(sheet, 26, 16, 7);
    }

    private static void Contingency(IXLWorksheet sheet, RunResult result)
    {
        var c = result.Contingency;
        Title(sheet, "Contingency over the plan, at the horizon (£)",
            "Contingency = the cumulative position's percentile less the plan's cumulative position (a deficit positive, a surplus in parentheses); 95 % interval from order statistics.");
        Text(sheet.Cell(4, 1), "Plan's cumulative position (£)");
        Number(sheet.Cell(4, 2), c.PlanCumulativeGbp, Money.ExcelPoundsFormat);
        Header(sheet, 6, "Confidence", "Cumulative position (£)", "Contingency over plan (£)", "95 % CI low (£)", "95 % CI high (£)");
        int r = 7;
        foreach (var level in c.Levels)
        {
            Number(sheet.Cell(r, 1), level.Confidence, "0%");
            Number(sheet.Cell(r, 2), level.CumulativePositionGbp, Money.ExcelPoundsFormat);
            Number(sheet.Cell(r, 3), level.ContingencyGbp, Money.ExcelPoundsFormat);
            Number(sheet.Cell(r, 4), level.Ci.Low, Money.ExcelPoundsFormat);
            Number(sheet.Cell(r, 5), level.Ci.High, Money.ExcelPoundsFormat);
            r++;
        }

        r++;
        Text(sheet.Cell(r, 1), "CVaR90 over plan (£): mean of the worst 10 % less the plan");
        Number(sheet.Cell(r, 3), c.Cvar90Gbp, Money.ExcelPoundsFormat);
        Text(sheet.Cell(r, 4), "SE (£)");
        Number(sheet.Cell(r, 5), c.Cvar90SeGbp, Money.ExcelPoundsFormat);
        r += 2;
        Text(sheet.Cell(r, 1), "Coverage of a contingency");
        sheet.Cell(r, 1).Style.Font.Bold = true;
        r++;
        Text(sheet.Cell(r, 1), "Contingency (£)");
        Text(sheet.Cell(r, 2), "Share of trials covered");
        Text(sheet.Cell(r, 3), "SE");
        sheet.Row(r).Style.Font.Bold = true;
        foreach (var coverage in result.Coverages)
        {
            r++;
            Number(sheet.Cell(r, 1), coverage.AmountGbp, Money.ExcelPoundsFormat);
            Number(sheet.Cell(r, 2), coverage.Share, ShareFormat);
            Number(sheet.Cell(r, 3), coverage.StandardError, "0.00%");
        }

        Widths(sheet, 30, 22, 5);
    }

    private static void Inputs(IXLWorksheet sheet, RunResult result)
    {
        Title(sheet, "Uncertain inputs", "Each input in its own unit (its name says which: _gbp is £, _months months, a share or multiplier otherwise).");
        Header(sheet, 4, "Input", "Distribution", "Plan", "P10", "P50", "P90", "Source");
        int r = 5;
        foreach (var input in result.Inputs)
        {
            string format = input.Name.EndsWith("_gbp", StringComparison.Ordinal) ? Money.ExcelPoundsFormat : PlainFormat;
            Text(sheet.Cell(r, 1), input.Name);
            Text(sheet.Cell(r, 2), input.Distribution);
            Number(sheet.Cell(r, 3), input.Plan, format);
            Number(sheet.Cell(r, 4), input.P10, format);
            Number(sheet.Cell(r, 5), input.P50, format);
            Number(sheet.Cell(r, 6), input.P90, format);
            Text(sheet.Cell(r, 7), input.Source ?? string.Empty);
            r++;
        }

        Widths(sheet, 44, 12, 6);
        sheet.Column(2).Width = 40;
        sheet.Column(7).Width = 80;
    }

    private static void Run(IXLWorksheet sheet, RunResult result)
    {
        var m = result.Metadata;
        Title(sheet, "Run", "How the figures were made.");
        (string Key, object? Value)[] rows =
        [
            ("Scenario", result.Scenario.Name),
            ("Source", result.Scenario.Source),
            ("Paper's breakeven FY", result.Scenario.PaperBreakevenFy),
            ("Scenario SHA-256", m.ScenarioSha256),
            ("Seed", m.Seed.ToString(CultureInfo.InvariantCulture)),
            ("Trials", (double)m.Trials),
            ("Input design", m.Sampling),
            ("Engine version", m.EngineVersion),
            ("Schema version", (double)RunMetadata.SchemaVersion),
        ];
        int r = 4;
        foreach (var (key, value) in rows)
        {
            Text(sheet.Cell(r, 1), key);
            if (value is double d)
            {
                Number(sheet.Cell(r, 2), d, "#,##0");
            }
            else
            {
                Text(sheet.Cell(r, 2), value?.ToString());
            }

            r++;
        }

        Widths(sheet, 24, 70, 2);
    }
}
