using System.Globalization;
using System.Text;

namespace RiskSim.Analysis.Compare;

/// <summary>
/// The compare report as Markdown (<c>compare.md</c>): the two runs, how the standard errors were
/// found, and every compared figure with B − A, its standard error and 95 % interval.
/// </summary>
public static class CompareMarkdown
{
    /// <summary>The file name.</summary>
    public const string FileName = "compare.md";

    /// <summary>The report's text.</summary>
    public static string Render(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var text = new StringBuilder();
        void Line(string s = "") => text.Append(s).Append('\n');
        Line("# RiskSim compare");
        Line();
        Line("| | run | scenario | seed | trials | design | plan's cumulative position |");
        Line("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, side) in new[] { ("A", comparison.A), ("B", comparison.B) })
        {
            Line(Invariant($"| {name} | `{side.Label}` | {side.ScenarioName} | {side.Seed?.ToString(CultureInfo.InvariantCulture) ?? "?"} | {side.Trials:#,0} | {side.Sampling ?? "?"} | {Gbp(side.PlanCumulativeGbp)} |"));
        }

        Line();
        Line("Differences are B − A. " + comparison.Method + " The 95 % interval is the difference ± 1.96 standard errors.");
        Line();
        Section(comparison, "P(first breakeven by FY)", Comparer.BreakevenByFy, Percent, PercentPoints, Points);
        Section(comparison, "P(lasting breakeven by FY): the position stays ≤ 0 from then to the horizon", Comparer.LastingBreakevenByFy, Percent, PercentPoints, Points);
        Line("## Contingency over each run's own plan, at the horizon (£)");
        Line();
        Line("| level | A | B | B − A | SE | 95 % interval |");
        Line("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var row in comparison.Rows.Where(r => r.Measure.StartsWith("contingency_", StringComparison.Ordinal)))
        {
            string level = row.Measure["contingency_".Length..].Replace("_gbp", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            Line($"| {level} | {Gbp(row.A)} | {Gbp(row.B)} | {SignedGbp(row.Difference)} | {Gbp(row.DifferenceSe)} | {SignedGbp(row.CiLow)} to {SignedGbp(row.CiHigh)} |");
        }

        Line();
        foreach (string measure in new[] { Comparer.LacEnd(0.1), Comparer.LacEnd(0.5), Comparer.LacEnd(0.9) })
        {
            string level = measure["lac_end_".Length..].ToUpperInvariant();
            Section(comparison, $"Looked-after children at 31 March, {level} (children)", measure, Children, SignedChildren, Children);
        }

        return text.ToString();

        void Section(Comparison c, string title, string measure, Func<double, string> value, Func<double, string> difference, Func<double, string> error)
        {
            Line("## " + title);
            Line();
            Line("| FY | A | B | B − A | SE | 95 % interval |");
            Line("| --- | ---: | ---: | ---: | ---: | --- |");
            foreach (var row in c.Rows.Where(r => r.Measure == measure))
            {
                Line($"| {row.Fy} | {value(row.A)} | {value(row.B)} | {difference(row.Difference)} | {error(row.DifferenceSe)} | {difference(row.CiLow)} to {difference(row.CiHigh)} |");
            }

            Line();
        }
    }

    /// <summary>Writes the report to <paramref name="path"/>.</summary>
    public static void Write(string path, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            writer.Write(Render(comparison));
        }

        stream.Flush(flushToDisk: true);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double share) => Invariant($"{share * 100:0.0} %");

    private static string PercentPoints(double share) => Invariant($"{share * 100:+0.0;−0.0;0.0} pp");

    private static string Points(double share) => Invariant($"{share * 100:0.0} pp");

    private static string Children(double n) => Invariant($"{n:#,0.#}");

    private static string SignedChildren(double n) => Invariant($"{n:+#,0.#;−#,0.#;0}");

    /// <summary>Whole £ in the one money format (a surplus in parentheses).</summary>
    private static string Gbp(double gbp) => Core.Results.Run.Money.Pounds(gbp);

    private static string SignedGbp(double gbp) => gbp < 0 ? Invariant($"−£{-gbp:#,0}") : Invariant($"+£{gbp:#,0}");
}
