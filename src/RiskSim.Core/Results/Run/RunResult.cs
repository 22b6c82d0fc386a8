namespace RiskSim.Core.Results.Run;

/// <summary>
/// Everything a run found, computed once in the library and read by every exporter (console,
/// Parquet, HTML report, Excel, compare): the exporters own layout, never arithmetic. It is also
/// saved beside the Parquet files (<c>result.json</c>) so a report can be rebuilt from a results
/// folder without re-running.
/// </summary>
public sealed record RunResult
{
    /// <summary>Seed, trials, sampling design (mc, lhs or fixed), scenario hash, engine version.</summary>
    public required RunMetadata Metadata { get; init; }

    /// <summary>The scenario as a reader needs it: name, paper, the paper's breakeven FY.</summary>
    public required ScenarioFacts Scenario { get; init; }

    /// <summary>The horizon's financial years, e.g. <c>2019/20</c>, in order; every per-FY list follows it.</summary>
    public required IReadOnlyList<string> Years { get; init; }

    /// <summary>The plan (every input at plan, expected flows): one value per FY and metric.</summary>
    public required IReadOnlyList<PlanFigure> Plan { get; init; }

    /// <summary>Distribution of every metric in every FY across trials (mean, sd, percentiles, CIs).</summary>
    public required IReadOnlyList<SummaryRow> Summary { get; init; }

    /// <summary>First and lasting breakeven: P(by FY), P(in FY), P(never within the horizon).</summary>
    public required BreakevenDistribution Breakeven { get; init; }

    /// <summary>Contingency over the plan's cumulative position at P50/P80/P90, with CIs, and CVaR90.</summary>
    public required ContingencyFigures Contingency { get; init; }

    /// <summary>Which percentile given contingencies cover: 0 (the plan's own percentile), <c>--contingency</c>, scenario lines.</summary>
    public required IReadOnlyList<ContingencyCoverage> Coverages { get; init; }

    /// <summary>Programme-world LAC by month: P5, P25, P50, P75, P95 across trials, the plan, the paper's milestones.</summary>
    public required IReadOnlyList<FanPoint> LacFan { get; init; }

    /// <summary>The cumulative position at the horizon at probabilities 0.01 … 0.99 (the S-curve), £.</summary>
    public required IReadOnlyList<QuantilePoint> CumulativePositionCurve { get; init; }

    /// <summary>Every uncertain input: its distribution in words, plan value, P10/P50/P90 and source.</summary>
    public required IReadOnlyList<InputDescription> Inputs { get; init; }

    /// <summary>The paper's own row layout (its reference rows) with plan, P10, P50 and P90 by FY.</summary>
    public required IReadOnlyList<PaperTableRow> PaperTable { get; init; }

    /// <summary>With a realisation factor: the same trials with the factor held at plan (as the paper assumes).</summary>
    public UnadjustedOutcome? Unadjusted { get; init; }

    /// <summary>Sensitivity rows when a sensitivity analysis was run, else empty.</summary>
    public IReadOnlyList<SensitivityRow> Sensitivity { get; init; } = [];
}
