using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;

namespace RiskSim.Report;

/// <summary>The report's tables: the paper's rows at plan / P10 / P50 / P90, contingency, inputs, run metadata.</summary>
internal static partial class ReportTables
{
    /// <summary>
    /// The paper's own rows in its order, FYs across as the paper prints them; under each row its
    /// figures as printed (when the scenario gives them), the plan and the P10 / P50 / P90 across trials.
    /// </summary>
    public static string PaperTable(RunResult result)
    {
        if (result.PaperTable.Count == 0)
        {
            return "<p>The scenario gives no rows of the paper's table.</p>";
        }

        var html = new StringBuilder();
        html.Append("<table class=\"paper\"><thead><tr><th scope=\"col\">Row</th><th scope=\"col\">Figure</th>");
        foreach (string fy in result.Years)
        {
            html.Append("<th scope=\"col\" class=\"num\">").Append(ReportText.Html(fy)).Append("</th>");
        }

        html.Append("</tr></thead>");
        foreach (var row in result.PaperTable)
        {
            string unit = ReportText.IsMoney(row.Metric) ? "£'000" : "count";
            html.Append("<tbody>");
            bool hasPaper = row.Reference.Any(r => r is not null);
            int span = hasPaper ? 5 : 4;
            AppendFigures(html, $"<th scope=\"rowgroup\" rowspan=\"{span}\">{ReportText.Html(row.Label)}<br><span class=\"unit\">{unit}</span></th>", "Paper", row.Metric, row.Reference, hasPaper, "paper-row");
            AppendFigures(html, hasPaper ? string.Empty : $"<th scope=\"rowgroup\" rowspan=\"{span}\">{ReportText.Html(row.Label)}<br><span class=\"unit\">{unit}</span></th>", "Plan", row.Metric, [.. row.Plan.Select(v => (double?)v)], true, "plan-row");
            AppendFigures(html, string.Empty, "P10", row.Metric, [.. row.P10.Select(v => (double?)v)], true, null);
            AppendFigures(html, string.Empty, "P50", row.Metric, [.. row.P50.Select(v => (double?)v)], true, "median-row");
            AppendFigures(html, string.Empty, "P90", row.Metric, [.. row.P90.Select(v => (double?)v)], true, null);
            html.Append("</tbody>");
        }

        return html.Append("</table>").ToString();
    }

    private static void AppendFigures(StringBuilder html, string head, string figure, string metric, IReadOnlyList<double?> values, bool show, string? css)
    {
        if (!show)
        {
            return;
        }

        html.Append(css is null ? "<tr>" : $"<tr class=\"{css}\">").Append(head).Append("<td>").Append(figure).Append("</td>");
        foreach (var v in values)
        {
            html.Append("<td class=\"num\">").Append(v is { } x ? ReportText.Metric(metric, x) : "–").Append("</td>");
        }

        html.Append("</tr>");
    }

    /// <summary>P50 / P80 / P90 contingency with intervals, CVaR90, and the paper-assumption outcome when present.</summary>
    public static string Contingency(RunResult result)
    {
        var c = result.Contingency;
        var html = new StringBuilder();
        html.Append("<table><thead><tr><th scope=\"col\">Confidence</th><th scope=\"col\" class=\"num\">Cumulative position, £'000</th>")
            .Append("<th scope=\"col\" class=\"num\">Contingency over plan, £'000</th><th scope=\"col\" class=\"num\">95 % interval, £'000</th></tr></thead><tbody>");
        html.Append("<tr class=\"plan-row\"><td>Plan</td><td class=\"num\">").Append(ReportText.Thousands(c.PlanCumulativeGbp)).Append("</td><td class=\"num\">0</td><td></td></tr>");
        foreach (var level in c.Levels)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>P{level.Confidence * 100:0}</td><td class=\"num\">{ReportText.Thousands(level.CumulativePositionGbp)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{ReportText.Thousands(level.ContingencyGbp)}</td><td class=\"num\">{ReportText.Thousands(level.Ci.Low)} to {ReportText.Thousands(level.Ci.High)}</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<tr><td>CVaR90 (mean of the worst 10 %)</td><td></td><td class=\"num\">{ReportText.Thousands(c.Cvar90Gbp)}</td><td class=\"num\">±{ReportText.Thousands(1.96 * c.Cvar90SeGbp)}</td></tr>");
        html.Append("</tbody></table>");
        if (result.Coverages.Count > 0)
        {
            html.Append("<ul class=\"coverage\">");
            foreach (var k in result.Coverages)
            {
                string what = k.AmountGbp == 0 ? "The plan's own cumulative position (no contingency)" : $"A contingency of {ReportText.Money(k.AmountGbp)}";
                html.Append("<li>").Append(ReportText.Html(what)).Append(" covers ").Append(ReportText.Html(k.Describe())).Append(" of trials.</li>");
            }

            html.Append("</ul>");
        }

