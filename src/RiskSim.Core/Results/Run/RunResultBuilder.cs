using System.Globalization;
using RiskSim.Core.Engine;
using RiskSim.Core.Model;

namespace RiskSim.Core.Results.Run;

/// <summary>
/// Computes a <see cref="RunResult"/> once, from what a run collected: the plan, the per-FY summary,
/// the cumulative positions at the horizon, the LAC fan, coverages and the unadjusted pass. Every
/// figure an exporter shows is computed here; exporters only lay it out.
/// </summary>
public static class RunResultBuilder
{
    /// <summary>Probabilities of the cumulative position's S-curve: 0.01, 0.02, …, 0.99.</summary>
    public static IReadOnlyList<double> CurveProbabilities { get; } =
        [.. Enumerable.Range(1, 99).Select(i => i / 100.0)];

    /// <summary>Confidence levels of the contingency table.</summary>
    public static IReadOnlyList<double> ContingencyConfidences { get; } = [0.5, 0.8, 0.9];

    /// <summary>Builds the result.</summary>
    /// <param name="scenario">The scenario run.</param>
    /// <param name="model">Its compiled form (the inputs).</param>
    /// <param name="plan">The plan-mode result.</param>
    /// <param name="metadata">Seed, trials, sampling, hashes.</param>
    /// <param name="summary">The summary rows (<see cref="SummaryAccumulator.Build"/>).</param>
    /// <param name="coverages">Coverages of the given contingencies (0 first: the plan's own percentile).</param>
    /// <param name="positions">Every trial's cumulative position at the horizon.</param>
    /// <param name="fan">Every trial's month-end LAC.</param>
    /// <param name="unadjusted">The pass with the realisation factor held at plan, if run.</param>
    /// <param name="sensitivity">Sensitivity rows, if an analysis was run.</param>
    public static RunResult Build(
        Scenario scenario,
        CompiledModel model,
        PlanResult plan,
        RunMetadata metadata,
        IReadOnlyList<SummaryRow> summary,
        IReadOnlyList<ContingencyCoverage> coverages,
        CumulativePositionCollector positions,
        LacFanAccumulator fan,
        UnadjustedOutcome? unadjusted = null,
        IReadOnlyList<SensitivityRow>? sensitivity = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(coverages);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(fan);

        var years = plan.FinancialYears;
        var rows = summary.ToDictionary(r => (r.Fy.StartYear, r.Metric));
        SummaryRow Row(int f, string metric) => rows[(years[f].StartYear, metric)];
        var labels = PaperRowLabels.For(scenario);

        return new RunResult
        {
            Metadata = metadata,
            Scenario = new ScenarioFacts(scenario.Name, scenario.Description, scenario.Reference?.BreakevenFy?.Label, labels),
            Years = [.. years.Select(y => y.Label)],
            Plan = PlanFigures(scenario, plan),
            Summary = summary,
            Breakeven = Breakeven(scenario, plan, metadata.Trials, f => Row(f, SummaryAccumulator.BreakevenByFyMetric).Mean, f => Row(f, SummaryAccumulator.LastingBreakevenByFyMetric).Mean),
            Contingency = Contingency(plan, Row(years.Count - 1, Metric.CumulativePositionGbp.ColumnName()), positions),
            Coverages = coverages,
            LacFan = Fan(scenario, plan, fan),
            CumulativePositionCurve = [.. CurveProbabilities.Select(p => new QuantilePoint(p, positions.Quantile(p)))],
            Inputs = Inputs(model),
            PaperTable = PaperTable(scenario, plan, labels, Row),
            Unadjusted = unadjusted,
            Sensitivity = sensitivity ?? [],
        };
    }

    /// <summary>
    /// First and lasting breakeven from P(by FY) (the mean of each trial's 0/1 flag): P(in FY) is the
    /// step between FYs, and P(never) what is left, so the in-FY shares and never sum to 1.
    /// </summary>
    internal static BreakevenDistribution Breakeven(Scenario scenario, PlanResult plan, long trials, Func<int, double> firstBy, Func<int, double> lastingBy)
    {
        int n = plan.FinancialYears.Count;

        // Each share is a count of trials over the trials; rounding the mean back to its count drops
        // the summation's last-bit noise, so the in-FY shares are exact differences of counts.
        double Share(double mean) => trials > 0 ? Math.Round(mean * trials) / trials : mean;
        double[] first = [.. Enumerable.Range(0, n).Select(f => Share(firstBy(f)))];
        double[] lasting = [.. Enumerable.Range(0, n).Select(f => Share(lastingBy(f)))];
        return new BreakevenDistribution(
            first,
            Steps(first),
            1 - first[^1],
            lasting,
            Steps(lasting),
            1 - lasting[^1],
            plan.BreakevenFy?.Label,
            scenario.Reference?.BreakevenFy?.Label,
            trials);
    }

