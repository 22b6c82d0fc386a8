using System.Globalization;
using RiskSim.Core.Results.Run;
using ScottPlot;

namespace RiskSim.Report;

/// <summary>Looked-after children by month: the P5–P95 and P25–P75 bands and median, the plan, the paper's milestones.</summary>
internal static class LacFanChart
{
    /// <summary>The chart, or null when the result has no monthly fan.</summary>
    public static ReportChart? Build(RunResult result)
    {
        var fan = result.LacFan;
        if (fan.Count == 0)
        {
            return null;
        }

        double[] x = [.. fan.Select(p => MonthEnd(p.Month).ToOADate())];
        var plot = ChartCanvas.NewPlot("Month end", "Looked-after children (count)");
        var outer = plot.Add.FillY(x, [.. fan.Select(p => p.P5)], [.. fan.Select(p => p.P95)]);
        outer.FillColor = ChartCanvas.OuterBand.WithAlpha(0.6);
        outer.LineWidth = 0;
        outer.LegendText = "P5–P95 of trials";
        var inner = plot.Add.FillY(x, [.. fan.Select(p => p.P25)], [.. fan.Select(p => p.P75)]);
        inner.FillColor = ChartCanvas.InnerBand.WithAlpha(0.6);
        inner.LineWidth = 0;
        inner.LegendText = "P25–P75";
        var median = plot.Add.ScatterLine(x, [.. fan.Select(p => p.P50)], ChartCanvas.Median);
        median.LineWidth = 2;
        median.LegendText = "Median (P50)";
        var plan = plot.Add.ScatterLine(x, [.. fan.Select(p => p.Plan)], ChartCanvas.Plan);
        plan.LineWidth = 2;
        plan.LegendText = "Plan";

        var milestones = fan.Where(p => p.PaperMilestone is not null).ToArray();
        if (milestones.Length > 0)
        {
            var marks = plot.Add.Scatter(
                milestones.Select(p => MonthEnd(p.Month).ToOADate()).ToArray(),
                milestones.Select(p => p.PaperMilestone!.Value).ToArray(),
                ChartCanvas.Paper);
            marks.LineWidth = 0;
            marks.MarkerSize = 10;
            marks.MarkerShape = MarkerShape.FilledDiamond;
            marks.LegendText = "Paper's milestones";
        }

        plot.Axes.DateTimeTicksBottom();
        ChartCanvas.LegendBelow(plot);
        return new ReportChart(
            "lac-fan",
            "Looked-after children by month",
            "Children looked after at each month end (count), programme world, across trials; the orange line is the plan.",
            Reading(fan),
            ChartCanvas.ToSvg(plot, "lac-fan"));
    }

    /// <summary>The sentence about the horizon's last month, e.g. "In 90 % of trials LAC at the end of March 2024 is between 850 and 1,120 …".</summary>
    internal static string Reading(IReadOnlyList<FanPoint> fan)
    {
        var last = fan[^1];
        string month = ReportText.MonthName(last.Month);
        string text = $"In 90 % of trials the number of looked-after children at the end of {month} is between "
            + $"{ReportText.Count(last.P5)} and {ReportText.Count(last.P95)} (median {ReportText.Count(last.P50)}); "
            + $"the plan's {ReportText.Count(last.Plan)} is {BandPosition.Describe(last.Plan, last.P5, last.P25, last.P50, last.P75, last.P95)}";
        var milestone = fan.LastOrDefault(p => p.PaperMilestone is not null);
        if (milestone is not null)
        {
            double m = milestone.PaperMilestone!.Value;
            text += $"; the paper's milestone for {ReportText.MonthName(milestone.Month)}, {ReportText.Count(m)}, is "
                + BandPosition.Describe(m, milestone.P5, milestone.P25, milestone.P50, milestone.P75, milestone.P95);
        }

        return text + ".";
    }

    /// <summary>The last day of a <c>yyyy-MM</c> month (the fan's figures are month-end stocks).</summary>
    private static DateTime MonthEnd(string month)
    {
        var start = DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture);
        return start.AddMonths(1).AddDays(-1);
    }
}
