using System.Text;
using RiskSim.Core.Results.Run;

namespace RiskSim.Report;

/// <summary>Lays a <see cref="RunResult"/> out as one HTML page: headline readings, the charts, the tables.</summary>
internal static class ReportDocument
{
    /// <summary>The charts this result can show, in reading order (the sensitivity ones only with sensitivity rows).</summary>
    public static IReadOnlyList<ReportChart> Charts(RunResult result) =>
    [
        .. new[]
        {
            LacFanChart.Build(result),
            PositionFanChart.Build(result),
            BreakevenChart.Build(result),
            SCurveChart.Build(result),
            SensitivityCharts.Tornado(result),
            SensitivityCharts.Sobol(result),
        }.OfType<ReportChart>(),
    ];

    /// <summary>The whole page.</summary>
    public static string Render(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var charts = Charts(result);
        var html = new StringBuilder(256 * 1024);
        string title = $"RiskSim report: {result.Scenario.Name}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(ReportText.Html(title)).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyle.Css).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<header><h1>").Append(ReportText.Html(title)).Append("</h1>\n<p class=\"sub\">");
        if (result.Scenario.Source is { } source)
        {
            html.Append(ReportTables.Linked(source.TrimEnd().TrimEnd('.'))).Append(". ");
        }

        html.Append(ReportText.Html($"{ReportText.Count(result.Metadata.Trials)} trials, seed {result.Metadata.Seed}, FYs {result.Years[0]} to {result.Years[^1]}. "))
            .Append("Money in £'000 in tables and on axes, in £m in sentences; a surplus (negative) in brackets, as the paper prints it.</p></header>\n");

        html.Append("<section class=\"headline\" aria-label=\"Headline\"><ul>\n");
        foreach (var chart in charts)
        {
            html.Append("<li><a href=\"#").Append(chart.Id).Append("\">").Append(ReportText.Html(chart.Title)).Append("</a>: ")
                .Append(ReportText.Html(chart.Reading)).Append("</li>\n");
        }

        html.Append("</ul></section>\n");
        foreach (var chart in charts)
        {
            html.Append("<figure class=\"chart\" id=\"").Append(chart.Id).Append("\">\n<h2 id=\"").Append(chart.Id).Append("-title\">")
                .Append(ReportText.Html(chart.Title)).Append("</h2>\n<p class=\"units\">").Append(ReportText.Html(chart.Units)).Append("</p>\n")
                .Append(chart.Svg).Append('\n')
                .Append("<figcaption class=\"reading\">").Append(ReportText.Html(chart.Reading)).Append("</figcaption>\n</figure>\n");
        }

        Section(html, "contingency", "Contingency over the plan", ReportTables.Contingency(result));
        Section(html, "paper-table", "The paper's table: plan, P10, P50, P90", ReportTables.PaperTable(result));
        Section(html, "inputs", "Uncertain inputs", ReportTables.Inputs(result));
        Section(html, "metadata", "Run", ReportTables.Metadata(result));
        html.Append("<footer>Made by RiskSim ").Append(ReportText.Html(result.Metadata.EngineVersion))
            .Append(". The page is self-contained: charts are inline SVG drawn with ScottPlot (MIT licence); it runs no script and fetches nothing.</footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Section(StringBuilder html, string id, string heading, string body) =>
        html.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(ReportText.Html(heading)).Append("</h2>\n<div class=\"table-wrap\">")
            .Append(body).Append("</div>\n</section>\n");
}
