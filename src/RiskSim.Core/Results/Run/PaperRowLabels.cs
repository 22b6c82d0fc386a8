using RiskSim.Core.Model;

namespace RiskSim.Core.Results.Run;

/// <summary>
/// The one place a money row's display label is looked up: the scenario's own label where it gives
/// one, else a default in the papers' wording. Every exporter reads labels from
/// <see cref="ScenarioFacts.RowLabels"/>, which this fills.
/// </summary>
public static class PaperRowLabels
{
    /// <summary>Default labels by metric column, in the order of the papers' tables.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Defaults { get; } =
    [
        new(Metric.InvestmentGbp.ColumnName(), "Investment total"),
        new(Metric.AvoidanceOfGrowthGbp.ColumnName(), "Avoidance of growth (saving)"),
        new(Metric.PlacementsSavingGbp.ColumnName(), "Placements (saving)"),
        new(Metric.WorkforceSavingGbp.ColumnName(), "Workforce (saving)"),
        new(Metric.RoiGbp.ColumnName(), "ROI (surplus)/deficit"),
        new(Metric.PressuresGbp.ColumnName(), "Pressures"),
        new(Metric.GrowthFundingReleasedGbp.ColumnName(), "Growth funding released (saving)"),
        new(Metric.ContingencyGbp.ColumnName(), "Contingency"),
        new(Metric.PositionGbp.ColumnName(), "Position"),
        new(Metric.CumulativePositionGbp.ColumnName(), "Cumulative position"),
        new(Metric.FundingRequiredGbp.ColumnName(), "Council funding required"),
        new(Metric.LacEnd.ColumnName(), "LAC at 31 March"),
        new(Metric.LacEndDoNothing.ColumnName(), "LAC at 31 March, do nothing"),
    ];

    /// <summary>
    /// Labels for <paramref name="scenario"/>'s rows by metric column: the defaults, each replaced by
    /// the scenario's label where it defines one.
    /// </summary>
    public static IReadOnlyDictionary<string, string> For(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (metric, label) in Defaults)
        {
            labels[metric] = label;
        }

        foreach (var metric in Enum.GetValues<Metric>())
        {
            labels.TryAdd(metric.ColumnName(), metric.ColumnName());
        }

        // The scenario's own names (budget.labels), e.g. the paper's "Position (Table 3)".
        foreach (var (metric, label) in scenario.Budget?.Labels ?? new Dictionary<string, string>())
        {
            labels[metric] = label;
        }

        return labels;
    }
}
