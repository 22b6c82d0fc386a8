using System.Globalization;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using Spectre.Console;

namespace RiskSim.Cli.Rendering;

/// <summary>Prints a plan-mode result in the paper's layout with the published rows and differences.</summary>
public static class PlanTable
{
    private static readonly (Metric Metric, string Label)[] Rows =
    [
        (Metric.InvestmentGbp, "Investment total"),
        (Metric.AvoidanceOfGrowthGbp, "Avoidance of growth (saving)"),
        (Metric.PlacementsSavingGbp, "Placements (saving)"),
        (Metric.WorkforceSavingGbp, "Workforce (saving)"),
        (Metric.RoiGbp, "ROI (surplus)/deficit"),
        (Metric.PressuresGbp, "Pressures (MTFS, overspend)"),
        (Metric.PositionGbp, "Position (Table 3)"),
        (Metric.CumulativePositionGbp, "Cumulative position"),
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

        foreach (var (metric, label) in Rows)
        {
            table.AddRow([label, .. years.Select((_, f) => Money.Thousands(plan.Get(f, metric)))]);
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
