using System.Globalization;
using RiskSim.Analysis.Compare;
using RiskSim.Core.Results.Run;
using Spectre.Console;

namespace RiskSim.Cli.Commands;

/// <summary>
/// Prints a <see cref="Comparison"/> in at most 80 columns: the two runs, P(breakeven by FY), the
/// contingency over plan at P50/P80/P90 and LAC at P50 by FY, each with B − A and its standard error.
/// </summary>
public static class CompareSummary
{
    /// <summary>The widest line printed, in characters.</summary>
    public const int Width = 80;

    /// <summary>Writes the comparison to <paramref name="console"/>.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="comparison">The comparison.</param>
    /// <param name="outputDirectory">Where the files went, or null.</param>
    public static void Write(IAnsiConsole console, Comparison comparison, string? outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(comparison);
        foreach (string line in Lines(comparison, outputDirectory))
        {
            console.WriteLine(line);
        }
    }

    /// <summary>The lines printed (each at most <see cref="Width"/> characters).</summary>
    public static IReadOnlyList<string> Lines(Comparison comparison, string? outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var lines = new List<string>
        {
            "Compare: B − A, each ± its Monte Carlo standard error (SE)",
            Side("A", comparison.A),
            Side("B", comparison.B),
            comparison.Paired
                ? comparison.CommonRandomNumbers
                    ? "Paired on common random numbers (same seed and trials): paired SEs."
                    : "Paired by trial index (different seeds): paired SEs, little correlation."
                : "Independent runs (different trials): unpaired SEs.",
            Headline(comparison),
            string.Empty,
            Row("P(broken even by FY)", "A", "B", "B − A (± SE)"),
        };
        foreach (var row in comparison.Rows.Where(r => r.Measure == Comparer.BreakevenByFy))
        {
            lines.Add(Row("  " + row.Fy, Percent(row.A), Percent(row.B), Invariant($"{Signed(row.Difference * 100, "0.0")} pp (±{Points(row.DifferenceSe)})")));
        }

        lines.Add(string.Empty);
        lines.Add(Row("Contingency over plan", "A", "B", "B − A (± SE)"));
        foreach (var row in comparison.Rows.Where(r => r.Measure.StartsWith("contingency_", StringComparison.Ordinal)))
        {
            string level = row.Measure["contingency_".Length..].Replace("_gbp", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            lines.Add(Row("  " + level + " " + row.Fy, Millions(row.A), Millions(row.B), Invariant($"{SignedMillions(row.Difference)} (±{Math.Abs(row.DifferenceSe) / 1e6:0.0}m)")));
        }

        lines.Add(string.Empty);
        lines.Add(Row("LAC at 31 March, P50", "A", "B", "B − A (± SE)"));
        foreach (var row in comparison.Rows.Where(r => r.Measure == Comparer.LacEnd(0.5)))
        {
            lines.Add(Row("  " + row.Fy, Invariant($"{row.A:#,0}"), Invariant($"{row.B:#,0}"), Invariant($"{Signed(row.Difference, "#,0.#")} (±{row.DifferenceSe:#,0.#})")));
        }

        lines.Add(string.Empty);
        lines.Add(outputDirectory is null
            ? "Lasting breakeven and LAC P10/P90 too: add --out DIR (compare.parquet, .md)."
            : Fit($"Written to {outputDirectory}: compare.parquet, compare.md."));
        return lines;
    }

    /// <summary>One line on breakeven by the horizon's end and the P80 contingency, the two figures finance asks for first.</summary>
    private static string Headline(Comparison comparison)
    {
        int last = comparison.Years.Count - 1;
        var breakeven = comparison.Find(Comparer.BreakevenByFy, last)!;
        var p80 = comparison.Find(Comparer.Contingency(0.8), last)!;
        return Fit(Invariant(
            $"Breakeven by {breakeven.Fy}: {Signed(breakeven.Difference * 100, "0.0")} pp (±{Points(breakeven.DifferenceSe)}); P80 contingency {SignedMillions(p80.Difference)} (±{p80.DifferenceSe / 1e6:0.0}m)"));
    }

    private static string Side(string name, CompareSideInfo side)
    {
        string seed = side.Seed is { } s ? s.ToString(CultureInfo.InvariantCulture) : "?";
        string facts = Invariant($" (seed {seed}, {side.Trials:#,0} trials, {side.Sampling ?? "?"})");
        return Fit($"  {name}  {side.ScenarioName}: {side.Label}", facts);
    }

    /// <summary>Label in 24 columns, A and B in 12 each, the difference in the rest (≤ 80 in all).</summary>
    private static string Row(string label, string a, string b, string difference) =>
        Fit(label.PadRight(24) + a.PadLeft(12) + b.PadLeft(12) + "   " + difference);

    /// <summary>Cuts <paramref name="text"/> (keeping <paramref name="tail"/> whole) so the line fits <see cref="Width"/>.</summary>
    private static string Fit(string text, string tail = "")
    {
        int room = Width - tail.Length;
        return (text.Length <= room ? text : string.Concat(text.AsSpan(0, Math.Max(0, room - 1)), "…")) + tail;
    }

    private static string Percent(double share) => Invariant($"{share * 100:0.0} %");

    /// <summary>With a sign, and none when the figure rounds to zero (never "−0.0").</summary>
    private static string Signed(double value, string format)
    {
        string digits = Math.Abs(value).ToString(format, CultureInfo.InvariantCulture);
        bool zero = double.Parse(digits, CultureInfo.InvariantCulture) == 0;
        return zero ? digits : (value > 0 ? "+" : "−") + digits;
    }

    /// <summary>A share's SE in percentage points: one decimal, two when it is below 0.1.</summary>
    private static string Points(double se) =>
        (se * 100).ToString(se * 100 < 0.095 && se > 0 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    /// <summary>The one money format: a deficit positive, a surplus in parentheses, as the papers print them.</summary>
    private static string Millions(double gbp) => Money.Millions(gbp);

    private static string SignedMillions(double gbp) =>
        gbp < 0 ? Invariant($"−£{-gbp / 1e6:0.0}m") : Invariant($"+£{gbp / 1e6:0.0}m");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
