using System.Globalization;
using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using ScottPlot;

namespace RiskSim.Report;

/// <summary>
/// The S-curve: P(cumulative position at the horizon ≤ x) against x, with the plan, the P50/P80/P90
/// contingencies and every given contingency's coverage marked.
/// </summary>
internal static class SCurveChart
{
    private static readonly Color Given = Color.FromHex("#ae017e");

    /// <summary>The chart, or null when the result has no curve.</summary>
    public static ReportChart? Build(RunResult result)
    {
        var curve = result.CumulativePositionCurve;
        if (curve.Count == 0)
        {
            return null;
        }

        var c = result.Contingency;
        var plot = ChartCanvas.NewPlot(
            $"Cumulative budget position at the end of {result.Years[^1]}, £'000 (surplus in brackets)",
            "Share of trials at or below (%)");
        var line = plot.Add.ScatterLine(curve.Select(q => q.Value).ToArray(), curve.Select(q => q.Probability * 100).ToArray(), ChartCanvas.Median);
        line.LineWidth = 2.5f;
        line.LegendText = "Cumulative position (S-curve)";

        var plan = plot.Add.VerticalLine(c.PlanCumulativeGbp, 2, ChartCanvas.Plan, LinePattern.Solid);
        plan.LegendText = $"Plan: {ReportText.Money(c.PlanCumulativeGbp)}";

        var levels = c.Levels;
        var marks = plot.Add.Scatter(
            levels.Select(l => l.CumulativePositionGbp).ToArray(),
            levels.Select(l => l.Confidence * 100).ToArray(),
            ChartCanvas.Reference);
        marks.LineWidth = 0;
        marks.MarkerSize = 9;
        marks.MarkerShape = MarkerShape.FilledCircle;
        marks.LegendText = "P50 / P80 / P90: plan + contingency";
        foreach (var level in levels)
        {
            var label = plot.Add.Text(
                string.Create(CultureInfo.InvariantCulture, $"P{level.Confidence * 100:0}: plan + {ReportText.Money(level.ContingencyGbp)}"),
                level.CumulativePositionGbp,
                level.Confidence * 100);
            label.LabelFontSize = 12;
            label.LabelFontName = ChartCanvas.FontName;
            label.LabelAlignment = Alignment.MiddleLeft;
            label.OffsetX = 8;
        }

        foreach (var coverage in result.Coverages.Where(k => k.AmountGbp != 0))
        {
            var given = plot.Add.VerticalLine(c.PlanCumulativeGbp + coverage.AmountGbp, 2, Given, LinePattern.Solid);
            given.LegendText = $"Contingency {ReportText.Money(coverage.AmountGbp)} covers {coverage.Describe()}";
        }

        ChartCanvas.MoneyTicksBottom(plot);
        ChartCanvas.PercentTicks(plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 100);
        ChartCanvas.LegendBelow(plot);
        return new ReportChart(
            "s-curve",
            "Contingency: the S-curve of the cumulative position",
            "Horizontally the cumulative budget position at the horizon in £'000 (a deficit is positive); vertically the share of trials at or below it (%). "
            + "The contingency at a confidence level is that level's position less the plan's.",
            Reading(result),
            ChartCanvas.ToSvg(plot, "s-curve"));
    }

    /// <summary>The P80 contingency and its interval, P90, and what the plan (and any given contingency) covers.</summary>
    internal static string Reading(RunResult result)
    {
        var c = result.Contingency;
        var p80 = c.Levels.FirstOrDefault(l => Math.Abs(l.Confidence - 0.8) < 1e-9);
        var p90 = c.Levels.FirstOrDefault(l => Math.Abs(l.Confidence - 0.9) < 1e-9);
        var parts = new List<string>();
        if (p80 is not null)
        {
            parts.Add($"To cover 80 % of trials the council would hold {ReportText.Money(p80.ContingencyGbp)} over the plan "
                + $"(95 % interval {ReportText.Money(p80.Ci.Low)} to {ReportText.Money(p80.Ci.High)})");
        }

        if (p90 is not null)
        {
            parts.Add($"{ReportText.Money(p90.ContingencyGbp)} to cover 90 %");
        }

        var own = result.Coverages.FirstOrDefault(k => k.AmountGbp == 0);
        if (own is not null)
        {
            parts.Add($"the plan alone is at {own.Describe()}");
        }

        parts.AddRange(result.Coverages.Where(k => k.AmountGbp != 0).Select(k => $"a contingency of {ReportText.Money(k.AmountGbp)} covers {k.Describe()}"));
        return parts.Count == 0
            ? "No contingency figures in this result."
            : string.Join("; ", parts) + ".";
    }
}