    private static double[] Steps(double[] cumulative) =>
        [.. cumulative.Select((p, i) => i == 0 ? p : p - cumulative[i - 1])];

    private static ContingencyFigures Contingency(PlanResult plan, SummaryRow cumulative, CumulativePositionCollector positions)
    {
        double planCumulative = plan.Get(plan.FinancialYears.Count - 1, Metric.CumulativePositionGbp);
        ContingencyLevel Level(double confidence, double value, QuantileInterval ci) =>
            new(confidence, value, value - planCumulative, new QuantileInterval(ci.Low - planCumulative, ci.High - planCumulative));
        var (cvar, se) = positions.ConditionalValueAtRisk(0.9);
        return new ContingencyFigures(
            planCumulative,
            [Level(0.5, cumulative.P50, cumulative.P50Ci), Level(0.8, cumulative.P80, cumulative.P80Ci), Level(0.9, cumulative.P90, cumulative.P90Ci)],
            cvar - planCumulative,
            se);
    }

    private static List<PlanFigure> PlanFigures(Scenario scenario, PlanResult plan)
    {
        var figures = new List<PlanFigure>(plan.FinancialYears.Count * Metrics.Count);
        for (int f = 0; f < plan.FinancialYears.Count; f++)
        {
            var fy = plan.FinancialYears[f];
            foreach (var metric in Enum.GetValues<Metric>())
            {
                string name = metric.ColumnName();
                double? reference = scenario.Reference?.Rows.TryGetValue(name, out var row) == true && row.TryGetValue(fy, out double v) ? v : null;
                figures.Add(new PlanFigure(fy.Label, name, plan.Get(f, metric), reference));
            }
        }

        return figures;
    }

    private static List<FanPoint> Fan(Scenario scenario, PlanResult plan, LacFanAccumulator fan)
    {
        var horizon = plan.Horizon;
        var milestones = (scenario.Reference?.LacMilestones ?? []).ToDictionary(m => m.Month, m => m.Lac);
        var points = new List<FanPoint>(horizon.MonthCount);
        for (int m = 0; m < horizon.MonthCount; m++)
        {
            var month = horizon.Start.AddMonths(m);
            points.Add(new FanPoint(
                string.Create(CultureInfo.InvariantCulture, $"{month.Year:D4}-{month.Month:D2}"),
                fan.Quantile(m, 0.05),
                fan.Quantile(m, 0.25),
                fan.Quantile(m, 0.50),
                fan.Quantile(m, 0.75),
                fan.Quantile(m, 0.95),
                plan.LacByMonthEnd[m],
                milestones.TryGetValue(month, out double lac) ? lac : null));
        }

        return points;
    }

    private static List<InputDescription> Inputs(CompiledModel model) =>
        [.. model.Inputs
            .Where(i => i.Distribution.IsUncertain)
            .Select(i => new InputDescription(
                i.Name,
                DistributionWords.Describe(i.Distribution),
                i.Plan,
                i.Distribution.Quantile(0.1),
                i.Distribution.Quantile(0.5),
                i.Distribution.Quantile(0.9),
                i.Source))];

    /// <summary>The scenario's reference rows in the papers' order (known labels first), each with plan and P10/P50/P90.</summary>
    private static List<PaperTableRow> PaperTable(Scenario scenario, PlanResult plan, IReadOnlyDictionary<string, string> labels, Func<int, string, SummaryRow> row)
    {
        var reference = scenario.Reference?.Rows;
        if (reference is null)
        {
            return [];
        }

        var order = PaperRowLabels.Defaults.Select(d => d.Key).ToList();
        var metrics = Enum.GetValues<Metric>().ToDictionary(m => m.ColumnName());
        var years = plan.FinancialYears;
        var table = new List<PaperTableRow>();
        foreach (var (name, published) in reference.OrderBy(r => order.IndexOf(r.Key) is int i and >= 0 ? i : int.MaxValue).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!metrics.TryGetValue(name, out var metric))
            {
                continue; // a row the engine does not compute has no plan or percentiles to show
            }

            int n = years.Count;
            table.Add(new PaperTableRow(
                labels.TryGetValue(name, out string? label) ? label : name,
                name,
                [.. years.Select(fy => published.TryGetValue(fy, out double v) ? v : (double?)null)],
                [.. Enumerable.Range(0, n).Select(f => plan.Get(f, metric))],
                [.. Enumerable.Range(0, n).Select(f => row(f, name).P10)],
                [.. Enumerable.Range(0, n).Select(f => row(f, name).P50)],
                [.. Enumerable.Range(0, n).Select(f => row(f, name).P90)]));
        }

        return table;
    }
}
