namespace RiskSim.Core.Results;

/// <summary>
/// The per-FY quantities the engine reports, for one trial or for plan mode. The order is the
/// layout of <see cref="TrialBlock.Yearly"/> and <see cref="PlanResult.Yearly"/>.
/// </summary>
public enum Metric
{
    /// <summary>Looked-after children at the end of the FY (31 March), programme world.</summary>
    LacEnd,

    /// <summary>Average looked-after children over the FY's simulated months (each month's average of its start and end stock).</summary>
    LacAverage,

    /// <summary>Looked-after children at the end of the FY in the do-nothing world.</summary>
    LacEndDoNothing,

    /// <summary>Placement cost in the programme world, £.</summary>
    CostProgrammeGbp,

    /// <summary>Placement cost in the do-nothing world, £.</summary>
    CostDoNothingGbp,

    /// <summary>Standstill placement cost (starting stock held flat), £.</summary>
    CostStandstillGbp,

    /// <summary>Investment actually spent, £.</summary>
    InvestmentGbp,

    /// <summary>Avoidance of growth = do-nothing cost − standstill cost, £ (the paper's "growth").</summary>
    AvoidanceOfGrowthGbp,

    /// <summary>Placements saving = standstill cost − programme cost, £.</summary>
    PlacementsSavingGbp,

    /// <summary>Workforce saving, £.</summary>
    WorkforceSavingGbp,

    /// <summary>Return on investment, (surplus)/deficit = investment − avoidance − placements − workforce, £.</summary>
    RoiGbp,

    /// <summary>Sum of the scenario's fixed pressures (MTFS still to deliver, overspend...), £.</summary>
    PressuresGbp,

    /// <summary>
    /// Budget position = ROI + pressures + growth (= avoidance) − growth funding released + contingency, £;
    /// ≤ 0 means the FY breaks even.
    /// </summary>
    PositionGbp,

    /// <summary>Running total of the position from the first FY, £.</summary>
    CumulativePositionGbp,

    /// <summary>
    /// Demographic growth funding the budget holds and the paper books as released, £ (0 without
    /// <c>budget.funded_growth</c>); a benefit in the position.
    /// </summary>
    GrowthFundingReleasedGbp,

    /// <summary>Sum of the scenario's contingency lines, £; a cost in the position.</summary>
    ContingencyGbp,

    /// <summary>Council funding required: the FY's position where it is a deficit, max(0, position), £.</summary>
    FundingRequiredGbp,
}
