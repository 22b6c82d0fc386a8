using System.Globalization;
using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using Spectre.Console;

namespace RiskSim.Cli.Rendering;

/// <summary>
/// The console exporter of a run: the few numbers finance and analysts look at first, laid out
/// from the <see cref="RunResult"/> (it computes nothing). Tables fit the console's width
/// (<see cref="FittedTable"/>), so nothing wraps mid-value in an 80-column terminal.
/// </summary>
public sealed class RunSummary(IAnsiConsole console, RunOptions options, TimeSpan elapsed, string outputDirectory) : IRunResultExporter
{
    /// <summary>Below this width, layouts that have a narrow form use it (e.g. the plan table's difference share on its own row).</summary>
    public const int WideLayoutWidth = 120;

    private const string PositionTitle = "Budget position by FY, £'000 ((surplus)/deficit; P80/P90 = the level not exceeded in 80 %/90 % of trials)";

    /// <inheritdoc />
    public string Name => "console";

    /// <summary>Prints the summary of <paramref name="result"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, RunResult result, RunOptions options, TimeSpan elapsed, string outputDirectory) =>
        new RunSummary(console, options, elapsed, outputDirectory).Export(result);

    /// <inheritdoc />
    public void Export(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var years = result.Years;
        int last = years.Count - 1;
        var rows = result.Summary.ToDictionary(r => (r.Fy.Label, r.Metric));
        var plan = result.Plan.ToDictionary(p => (p.Fy, p.Metric), p => p.Value);
        string position = Metric.PositionGbp.ColumnName();
        string lacEnd = Metric.LacEnd.ColumnName();

        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(result.Scenario.Name)}[/]: {result.Metadata.Trials:#,0} trials, seed {result.Metadata.Seed}, {options.Threads} thread{(options.Threads == 1 ? "" : "s")}, "
            + $"{(options.InputUncertainty ? "uncertain inputs" : "inputs fixed at plan")}, {elapsed.TotalSeconds:0.0} s. Results in {Markup.Escape(outputDirectory)}/"));

        string[] money(string fy)
        {
            var row = rows[(fy, position)];
            double p = plan[(fy, position)];
            return [Money.Thousands(p), Money.Thousands(row.Mean), Money.Thousands(row.P50), Money.Thousands(row.P80), Money.Thousands(row.P90), Money.Thousands(row.P80 - p)];
        }

        string[] odds(string fy, int f)
        {
            var lac = rows[(fy, lacEnd)];
            return
            [
                result.Breakeven.FirstByFy[f].ToString("0.0%", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{lac.P10:#,0}–{lac.P90:#,0} ({plan[(fy, lacEnd)]:#,0})"),
            ];
        }

        // One table on a wide console; on a narrow one FittedTable splits the columns over two.
        var table = new FittedTable(PositionTitle, "FY", ["plan", "mean", "P50", "P80", "P90", "P80 − plan", "P(broken even by FY)", "LAC 31 Mar P10–P90 (plan)"]);
        for (int f = 0; f < years.Count; f++)
        {
            table.AddRow([years[f], .. money(years[f]), .. odds(years[f], f)]);
        }

        table.Write(console);

        var cumulative = rows[(years[last], Metric.CumulativePositionGbp.ColumnName())];
        var contingency = result.Contingency;
        double planCumulative = contingency.PlanCumulativeGbp;
        console.MarkupLine(
            $"Cumulative position {years[0]}–{years[last]}: plan {Money.Millions(planCumulative)}, "
            + $"P50 {Money.Millions(cumulative.P50)}, P80 {Money.Millions(cumulative.P80)}, P90 {Money.Millions(cumulative.P90)}.");
        var p80 = contingency.Levels.First(l => l.Confidence == 0.8);
        var p90 = contingency.Levels.First(l => l.Confidence == 0.9);
        console.MarkupLine(
            $"Contingency over the plan to be covered at 80 % confidence: [bold]{Money.Millions(p80.ContingencyGbp)}[/] "
            + $"(95 % CI {Money.Millions(p80.Ci.Low)} to {Money.Millions(p80.Ci.High)}); "
            + $"at 90 %: [bold]{Money.Millions(p90.ContingencyGbp)}[/] "
            + $"(95 % CI {Money.Millions(p90.Ci.Low)} to {Money.Millions(p90.Ci.High)}); "
            + $"over the plan in the worst 10 % of trials on average (CVaR90): {Money.Millions(contingency.Cvar90Gbp)} (standard error {Money.Millions(contingency.Cvar90SeGbp)}).");

        foreach (var coverage in result.Coverages)
        {
            console.MarkupLine(coverage.AmountGbp == 0
                ? $"The plan's cumulative position sits at [bold]{coverage.Describe()}[/] of the trials."
                : $"A {Money.Millions(coverage.AmountGbp)} contingency{(coverage.Label is { } label ? $" ({Markup.Escape(label)}, in the scenario)" : "")} covers [bold]{coverage.Describe()}[/].");
        }

        WriteUnadjusted(result, planCumulative);
        WriteBreakeven(result);
    }

    private void WriteUnadjusted(RunResult result, double planCumulative)
    {
        if (result.Unadjusted is not { } unadjusted
            || result.Inputs.FirstOrDefault(i => i.Name == Realisation.ColumnName) is not { } factor)
        {
            return;
        }

        var coverage0 = result.Coverages.FirstOrDefault(c => c.AmountGbp == 0);
        int paperIndex = result.Scenario.PaperBreakevenFy is { } fy ? IndexOf(result.Years, fy) : -1;
        string breakevenText = paperIndex >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"; P(breakeven by {result.Scenario.PaperBreakevenFy}) = {unadjusted.BreakevenByFy[paperIndex]:0.0%}")
            : string.Empty;
        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Benefit realisation: {Realisation.ColumnName} sampled (plan {factor.Plan:0.###}), applied above. "
            + $"As the paper assumes (factor held at {factor.Plan:0.###}, same trials): cumulative P50 {Money.Millions(unadjusted.P50)}, "
            + $"P80 {Money.Millions(unadjusted.P80)}, P90 {Money.Millions(unadjusted.P90)}; P80 contingency {Money.Millions(unadjusted.P80 - planCumulative)} "
            + $"(95 % CI {Money.Millions(unadjusted.P80Ci.Low - planCumulative)} to {Money.Millions(unadjusted.P80Ci.High - planCumulative)}); "
            + $"the plan sits at [bold]{unadjusted.PlanCoverage.Describe()}[/] (with realisation: {coverage0?.Describe() ?? "n/a"}){breakevenText}."));
    }

    private void WriteBreakeven(RunResult result)
    {
        var years = result.Years;
        var breakeven = result.Breakeven;
        if (result.Scenario.PaperBreakevenFy is not { } promised || IndexOf(years, promised) is not (>= 0 and var f))
        {
            return;
        }

        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"P(breakeven by {promised}, the paper's year) = [bold]{breakeven.FirstByFy[f]:0.0%}[/]; P(no breakeven by {years[^1]}) = {breakeven.FirstNever:0.0%}."));
        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"P(lasting breakeven by {promised}: position ≤ 0 from then to {years[^1]}) = [bold]{breakeven.LastingByFy[f]:0.0%}[/]."));
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
