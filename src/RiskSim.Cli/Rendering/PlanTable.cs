using System.Globalization;
using RiskSim.Core.Accounting;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using Spectre.Console;

namespace RiskSim.Cli.Rendering;

/// <summary>Prints a plan-mode result in the paper's layout with the published rows and differences.</summary>
public static class PlanTable
{
    /// <summary>
    /// The rows in table order, with generic labels; a scenario's <c>budget.labels</c> replaces any of
    /// them with the paper's own names. Optional rows appear only when the scenario uses them.
    /// </summary>
    private static readonly (Metric Metric, string Label, bool Optional)[] Rows =
    [
        (Metric.InvestmentGbp, "Investment total", false),
        (Metric.AvoidanceOfGrowthGbp, "Avoidance of growth (saving)", false),
        (Metric.PlacementsSavingGbp, "Placements (saving)", false),
        (Metric.WorkforceSavingGbp, "Workforce (saving)", false),
        (Metric.RoiGbp, "ROI (surplus)/deficit", false),
        (Metric.PressuresGbp, "Pressures", false),
        (Metric.GrowthFundingReleasedGbp, "Growth funding released (saving)", true),
        (Metric.ContingencyGbp, "Contingency", true),
        (Metric.PositionGbp, "Position", false),
        (Metric.CumulativePositionGbp, "Cumulative position", false),
        (Metric.FundingRequiredGbp, "Council funding required", true),
    ];

    /// <summary>Writes the tables to <paramref name="console"/>, split by FY when the console is narrow.</summary>
    public static void Write(IAnsiConsole console, Scenario scenario, PlanResult plan)
    {
        ArgumentNullException.ThrowIfNull(console);
        var years = plan.FinancialYears;
        var reference = scenario.Reference;

        // Narrow consoles: the difference's share goes on a row of its own, so each FY column stays
        // as narrow as its £'000 figures and more FYs fit side by side.
        bool narrow = console.Profile.Width < RunSummary.WideLayoutWidth;
        console.MarkupLine($"[bold]{Markup.Escape(scenario.Name)}[/]: plan mode, £'000 (savings positive)");
        var table = new FittedTable(string.Empty, "row", [.. years.Select(fy => fy.Label)]);

        foreach (var (metric, label) in RowsFor(scenario))
        {
            table.AddRow([Markup.Escape(label), .. years.Select((_, f) => Money.Thousands(plan.Get(f, metric)))]);
            if (reference?.Rows.TryGetValue(metric.ColumnName(), out var published) == true)
            {
                table.AddRow(
                [
                    "[grey]  paper[/]",
                    .. years.Select(fy => published.TryGetValue(fy, out double v) ? $"[grey]{Money.Thousands(v)}[/]" : ""),
                ]);
                table.AddRow(
                [
                    "[grey]  difference[/]",
                    .. years.Select((fy, f) => published.TryGetValue(fy, out double v) ? Difference(plan.Get(f, metric), v, withShare: !narrow) : ""),
                ]);
                if (narrow)
                {
                    table.AddRow(
                    [
                        "[grey]  difference %[/]",
                        .. years.Select((fy, f) => published.TryGetValue(fy, out double v) ? $"[grey]{Share(plan.Get(f, metric), v)}[/]" : ""),
                    ]);
                }

                if (reference.BasisOf(metric.ColumnName()) == ReferenceBasis.Increment)
                {
                    // The paper gave this row year on year (MTFS style): show both sides that way too.
                    var paperSteps = ReferenceRows.IncrementsFromLevels(published);
                    table.AddRow(
                    [
                        "[grey]  plan, year on year[/]",
                        .. years.Select((fy, f) => published.ContainsKey(fy) ? $"[grey]{Money.Thousands(plan.Get(f, metric) - (f > 0 && published.ContainsKey(years[f - 1]) ? plan.Get(f - 1, metric) : 0))}[/]" : ""),
                    ]);
                    table.AddRow(
                    [
                        "[grey]  paper, year on year[/]",
                        .. years.Select(fy => paperSteps.TryGetValue(fy, out double v) ? $"[grey]{Money.Thousands(v)}[/]" : ""),
                    ]);
                }
            }
        }

        table.AddRow([string.Empty, .. years.Select(_ => string.Empty)]);
        table.AddRow(["LAC at 31 March", .. years.Select((_, f) => Count(plan.Get(f, Metric.LacEnd)))]);
        table.AddRow(["LAC at 31 March, do nothing", .. years.Select((_, f) => Count(plan.Get(f, Metric.LacEndDoNothing)))]);
        table.Write(console);

        if (reference is not null && reference.LacMilestones.Count > 0)
        {
            var milestones = new Table().Title("LAC milestones (end of month)");
            milestones.AddColumns("month", "paper", "plan", "difference");
            foreach (var m in reference.LacMilestones)
            {
                double lac = plan.LacAtEndOf(m.Month);
                milestones.AddRow(
                    m.Month.ToString(),
                    Count(m.Lac),
                    lac.ToString("0.0", CultureInfo.InvariantCulture),
                    ((lac - m.Lac) / m.Lac).ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture));
            }

            console.Write(milestones);
        }