        if (result.Unadjusted is { } u)
        {
            html.Append("<p>As the paper assumes (benefit realisation factor held at plan, same trials): cumulative position P50 ")
                .Append(ReportText.Html(ReportText.Money(u.P50))).Append(", P80 ").Append(ReportText.Html(ReportText.Money(u.P80)))
                .Append(", P90 ").Append(ReportText.Html(ReportText.Money(u.P90))).Append("; the plan is at ")
                .Append(ReportText.Html(u.PlanCoverage.Describe())).Append(".</p>");
        }

        return html.ToString();
    }

    /// <summary>Every uncertain input: distribution, plan value, P10 / P50 / P90 and its source (links kept as links).</summary>
    public static string Inputs(RunResult result)
    {
        if (result.Inputs.Count == 0)
        {
            return "<p>No uncertain inputs: every figure was held at plan.</p>";
        }

        var html = new StringBuilder();
        html.Append("<table class=\"inputs\"><colgroup><col class=\"name\"><col class=\"dist\"><col span=\"4\" class=\"value\"><col class=\"src\"></colgroup><thead><tr><th scope=\"col\">Input</th><th scope=\"col\">Distribution</th>")
            .Append("<th scope=\"col\" class=\"num\">Plan</th><th scope=\"col\" class=\"num\">P10</th><th scope=\"col\" class=\"num\">P50</th><th scope=\"col\" class=\"num\">P90</th><th scope=\"col\">Source</th></tr></thead><tbody>");
        foreach (var input in result.Inputs)
        {
            html.Append("<tr><td><code>").Append(ReportText.Html(input.Name)).Append("</code></td><td>").Append(ReportText.Html(input.Distribution)).Append("</td>")
                .Append("<td class=\"num\">").Append(ReportText.Number(input.Plan)).Append("</td>")
                .Append("<td class=\"num\">").Append(ReportText.Number(input.P10)).Append("</td>")
                .Append("<td class=\"num\">").Append(ReportText.Number(input.P50)).Append("</td>")
                .Append("<td class=\"num\">").Append(ReportText.Number(input.P90)).Append("</td>")
                .Append("<td class=\"source\">").Append(input.Source is null ? "<em>not given</em>" : Linked(input.Source)).Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>Seed, trials, design, scenario hash, versions: what it takes to reproduce the run.</summary>
    public static string Metadata(RunResult result)
    {
        var m = result.Metadata;
        var rows = new List<(string, string)>
        {
            ("Scenario", m.ScenarioName),
            ("Scenario file SHA-256", m.ScenarioSha256),
            ("Seed", m.Seed.ToString(CultureInfo.InvariantCulture)),
            ("Trials", ReportText.Count(m.Trials)),
            ("Input design", m.Sampling switch
            {
                "lhs" => "lhs (Latin hypercube)",
                "fixed" => "fixed (every input at plan; only the flows random)",
                _ => "mc (independent draws)",
            }),
            ("RiskSim version", m.EngineVersion),
            ("Output schema version", RunMetadata.SchemaVersion.ToString(CultureInfo.InvariantCulture)),
        };
        if (m.PrecisionTargetGbp is { } target)
        {
            rows.Add(("--precision target (P80 contingency, ±)", ReportText.Money(target)));
            rows.Add(("Precision reached (±)", m.PrecisionReachedGbp is { } reached ? ReportText.Money(reached) : "–"));
        }

        var html = new StringBuilder("<table class=\"meta\"><tbody>");
        foreach (var (key, value) in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(ReportText.Html(key)).Append("</th><td>").Append(ReportText.Html(value)).Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>Escapes a source text and turns the web addresses in it into links (to sources, which the page never fetches).</summary>
    internal static string Linked(string source)
    {
        var html = new StringBuilder();
        int at = 0;
        foreach (Match m in WebAddress().Matches(source))
        {
            html.Append(ReportText.Html(source[at..m.Index]));
            string url = ReportText.Html(m.Value);
            html.Append("<a href=\"").Append(url).Append("\" rel=\"noreferrer\">").Append(url).Append("</a>");
            at = m.Index + m.Length;
        }

        return html.Append(ReportText.Html(source[at..])).ToString();
    }

    [GeneratedRegex(@"https?://[^\s<>""')\]]+")]
    private static partial Regex WebAddress();
}
