using System.Globalization;
using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using Spectre.Console;

namespace RiskSim.Cli.Rendering;

/// <summary>The few numbers finance and analysts look at first after a run.</summary>
public static class RunSummary
{
    /// <summary>Prints breakeven probabilities, position percentiles and contingency against the plan.</summary>
    public static void Write(
        Scenario scenario,
        PlanResult plan,
        IReadOnlyList<SummaryRow> summary,
        RunOptions options,
        TimeSpan elapsed,
        string outputDirectory,
        IReadOnlyList<ContingencyCoverage>? coverages = null,
        UnadjustedOutcome? unadjusted = null)
    {
        var years = plan.FinancialYears;
        SummaryRow Row(int f, string metric) => summary.First(r => r.Fy == years[f] && r.Metric == metric);

        AnsiConsole.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(scenario.Name)}[/]: {options.Trials:#,0} trials, seed {options.Seed}, {options.Threads} thread{(options.Threads == 1 ? "" : "s")}, "
            + $"{(options.InputUncertainty ? "uncertain inputs" : "inputs fixed at plan")}, {elapsed.TotalSeconds:0.0} s. Results in {Markup.Escape(outputDirectory)}/"));

        var table = new Table().Title("Budget position by FY, £'000 ((surplus)/deficit; P80/P90 = the level not exceeded in 80 %/90 % of trials)");
        table.AddColumn("FY");
        foreach (var heading in new[] { "plan", "mean", "P50", "P80", "P90", "P80 − plan", "P(broken even by FY)", "LAC 31 Mar P10–P90 (plan)" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        for (int f = 0; f < years.Count; f++)
        {
            var position = Row(f, Metric.PositionGbp.ColumnName());
            var lac = Row(f, Metric.LacEnd.ColumnName());
            var breakeven = Row(f, SummaryAccumulator.BreakevenByFyMetric);
            double planPosition = plan.Get(f, Metric.PositionGbp);
            table.AddRow(
                years[f].Label,
                Money.Thousands(planPosition),
                Money.Thousands(position.Mean),
                Money.Thousands(position.P50),
                Money.Thousands(position.P80),
                Money.Thousands(position.P90),
                Money.Thousands(position.P80 - planPosition),
                breakeven.Mean.ToString("0.0%", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{lac.P10:#,0}–{lac.P90:#,0} ({plan.Get(f, Metric.LacEnd):#,0})"));
        }

        AnsiConsole.Write(table);

        int last = years.Count - 1;
        var cumulative = Row(last, Metric.CumulativePositionGbp.ColumnName());
        double planCumulative = plan.Get(last, Metric.CumulativePositionGbp);
        AnsiConsole.MarkupLine(
            $"Cumulative position {years[0].Label}–{years[last].Label}: plan {Money.Millions(planCumulative)}, "
            + $"P50 {Money.Millions(cumulative.P50)}, P80 {Money.Millions(cumulative.P80)}, P90 {Money.Millions(cumulative.P90)}.");
        AnsiConsole.MarkupLine(
            $"Contingency over the plan to be covered at 80 % confidence: [bold]{Money.Millions(cumulative.P80 - planCumulative)}[/] "
            + $"(95 % CI {Money.Millions(cumulative.P80Ci.Low - planCumulative)} to {Money.Millions(cumulative.P80Ci.High - planCumulative)}); "
            + $"at 90 %: [bold]{Money.Millions(cumulative.P90 - planCumulative)}[/] "
            + $"(95 % CI {Money.Millions(cumulative.P90Ci.Low - planCumulative)} to {Money.Millions(cumulative.P90Ci.High - planCumulative)}).");

        foreach (var coverage in coverages ?? [])
        {
            AnsiConsole.MarkupLine(coverage.AmountGbp == 0
                ? $"The plan's cumulative position sits at [bold]{coverage.Describe()}[/] of the trials."
                : $"A {Money.Millions(coverage.AmountGbp)} contingency{(coverage.Label is { } label ? $" ({Markup.Escape(label)}, in the scenario)" : "")} covers [bold]{coverage.Describe()}[/].");
        }

        if (unadjusted is not null && scenario.Realisation is { } realisation)
        {
            var coverage0 = coverages?.FirstOrDefault(c => c.AmountGbp == 0);
            string breakevenText = scenario.Reference?.BreakevenFy is { } fy && scenario.Horizon.Contains(fy)
                ? string.Create(CultureInfo.InvariantCulture, $"; P(breakeven by {fy.Label}) = {unadjusted.BreakevenByFy[scenario.Horizon.IndexOf(fy)]:0.0%}")
                : string.Empty;
            AnsiConsole.MarkupLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Benefit realisation: {Realisation.ColumnName} sampled (plan {realisation.Factor.Plan:0.###}), applied above. "
                + $"As the paper assumes (factor held at {realisation.Factor.Plan:0.###}, same trials): cumulative P50 {Money.Millions(unadjusted.P50)}, "
                + $"P80 {Money.Millions(unadjusted.P80)}, P90 {Money.Millions(unadjusted.P90)}; P80 contingency {Money.Millions(unadjusted.P80 - planCumulative)} "
                + $"(95 % CI {Money.Millions(unadjusted.P80Ci.Low - planCumulative)} to {Money.Millions(unadjusted.P80Ci.High - planCumulative)}); "
                + $"the plan sits at [bold]{unadjusted.PlanCoverage.Describe()}[/] (with realisation: {coverage0?.Describe() ?? "n/a"}){breakevenText}."));
        }

        if (scenario.Reference?.BreakevenFy is { } promised && scenario.Horizon.Contains(promised))
        {
            double p = Row(scenario.Horizon.IndexOf(promised), SummaryAccumulator.BreakevenByFyMetric).Mean;
            AnsiConsole.MarkupLine(string.Create(
                CultureInfo.InvariantCulture,
                $"P(breakeven by {promised.Label}, the paper's year) = [bold]{p:0.0%}[/]; P(no breakeven by {years[last].Label}) = {1 - Row(last, SummaryAccumulator.BreakevenByFyMetric).Mean:0.0%}."));
            double lasting = Row(scenario.Horizon.IndexOf(promised), SummaryAccumulator.LastingBreakevenByFyMetric).Mean;
            AnsiConsole.MarkupLine(string.Create(
                CultureInfo.InvariantCulture,
                $"P(lasting breakeven by {promised.Label}: position ≤ 0 from then to {years[last].Label}) = [bold]{lasting:0.0%}[/]."));
        }
    }
}
