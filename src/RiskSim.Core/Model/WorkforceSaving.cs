using RiskSim.Core.Time;

namespace RiskSim.Core.Model;

/// <summary>
/// Staff savings the paper books as LAC fall (reduced through attrition). In a trial the planned
/// amount for an FY is scaled by (trial's LAC reduction) / (plan's LAC reduction) in that FY, capped
/// at 1 and floored at 0, when <see cref="ScalesWithLacReduction"/> is set.
/// </summary>
/// <param name="AmountsGbpByFy">Planned saving, £ per FY.</param>
/// <param name="ScalesWithLacReduction">Whether the saving follows the achieved reduction.</param>
public sealed record WorkforceSaving(IReadOnlyDictionary<FinancialYear, double> AmountsGbpByFy, bool ScalesWithLacReduction);
