using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Core.Model;

/// <summary>
/// How the paper frames its budget, as data (docs/model.md, "Accounting"): what the savings are
/// measured against, which growth the budget already funds, the contingency lines it carries and the
/// names of its rows. Every part is optional; an empty framing is the standstill framing (the
/// opening stock held at budget prices, growth unfunded, no contingency).
/// </summary>
public sealed record BudgetFraming
{
    /// <summary>
    /// The budget the placement savings are measured against, £ for the simulated months of each FY,
    /// instead of the standstill (opening stock at budget prices); null keeps the standstill. An FY
    /// not listed keeps the standstill too.
    /// </summary>
    public IReadOnlyDictionary<FinancialYear, Input>? BaselineGbpByFy { get; init; }

    /// <summary>Demographic growth the budget already funds, booked as a benefit (released) in the position; null for none.</summary>
    public FundedGrowth? FundedGrowth { get; init; }

    /// <summary>Contingency lines carried in the position (e.g. "a prudent view against the risk of benefit realisation").</summary>
    public IReadOnlyList<ContingencyLine> Contingencies { get; init; } = [];

    /// <summary>Row labels by metric column name (e.g. <c>position_gbp</c> → "Position (Table 3)"), for tables.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
