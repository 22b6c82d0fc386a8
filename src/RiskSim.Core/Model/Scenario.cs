using RiskSim.Core.Time;

namespace RiskSim.Core.Model;

/// <summary>
/// A whole invest-to-save case: the children's stock and flows, the investment, what it is meant
/// to change, and the budget pressures. Built (and validated) by a loader; the engine trusts it.
/// </summary>
public sealed record Scenario
{
    /// <summary>Short name.</summary>
    public required string Name { get; init; }

    /// <summary>The scenario's <c>description:</c> (what the paper proposes), or null.</summary>
    public string? Description { get; init; }

    /// <summary>Simulated months and financial years.</summary>
    public required Horizon Horizon { get; init; }

    /// <summary>Placement types (states), in a fixed order.</summary>
    public required IReadOnlyList<PlacementType> PlacementTypes { get; init; }

    /// <summary>Starting stock and entries.</summary>
    public required Demand Demand { get; init; }

    /// <summary>Baseline moves between types.</summary>
    public required IReadOnlyList<StepDown> StepDowns { get; init; }

    /// <summary>Funded items.</summary>
    public required IReadOnlyList<InvestmentLine> InvestmentLines { get; init; }

    /// <summary>What the programme changes.</summary>
    public required IReadOnlyList<ProgrammeEffect> Effects { get; init; }

    /// <summary>How much of the planned benefit is realised (optimism bias made explicit), or null for none.</summary>
    public Realisation? Realisation { get; init; }

    /// <summary>Staff savings, if the paper books any.</summary>
    public WorkforceSaving? Workforce { get; init; }

    /// <summary>Fixed pressures in the budget position.</summary>
    public required IReadOnlyList<Pressure> Pressures { get; init; }

    /// <summary>How the paper frames its budget (baseline, funded growth, contingency, row labels), or null for the standstill framing.</summary>
    public BudgetFraming? Budget { get; init; }

    /// <summary>Published numbers to compare plan mode against.</summary>
    public ReferenceData? Reference { get; init; }

    /// <summary>Rank correlations between sampled inputs, realised by a Gaussian copula (empty: independent).</summary>
    public IReadOnlyList<RankCorrelation> Correlations { get; init; } = [];

    /// <summary>
    /// When the declared correlations do not form a positive semi-definite matrix: true repairs
    /// them to the nearest correlation matrix (Higham 2002), false refuses the scenario.
    /// </summary>
    public bool RepairCorrelations { get; init; }

    /// <summary>Risk-register events with a yearly probability and an impact on one input (empty: none).</summary>
    public IReadOnlyList<RiskEvent> RiskEvents { get; init; } = [];
}
