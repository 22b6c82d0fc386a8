using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace RiskSim.Report;

/// <summary>
/// What every chart shares: ScottPlot set up with the report's font and colours, axes whose ticks
/// are in the report's formats, and the SVG export made safe to inline several times in one page.
/// </summary>
internal static partial class ChartCanvas
{
    /// <summary>Drawn width in px (the page scales the SVG down on narrow screens through its viewBox).</summary>
    public const int Width = 900;

    /// <summary>Drawn height in px.</summary>
    public const int Height = 420;

    /// <summary>The typeface ScottPlot measures text with and the page names; Debian's fonts-dejavu-core ships it.</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>The outer band of a fan (P5–P95).</summary>
    public static readonly Color OuterBand = Color.FromHex("#9ecae1");

    /// <summary>The inner band of a fan (P25–P75).</summary>
    public static readonly Color InnerBand = Color.FromHex("#4292c6");

    /// <summary>The median line.</summary>
    public static readonly Color Median = Color.FromHex("#08306b");

    /// <summary>The plan (the business case's single line).</summary>
    public static readonly Color Plan = Color.FromHex("#d94801");

    /// <summary>The paper's own figures (milestones, its breakeven year).</summary>
    public static readonly Color Paper = Color.FromHex("#238b45");

    /// <summary>Neutral reference lines (zero).</summary>
    public static readonly Color Reference = Color.FromHex("#525252");

    /// <summary>A new plot with the report's font and a legend in the upper left.</summary>
    public static Plot NewPlot(string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.XLabel(xLabel, 14);
        plot.YLabel(yLabel, 14);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        return plot;
    }

    /// <summary>The legend in a row under the plot, where it never hides a band or a bar.</summary>
    public static void LegendBelow(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = 12;
        plot.Legend.FontName = FontName;
    }

    /// <summary>Left-axis ticks in £'000 with a surplus in brackets.</summary>
    public static void MoneyTicksLeft(Plot plot) =>
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = ReportText.Thousands };

    /// <summary>Bottom-axis ticks in £'000 with a surplus in brackets.</summary>
    public static void MoneyTicksBottom(Plot plot) =>
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = ReportText.Thousands };

    /// <summary>Ticks at 0, 1, … labelled with <paramref name="labels"/> (FYs, inputs) on an axis.</summary>
    public static void LabelTicks(IAxis axis, IReadOnlyList<string> labels)
    {
        var ticks = new NumericManual();
        for (int i = 0; i < labels.Count; i++)
        {
            ticks.AddMajor(i, labels[i]);
        }

        axis.TickGenerator = ticks;
    }

    /// <summary>Percentage ticks (0–100) on an axis.</summary>
    public static void PercentTicks(IAxis axis) =>
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = v => v.ToString("0", CultureInfo.InvariantCulture) + " %" };

    /// <summary>
    /// Renders the plot as an inline <c>&lt;svg&gt;</c>: without the XML declaration, with a
    /// viewBox so it scales, and with every id (ScottPlot's clip paths) renamed after
    /// <paramref name="id"/>, since ids are shared by the whole HTML page and a clip path named
    /// alike in two charts would clip the second chart with the first one's rectangle.
    /// </summary>
    public static string ToSvg(Plot plot, string id, int width = Width, int height = Height)
    {
        string svg = plot.GetSvgXml(width, height);
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("ScottPlot returned no <svg> element.");
        }

        svg = svg[start..];

        // Renumbered in order of appearance: ScottPlot numbers clip paths from a process-wide counter,
        // so the same result would otherwise give a different page on each render.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in IdAttribute().Matches(svg))
        {
            names.TryAdd(m.Groups[1].Value, string.Create(CultureInfo.InvariantCulture, $"{id}-clip{names.Count + 1}"));
        }

        string Renamed(string old) => names.TryGetValue(old, out string? name) ? name : old;
        svg = IdAttribute().Replace(svg, m => $"id=\"{Renamed(m.Groups[1].Value)}\"");
        svg = UrlReference().Replace(svg, m => $"url(#{Renamed(m.Groups[1].Value)})");
        svg = HrefReference().Replace(svg, m => $"href=\"#{Renamed(m.Groups[1].Value)}\"");
        string open = string.Create(
            CultureInfo.InvariantCulture,
            $"<svg class=\"chart-svg\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\" ");
        return open + svg["<svg ".Length..];
    }

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex HrefReference();
}
