using System.Globalization;
using System.Text;

namespace RiskSim.Report;

/// <summary>
/// The report's number formats: money through the shared <see cref="Core.Results.Run.Money"/>
/// (£'000 in tables and on axes, £m in sentences, a surplus in brackets as the papers print it),
/// shares as whole percentages, counts with thousands separators.
/// </summary>
internal static class ReportText
{
    /// <summary>£ to £'000 for a table cell or axis tick, e.g. −1,315,000 → "(1,315)": the shared <see cref="Core.Results.Run.Money"/> format.</summary>
    public static string Thousands(double gbp) => Core.Results.Run.Money.Thousands(gbp);

    /// <summary>£ in running text, in £m as the console summary says it: 2,250,000 → "£2.3m", −1,315,000 → "(£1.3m)".</summary>
    public static string Money(double gbp) => Core.Results.Run.Money.Millions(gbp);

    /// <summary>A share in [0, 1] as a percentage, e.g. 0.347 → "35 %"; one decimal below 1 % or above 99 % so a small share is not shown as 0 %.</summary>
    public static string Percent(double share)
    {
        double p = share * 100;
        return p is > 0 and < 1 or > 99 and < 100
            ? p.ToString("0.0", CultureInfo.InvariantCulture) + " %"
            : p.ToString("0", CultureInfo.InvariantCulture) + " %";
    }

    /// <summary>A share's Monte Carlo standard error in percentage points, e.g. "±0.5 pp".</summary>
    public static string PercentSe(double share, long trials)
    {
        double se = trials > 0 ? Math.Sqrt(share * (1 - share) / trials) * 100 : double.NaN;
        return "±" + se.ToString(se < 1 ? "0.0" : "0", CultureInfo.InvariantCulture) + " pp";
    }

    /// <summary>A count (children, trials), rounded: 1120.4 → "1,120".</summary>
    public static string Count(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>An input's value to about four significant figures: 3,995.8675 → "3,996", 373.4237 → "373.4", 0.013 → "0.013".</summary>
    public static string Number(double value)
    {
        double size = Math.Abs(value);
        string format = size >= 1000 ? "#,0" : size >= 100 ? "0.#" : size >= 10 ? "0.##" : size >= 1 ? "0.###" : "0.####";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>A metric value in its unit: £'000 for money columns (<c>_gbp</c>), a count otherwise.</summary>
    public static string Metric(string metric, double value) => IsMoney(metric) ? Thousands(value) : Count(value);

    /// <summary>Whether a metric column is money (its name ends in <c>_gbp</c>).</summary>
    public static bool IsMoney(string metric) => metric.EndsWith("_gbp", StringComparison.Ordinal);

    /// <summary>
    /// Escapes text for an element or a quoted attribute: the five markup characters only, so "£"
    /// and "–" stay readable in the page's source (WebUtility.HtmlEncode turns them into numeric entities).
    /// </summary>
    public static string Html(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var html = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return html.ToString();
    }

    /// <summary>"2024-03" → "March 2024" (the month's name, as a reader says it).</summary>
    public static string MonthName(string month) =>
        DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : month;
}
