using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Core.Model;

/// <summary>
/// Demographic growth funding the budget already holds. The programme is meant to avoid the growth,
/// so the paper books the funding as a benefit ("released"). RiskSim books it the same way; growth
/// that the programme fails to avoid raises the programme world's cost, so it shows as a lower
/// placements saving, and the position stays the budget's own arithmetic (spend − budget) either way.
/// </summary>
public sealed record FundedGrowth
{
    /// <summary>
    /// True: the budget funds the modelled do-nothing growth of each trial (the avoidance-of-growth
    /// row), so avoided growth is released in full. False: <see cref="AmountsGbpByFy"/> gives the funding.
    /// </summary>
    public bool FollowsDoNothing { get; init; }

    /// <summary>Funding per FY, £ (may be uncertain); null when <see cref="FollowsDoNothing"/>. FYs not listed are 0.</summary>
    public IReadOnlyDictionary<FinancialYear, Input>? AmountsGbpByFy { get; init; }
}
