using System.Text.RegularExpressions;
using RiskSim.Report;

namespace RiskSim.Tests.Report;

/// <summary>The report's page as text: every chart there and drawn, nothing fetched, readings computed from the result.</summary>
public sealed partial class HtmlReportTests
{
    private static readonly string[] CoreCharts = ["lac-fan", "position-fan", "breakeven", "s-curve"];

    [Fact]
    public void Every_chart_is_an_inline_svg_with_drawn_paths()
    {
        string html = HtmlReportExporter.Render(SampleRunResult.Create());
        foreach (string id in CoreCharts)
        {
            string figure = Figure(html, id);
            Assert.Contains("<svg", figure, StringComparison.Ordinal);
            Assert.True(DrawnPath().Matches(figure).Count >= 5, $"chart {id} has fewer than 5 drawn paths");
            Assert.Contains("<figcaption class=\"reading\">", figure, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("id=\"tornado\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"sobol\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_rows_add_the_tornado_and_the_sobol_bars()
    {
        string html = HtmlReportExporter.Render(SampleRunResult.Create(withSensitivity: true));
        foreach (string id in new[] { "tornado", "sobol" })
        {
            string figure = Figure(html, id);
            Assert.True(DrawnPath().Matches(figure).Count >= 8, $"chart {id} has fewer than 8 drawn paths (4 inputs × 2 bars)");
        }

        Assert.Contains("entries_rate_multiplier moves the median cumulative_position_gbp the most: from (£2.4m) at its P10 to £0.4m at its P90 (a swing of £2.8m)", html, StringComparison.Ordinal);
        Assert.Contains("entries_rate_multiplier explains about 41 % of the variance of cumulative_position_gbp on its own and 45 %", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_fetches_nothing_and_runs_no_script()
    {
        string html = HtmlReportExporter.Render(SampleRunResult.Create(withSensitivity: true));

        // The acceptance check's own pattern for a network fetch, plus any script at all.
        Assert.DoesNotMatch(NetworkFetch(), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@font-face", html, StringComparison.OrdinalIgnoreCase);

        // Links to sources are fine (and kept).
        Assert.Contains("<a href=\"https://example.org/cabinet-paper.pdf\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_unique_across_the_page_so_each_chart_clips_to_its_own_rectangle()
    {
        string html = HtmlReportExporter.Render(SampleRunResult.Create(withSensitivity: true));
        var ids = IdAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(ids, i => i.StartsWith("s-curve-", StringComparison.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (Match reference in UrlReference().Matches(html))
        {
            Assert.Contains(reference.Groups[1].Value, ids);
        }
    }

    [Fact]
    public void Readings_quote_the_result_s_own_figures()
    {
        var result = SampleRunResult.Create();
        string html = HtmlReportExporter.Render(result);

        // The fan's last month (March 2024): P5 = 976.4 − 1.6 × 69 = 866.0, P95 = 1,086.8, plan 929.2 just above P25 (928.1).
        Assert.Contains("at the end of March 2024 is between 866 and 1,087 (median 976); the plan&#39;s 929 is between the 25th percentile and the median", html, StringComparison.Ordinal);

        // 2023/24 position: median −1,300,000, sd 600,000, so P5 = −2,287,000 and P95 = −313,000; the median first ≤ 0 in 2021/22.
        Assert.Contains("In 2023/24 the budget position is between (£2.3m) and (£0.3m) in 90 % of trials, with a median of (£1.3m) against the plan&#39;s (£1.6m); the median position first breaks even in 2021/22, the plan in 2021/22.", html, StringComparison.Ordinal);

        // P(first breakeven by 2022/23) = 0.72 with 10,000 trials: se = √(0.72 × 0.28 / 10,000) = 0.45 pp.
        Assert.Contains("The chance of breaking even by 2022/23, the paper&#39;s breakeven year, is 72 % (±0.4 pp); of breaking even for good by then 66 %; 16 % of trials never", html, StringComparison.Ordinal);

        // P80 = −1,000,000 + 2,000,000 × z(0.8) = 683,242; less the plan's −2,200,000 gives 2,883,242.
        var p80 = result.Contingency.Levels[1];
        Assert.Equal(2_883_242, p80.ContingencyGbp, 0);
        Assert.Contains("To cover 80 % of trials the council would hold £2.9m over the plan (95 % interval £2.8m to £2.9m)", html, StringComparison.Ordinal);
        Assert.Contains("the plan alone is at P27.0 (±0.4); a contingency of £2.3m covers P61.0 (±0.5).", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Paper_table_keeps_the_paper_s_rows_with_plan_and_percentiles_in_its_units()
    {
        string html = HtmlReportExporter.Render(SampleRunResult.Create());
        string table = Section(html, "paper-table");
        Assert.True(table.IndexOf("Budget position", StringComparison.Ordinal) < table.IndexOf("LAC at 31 March", StringComparison.Ordinal));
        foreach (string figure in new[] { ">Paper<", ">Plan<", ">P10<", ">P50<", ">P90<" })
        {
            Assert.Contains(figure, table, StringComparison.Ordinal);
        }

        Assert.Contains("<td class=\"num\">(1,700)</td>", table, StringComparison.Ordinal); // the paper's 2023/24 position, £'000
        Assert.Contains("<td class=\"num\">(2,070)</td>", table, StringComparison.Ordinal); // P10 = −1,300,000 − 770,000
        Assert.Contains("<td class=\"num\">1,070</td>", table, StringComparison.Ordinal); // LAC P90, a count
    }

    [Fact]
    public void Inputs_table_escapes_sources_and_links_their_addresses()
    {
        string inputs = Section(HtmlReportExporter.Render(SampleRunResult.Create()), "inputs");
        Assert.Contains("PERT(min 0.5, mode 0.85, max 1)", inputs, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/p.pdf\" rel=\"noreferrer\">https://example.org/p.pdf</a> &lt;p. 4&gt;", inputs, StringComparison.Ordinal);
        Assert.Contains("<em>not given</em>", inputs, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_names_what_it_takes_to_reproduce_the_run()
    {
        string meta = Section(HtmlReportExporter.Render(SampleRunResult.Create()), "metadata");
        Assert.Contains(new string('a', 64), meta, StringComparison.Ordinal);
        Assert.Contains("<td>42</td>", meta, StringComparison.Ordinal);
        Assert.Contains("<td>10,000</td>", meta, StringComparison.Ordinal);
        Assert.Contains("mc (independent draws)", meta, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        string dir = Directory.CreateTempSubdirectory("risksim-report-").FullName;
        try
        {
            string path = Path.Combine(dir, HtmlReportExporter.ReportFileName);
            File.WriteAllText(path, "old");
            new HtmlReportExporter(path).Export(SampleRunResult.Create());
            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(path), StringComparison.Ordinal);
            Assert.Equal([path], Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(-1_315_000, "(1,315)")]
    [InlineData(2_250_000, "2,250")]
    [InlineData(-400, "0")]
    [InlineData(1_499_500, "1,500")]
    [InlineData(-1_499_500, "(1,500)")]
    public void Money_is_in_thousands_with_a_surplus_in_brackets(double gbp, string expected) =>
        Assert.Equal(expected, ReportText.Thousands(gbp));

    internal static string Figure(string html, string id)
    {
        int start = html.IndexOf($"<figure class=\"chart\" id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no chart {id} in the report");
        int end = html.IndexOf("</figure>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static string Section(string html, string id)
    {
        int start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<path[^>]* d=\"M[^\"]+\"")]
    private static partial Regex DrawnPath();

    [GeneratedRegex("""<(script|link|img|iframe|source)[^>]*(src|href)=["']?(https?:)?//|@import[^;]*https?://|url\(["']?https?://""", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkFetch();

    [GeneratedRegex(" id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();
}
