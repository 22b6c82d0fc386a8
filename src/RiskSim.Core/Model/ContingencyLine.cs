using RiskSim.Core.Time;

namespace RiskSim.Core.Model;

/// <summary>
/// A contingency the paper sets aside, £ per FY (a fixed provision, not an uncertain input). It is a
/// cost in the position, and <c>risksim run</c> reports which percentile its total covers.
/// </summary>
/// <param name="Id">Identifier.</param>
/// <param name="Label">Name as in the paper.</param>
/// <param name="AmountsGbpByFy">£ per FY; FYs not listed are 0.</param>
public sealed record ContingencyLine(string Id, string Label, IReadOnlyDictionary<FinancialYear, double> AmountsGbpByFy)
{
    /// <summary>The line's total over the horizon, £.</summary>
    public double TotalGbp => AmountsGbpByFy.Values.Sum();
}
