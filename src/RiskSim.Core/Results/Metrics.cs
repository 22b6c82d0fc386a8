namespace RiskSim.Core.Results;

/// <summary>Names and units of <see cref="Metric"/> values, as used in output columns.</summary>
public static class Metrics
{
    /// <summary>All metrics, in layout order.</summary>
    public static IReadOnlyList<Metric> All { get; } = Enum.GetValues<Metric>();

    /// <summary>Number of metrics (stride of the per-FY layout).</summary>
    public const int Count = (int)Metric.FundingRequiredGbp + 1;

    private static readonly string[] Names =
    [
        "lac_end",
        "lac_avg",
        "lac_end_do_nothing",
        "cost_programme_gbp",
        "cost_do_nothing_gbp",
        "cost_standstill_gbp",
        "investment_gbp",
        "avoidance_of_growth_gbp",
        "placements_saving_gbp",
        "workforce_saving_gbp",
        "roi_gbp",
        "pressures_gbp",
        "position_gbp",
        "cumulative_position_gbp",
        "growth_funding_released_gbp",
        "contingency_gbp",
        "funding_required_gbp",
    ];

    /// <summary>The snake_case column name with its unit, e.g. <c>position_gbp</c>.</summary>
    public static string ColumnName(this Metric metric) => Names[(int)metric];

    /// <summary>Whether the metric is money in £ (the others count children).</summary>
    public static bool IsMoney(this Metric metric) => Names[(int)metric].EndsWith("_gbp", StringComparison.Ordinal);

    /// <summary>Finds a metric by its column name.</summary>
    public static bool TryParse(string name, out Metric metric)
    {
        int i = Array.IndexOf(Names, name);
        metric = i >= 0 ? (Metric)i : default;
        return i >= 0;
    }
}
