using RiskSim.Core.Uncertainty;

namespace RiskSim.Core.Model;

/// <summary>
/// One state a looked-after child can be in (a placement type such as residential or in-house fostering).
/// Nothing in the engine assumes a fixed list of types.
/// </summary>
/// <param name="Id">Short identifier (snake_case), e.g. <c>residential</c>.</param>
/// <param name="Label">Name for people, e.g. "Children's homes".</param>
/// <param name="StockShare">Share of the starting stock in this type (shares sum to 1).</param>
/// <param name="EntryShare">Share of new entrants placed in this type (shares sum to 1).</param>
/// <param name="WeeklyCostGbp">Weekly unit cost, £ per child per week, at the horizon start.</param>
/// <param name="UnitCostInflation">Annual unit-cost inflation (0.03 = 3 % a year).</param>
/// <param name="ExitRate">Monthly probability that a child in this type ceases to be looked after.</param>
/// <param name="BudgetInflation">
/// Annual uplift of the budget baseline (standstill) for this type, or null when the budget follows
/// the same prices as the placements (<paramref name="UnitCostInflation"/>). A scenario in constant
/// prices sets it to 0 and gives <paramref name="UnitCostInflation"/> as growth above the funded uplift.
/// </param>
public sealed record PlacementType(
    string Id,
    string Label,
    double StockShare,
    double EntryShare,
    Input WeeklyCostGbp,
    Input UnitCostInflation,
    Input ExitRate,
    Input? BudgetInflation = null);