        string planBreakeven = plan.BreakevenFy?.Label ?? "none within the horizon";
        string paperBreakeven = reference?.BreakevenFy?.Label ?? "not stated";
        console.MarkupLine($"Breakeven (first FY with position ≤ 0): plan [bold]{planBreakeven}[/], paper {paperBreakeven}.");
        if (RealisationNote(scenario) is { } note)
        {
            console.MarkupLine(Markup.Escape(note));
        }
    }

    /// <summary>
    /// What plan mode does with the scenario's realisation factor (null when it has none): holds it
    /// at its plan value, the paper's own assumption, which <c>run</c> samples instead.
    /// </summary>
    internal static string? RealisationNote(Scenario scenario)
    {
        if (scenario.Realisation is not { } realisation)
        {
            return null;
        }

        var factor = realisation.Factor;
        string plan = factor.Plan.ToString("0.###", CultureInfo.InvariantCulture);
        string effects = realisation.Effects is null ? "every effect" : string.Join(", ", realisation.Effects);
        return factor.Distribution.IsUncertain
            ? $"Realisation factor held at its plan value {plan} (what the paper assumes) on {effects}; "
                + $"risksim run samples it ({factor.Distribution.Describe()}, mean {factor.Distribution.Mean.ToString("0.###", CultureInfo.InvariantCulture)}) and also reports the run with it held at {plan}."
            : $"Realisation factor {plan} on {effects} (a constant: plan mode and run both apply it).";
    }

    /// <summary>
    /// The rows to print, labelled by the scenario where it names them. An optional row is printed
    /// when the scenario's budget framing uses it, labels it or publishes a reference row for it.
    /// </summary>
    internal static IEnumerable<(Metric Metric, string Label)> RowsFor(Scenario scenario)
    {
        var budget = scenario.Budget;
        foreach (var (metric, label, optional) in Rows)
        {
            string name = metric.ColumnName();
            string? own = budget?.Labels.GetValueOrDefault(name);
            bool used = metric switch
            {
                Metric.GrowthFundingReleasedGbp => budget?.FundedGrowth is not null,
                Metric.ContingencyGbp => budget?.Contingencies.Count > 0,
                _ => false,
            };
            if (optional && !used && own is null && scenario.Reference?.Rows.ContainsKey(name) != true)
            {
                continue;
            }

            // One contingency line: its own label says more than "Contingency".
            string fallback = metric == Metric.ContingencyGbp && budget?.Contingencies.Count == 1 ? budget.Contingencies[0].Label : label;
            yield return (metric, own ?? fallback);
        }
    }

    private static string Difference(double model, double paper, bool withShare)
    {
        string text = Money.Thousands(model - paper);
        return paper == 0 || !withShare ? $"[grey]{text}[/]" : $"[grey]{text} ({Share(model, paper)})[/]";
    }

    /// <summary>The difference as a share of the paper's figure, e.g. "+2.4%"; empty when the paper's figure is 0.</summary>
    private static string Share(double model, double paper)
    {
        if (paper == 0)
        {
            return string.Empty;
        }

        // Round first so that a difference too small to show is printed as 0.0%, not -0.0%.
        double share = Math.Round((model - paper) / Math.Abs(paper), 3);
        return share == 0 ? "0.0%" : share.ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture);
    }

    private static string Count(double lac) => lac.ToString("#,0", CultureInfo.InvariantCulture);
}
