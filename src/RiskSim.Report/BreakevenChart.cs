using RiskSim.Core.Results.Run;
using ScottPlot;

namespace RiskSim.Report;

/// <summary>The breakeven year across trials: first and lasting breakeven per FY and "never", the paper's FY highlighted.</summary>
internal static class BreakevenChart
{
    private static readonly Color First = Color.FromHex("#2171b5");
    private static readonly Color Lasting = Color.FromHex("#6a51a3");

    /// <summary>The chart, or null when the distribution does not follow the result's years.</summary>
    public static ReportChart? Build(RunResult result)
    {
        var b = result.Breakeven;
        int n = result.Years.Count;
        if (n == 0 || b.FirstInFy.Count != n || b.LastingInFy.Count != n)
        {
            return null;
        }

        var plot = ChartCanvas.NewPlot("Financial year of breakeven", "Share of trials (%)");
        int paper = b.PaperFy is null ? -1 : IndexOf(result.Years, b.PaperFy);
        if (paper >= 0)
        {
            var span = plot.Add.HorizontalSpan(paper - 0.5, paper + 0.5, ChartCanvas.Paper.WithAlpha(0.15));
            span.LegendText = $"Paper's breakeven year ({b.PaperFy})";
        }

        var firstBars = new List<Bar>();
        var lastingBars = new List<Bar>();
        for (int i = 0; i <= n; i++)
        {
            double first = i < n ? b.FirstInFy[i] : b.FirstNever;
            double lasting = i < n ? b.LastingInFy[i] : b.LastingNever;
            firstBars.Add(new Bar { Position = i - 0.2, Value = first * 100, Size = 0.38, FillColor = First, LineWidth = 0 });
            lastingBars.Add(new Bar { Position = i + 0.2, Value = lasting * 100, Size = 0.38, FillColor = Lasting, LineWidth = 0 });
        }

        plot.Add.Bars(firstBars).LegendText = "First breakeven in this FY";
        plot.Add.Bars(lastingBars).LegendText = "Lasting breakeven from this FY";
        ChartCanvas.LabelTicks(plot.Axes.Bottom, [.. result.Years, "Never"]);
        ChartCanvas.PercentTicks(plot.Axes.Left);
        plot.Axes.Margins(bottom: 0);
        ChartCanvas.LegendBelow(plot);
        return new ReportChart(
            "breakeven",
            "When the programme breaks even",
            "Share of trials (%) whose budget position first reaches zero or below in each FY (first), "
            + "and from which it stays there to the horizon (lasting); \"Never\" within the horizon on the right.",
            Reading(result.Years, b),
            ChartCanvas.ToSvg(plot, "breakeven"));
    }

    /// <summary>P(breakeven by the paper's FY, or by the horizon without one), first and lasting, with standard errors.</summary>
    internal static string Reading(IReadOnlyList<string> years, BreakevenDistribution b)
    {
        int at = b.PaperFy is null ? -1 : IndexOf(years, b.PaperFy);
        string when = at >= 0 ? $"by {years[at]}, the paper's breakeven year" : $"by {years[^1]}, the end of the horizon";
        int i = at >= 0 ? at : years.Count - 1;
        double first = b.FirstByFy[i];
        double lasting = b.LastingByFy[i];
        return $"The chance of breaking even {when}, is {ReportText.Percent(first)} ({ReportText.PercentSe(first, b.Trials)}); "
            + $"of breaking even for good by then {ReportText.Percent(lasting)}; "
            + $"{ReportText.Percent(b.FirstNever)} of trials never break even within the horizon.";
    }

    private static int IndexOf(IReadOnlyList<string> years, string fy)
    {
        for (int i = 0; i < years.Count; i++)
        {
            if (years[i] == fy)
            {
                return i;
            }
        }

        return -1;
    }
}
