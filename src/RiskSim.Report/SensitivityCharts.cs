using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using ScottPlot;

namespace RiskSim.Report;

/// <summary>The tornado and the Sobol bars, drawn when the result carries sensitivity rows.</summary>
internal static class SensitivityCharts
{
    /// <summary>Most inputs a chart shows (the largest effects); the rest are in sensitivity.parquet.</summary>
    public const int MaxInputs = 12;

    private static readonly string Preferred = Metric.CumulativePositionGbp.ColumnName();
    private static readonly Color Low = Color.FromHex("#4292c6");
    private static readonly Color High = Color.FromHex("#ef6548");

    /// <summary>The whole-horizon output the charts show: the cumulative position when present, else the first one.</summary>
    internal static string? OutputOf(IReadOnlyList<SensitivityRow> rows, params string[] methods)
    {
        var candidates = rows.Where(r => r.Fy is null && methods.Contains(r.Method)).Select(r => r.Output).Distinct().ToList();
        return candidates.Contains(Preferred) ? Preferred : candidates.FirstOrDefault();
    }

    /// <summary>The tornado: the output's median with each input held at its P10 and at its P90.</summary>
    public static ReportChart? Tornado(RunResult result)
    {
        string lowMethod = "tornado_low", highMethod = "tornado_high";
        string? output = OutputOf(result.Sensitivity, lowMethod, highMethod);
        if (output is null)
        {
            (lowMethod, highMethod) = ("tornado_decile_low", "tornado_decile_high");
            output = OutputOf(result.Sensitivity, lowMethod, highMethod);
        }

        if (output is null)
        {
            return null;
        }

        var pairs = result.Sensitivity
            .Where(r => r.Output == output && r.Fy is null && r.Method == lowMethod)
            .Select(l => (l.Input, Low: l.Value, High: result.Sensitivity.FirstOrDefault(h => h.Output == output && h.Fy is null && h.Method == highMethod && h.Input == l.Input)?.Value))
            .Where(t => t.High is not null)
            .Select(t => (t.Input, t.Low, High: t.High!.Value))
            .OrderByDescending(t => Math.Abs(t.High - t.Low))
            .Take(MaxInputs)
            .Reverse() // ScottPlot draws position 0 at the bottom; the widest bar goes on top.
            .ToArray();
        if (pairs.Length == 0)
        {
            return null;
        }

        bool money = ReportText.IsMoney(output);
        double? centre = output == Preferred ? SummaryLookup.Rows(result, output)?[^1].P50 : null;
        double mid = centre ?? pairs.Average(p => (p.Low + p.High) / 2);
        var lowBars = new List<Bar>();
        var highBars = new List<Bar>();
        for (int i = 0; i < pairs.Length; i++)
        {
            lowBars.Add(new Bar { Position = i, ValueBase = mid, Value = pairs[i].Low, Size = 0.7, FillColor = Low, LineWidth = 0, Orientation = Orientation.Horizontal });
            highBars.Add(new Bar { Position = i, ValueBase = mid, Value = pairs[i].High, Size = 0.7, FillColor = High, LineWidth = 0, Orientation = Orientation.Horizontal });
        }

        string unit = money ? "£'000 (surplus in brackets)" : "(its own unit)";
        var plot = ChartCanvas.NewPlot($"Median {output} {unit}", string.Empty);
        var lows = plot.Add.Bars(lowBars);
        lows.Horizontal = true;
        lows.LegendText = "Input at its P10";
        var highs = plot.Add.Bars(highBars);
        highs.Horizontal = true;
        highs.LegendText = "Input at its P90";
        var baseLine = plot.Add.VerticalLine(mid, 1.5f, ChartCanvas.Reference, LinePattern.Solid);
        baseLine.LegendText = centre is null ? "Centre of the bars" : "Run's median";
        ChartCanvas.LabelTicks(plot.Axes.Left, [.. pairs.Select(p => p.Input)]);
        if (money)
        {
            ChartCanvas.MoneyTicksBottom(plot);
        }

        ChartCanvas.LegendBelow(plot);
        var top = pairs[^1];
        string Fmt(double v) => money ? ReportText.Money(v) : ReportText.Number(v);
        return new ReportChart(
            "tornado",
            $"Tornado: what moves {output} most",
            $"Median of {output} {unit} with one input held at its 10th and at its 90th percentile and the others left uncertain (common random numbers); the widest bars are on top.",
            $"{top.Input} moves the median {output} the most: from {Fmt(top.Low)} at its P10 to {Fmt(top.High)} at its P90 (a swing of {Fmt(Math.Abs(top.High - top.Low))}).",
            ChartCanvas.ToSvg(plot, "tornado", height: 120 + (32 * pairs.Length)));
    }

    /// <summary>Sobol first-order and total-effect indices per input.</summary>
    public static ReportChart? Sobol(RunResult result)
    {
        string? output = OutputOf(result.Sensitivity, "sobol_first", "sobol_total");
        if (output is null)
        {
            return null;
        }

        var inputs = result.Sensitivity
            .Where(r => r.Output == output && r.Fy is null && r.Method == "sobol_total")
            .Select(t => (t.Input, Total: t.Value, First: result.Sensitivity.FirstOrDefault(f => f.Output == output && f.Fy is null && f.Method == "sobol_first" && f.Input == t.Input)?.Value ?? 0))
            .OrderByDescending(t => t.Total)
            .Take(MaxInputs)
            .Reverse()
            .ToArray();
        if (inputs.Length == 0)
        {
            return null;
        }

        var firstBars = new List<Bar>();
        var totalBars = new List<Bar>();
        for (int i = 0; i < inputs.Length; i++)
        {
            firstBars.Add(new Bar { Position = i - 0.18, Value = inputs[i].First * 100, Size = 0.34, FillColor = Low, LineWidth = 0, Orientation = Orientation.Horizontal });
            totalBars.Add(new Bar { Position = i + 0.18, Value = inputs[i].Total * 100, Size = 0.34, FillColor = High, LineWidth = 0, Orientation = Orientation.Horizontal });
        }

        var plot = ChartCanvas.NewPlot($"Share of the variance of {output} (%)", string.Empty);
        var first = plot.Add.Bars(firstBars);
        first.Horizontal = true;
        first.LegendText = "First order (the input alone)";
        var total = plot.Add.Bars(totalBars);
        total.Horizontal = true;
        total.LegendText = "Total effect (with its interactions)";
        ChartCanvas.LabelTicks(plot.Axes.Left, [.. inputs.Select(p => p.Input)]);
        ChartCanvas.PercentTicks(plot.Axes.Bottom);
        plot.Axes.Margins(left: 0);
        ChartCanvas.LegendBelow(plot);
        var top = inputs[^1];
        return new ReportChart(
            "sobol",
            $"Sobol indices: which inputs explain the spread of {output}",
            $"Share of the variance of {output} (%) each input explains alone (first order) and with its interactions (total effect); the largest on top.",
            $"{top.Input} explains about {ReportText.Percent(top.First)} of the variance of {output} on its own and {ReportText.Percent(top.Total)} with its interactions.",
            ChartCanvas.ToSvg(plot, "sobol", height: 120 + (36 * inputs.Length)));
    }
}
