using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Core.Model;

/// <summary>
/// New entrants to care in the do-nothing world:
/// λ(t) = base(t) · multiplier · (1+g)^(t/12) · (1 + step size if t ≥ step month),
/// where base(t) is either one rate or a per-FY table (councils' own projections come as tables).
/// One rate with growth and an optional step is a smooth path; a table fitted exactly to a
/// paper's row can zig-zag (docs/calibration.md).
/// </summary>
/// <param name="EntriesPerMonth">Single base rate (children per month at the horizon start), or null when <paramref name="EntriesPerMonthByFy"/> is used.</param>
/// <param name="EntriesPerMonthByFy">Entries per month for each FY of the horizon, or null.</param>
/// <param name="AnnualGrowth">Growth of the entry rate per year, compounding monthly.</param>
/// <param name="RateMultiplier">Uncertainty on the whole demand level (plan 1).</param>
/// <param name="StockMixConcentration">Dirichlet concentration for uncertainty in the starting mix (null: mix known).</param>
/// <param name="EntryMixConcentration">Dirichlet concentration for uncertainty in the entry mix (null: mix known).</param>
/// <param name="EntryDispersion">Negative-binomial dispersion k of monthly entries (variance λ + λ²/k; sibling groups), or null for Poisson.</param>
/// <param name="Step">Optional dated step in the entry rate, or null.</param>
/// <param name="StartStock">Looked-after children at the start of the first month.</param>
public sealed record Demand(
    int StartStock,
    Input? EntriesPerMonth,
    IReadOnlyDictionary<FinancialYear, Input>? EntriesPerMonthByFy,
    Input AnnualGrowth,
    Input RateMultiplier,
    double? StockMixConcentration,
    double? EntryMixConcentration,
    double? EntryDispersion = null,
    EntryStep? Step = null);
