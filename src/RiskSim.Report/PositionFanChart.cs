using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using ScottPlot;

namespace RiskSim.Report;

/// <summary>The budget position by FY: P5–P95 and P25–P75 bands, the median, the plan, the paper's figures, zero marked.</summary>
internal static class PositionFanChart
{
    private static readonly string Metric = Core.Results.Metric.PositionGbp.ColumnName();

    /// <summary>The chart, or null when the summary lacks the position.</summary>
    public static ReportChart? Build(RunResult result)
    {
        var rows = SummaryLookup.Rows(result, Metric);
        if (rows is null || rows.Length == 0)
        {
            return null;
        }

        var plan = SummaryLookup.Plan(result, Metric);
        double[] x = [.. Enumerable.Range(0, rows.Length).Select(i => (double)i)];
        var plot = ChartCanvas.NewPlot("Financial year", "Budget position, £'000 (surplus in brackets)");
        var zero = plot.Add.HorizontalLine(0, 1.5f, ChartCanvas.Reference, LinePattern.Solid);
        zero.LegendText = "Zero: break even";
        var outer = plot.Add.FillY(x, [.. rows.Select(r => r.P5)], [.. rows.Select(r => r.P95)]);
        outer.FillColor = ChartCanvas.OuterBand.WithAlpha(0.6);
        outer.LineWidth = 0;
        outer.LegendText = "P5–P95 of trials";
        var inner = plot.Add.FillY(x, [.. rows.Select(r => r.P25)], [.. rows.Select(r => r.P75)]);
        inner.FillColor = ChartCanvas.InnerBand.WithAlpha(0.6);
        inner.LineWidth = 0;
        inner.LegendText = "P25–P75";
        var median = plot.Add.Scatter(x, [.. rows.Select(r => r.P50)], ChartCanvas.Median);
        median.LineWidth = 2;
        median.LegendText = "Median (P50)";
        if (plan.All(p => p is not null))
        {
            var line = plot.Add.Scatter(x, [.. plan.Select(p => p!.Value)], ChartCanvas.Plan);
            line.LineWidth = 2;
            line.LegendText = "Plan";
        }

        var paper = plan.Select((p, i) => (p?.Reference, i)).Where(t => t.Reference is not null).ToArray();
        if (paper.Length > 0)
        {
            var marks = plot.Add.Scatter(paper.Select(t => (double)t.i).ToArray(), paper.Select(t => t.Reference!.Value).ToArray(), ChartCanvas.Paper);
            marks.LineWidth = 0;
            marks.MarkerSize = 10;
            marks.MarkerShape = MarkerShape.FilledDiamond;
            marks.LegendText = "Paper's figures";
        }

        ChartCanvas.LabelTicks(plot.Axes.Bottom, result.Years);
        ChartCanvas.MoneyTicksLeft(plot);
        ChartCanvas.LegendBelow(plot);
        return new ReportChart(
            "position-fan",
            "Budget position by financial year",
            "Budget position for each FY in £'000 across trials: a deficit is positive, a surplus in brackets; at or below the zero line the year breaks even.",
            Reading(result.Years, rows, plan),
            ChartCanvas.ToSvg(plot, "position-fan"));
    }

    /// <summary>The sentence about the last FY and the year the median and the plan first reach zero.</summary>
    internal static string Reading(IReadOnlyList<string> years, IReadOnlyList<SummaryRow> rows, IReadOnlyList<PlanFigure?> plan)
    {
        var last = rows[^1];
        string text = $"In {years[^1]} the budget position is between {ReportText.Money(last.P5)} and {ReportText.Money(last.P95)} "
            + $"in 90 % of trials, with a median of {ReportText.Money(last.P50)}";
        if (plan[^1] is { } p)
        {
            text += $" against the plan's {ReportText.Money(p.Value)}";
        }

        int medianYear = FirstAtOrBelowZero(rows.Select(r => r.P50).ToArray());
        text += medianYear >= 0
            ? $"; the median position first breaks even in {years[medianYear]}"
            : "; the median position never breaks even within the horizon";
        if (plan.All(q => q is not null))
        {
            int planYear = FirstAtOrBelowZero([.. plan.Select(q => q!.Value)]);
            text += planYear >= 0 ? $", the plan in {years[planYear]}" : ", nor does the plan";
        }

        return text + ".";
    }

    private static int FirstAtOrBelowZero(double[] values) => Array.FindIndex(values, v => v <= 0);
}
