using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Core.Model;

/// <summary>A fixed budget pressure per FY (e.g. MTFS savings still to deliver, forecast overspend), £.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Label">Name as in the paper.</param>
/// <param name="AmountsGbpByFy">£ per FY; FYs not listed are 0.</param>
public sealed record Pressure(string Id, string Label, IReadOnlyDictionary<FinancialYear, Input> AmountsGbpByFy);
