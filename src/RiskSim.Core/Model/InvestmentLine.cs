using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Core.Model;

/// <summary>
/// A funded item of the business case. Its planned spend per month comes from £ per FY
/// (spread evenly over the FY's months from the planned start) or from posts × annual cost.
/// A recruitment delay moves the actual start later: months before the actual start are not
/// paid (or are paid at <see cref="AgencyCoverRatio"/> × plan where cover is bought). Without
/// cover the effects the line delivers start late by the same delay; with cover the work is done
/// (at the agency price) and they keep their planned start. Either way they begin
/// <see cref="BenefitLagMonths"/> after the line is in place.
/// </summary>
/// <param name="Id">Identifier effects refer to.</param>
/// <param name="Label">Name as in the paper.</param>
/// <param name="PlannedStart">First month of planned spend and of the benefit.</param>
/// <param name="AmountsGbpByFy">Planned spend, £ per FY (null when posts are given).</param>
/// <param name="Posts">Posts × annual cost (null when amounts are given).</param>
/// <param name="RecruitmentDelayMonths">Months between planned start and the line being in place.</param>
/// <param name="AgencyCoverRatio">If set, vacant months are covered at this multiple of planned cost (e.g. 1,088/874 = 1.245), and the linked effects are not delayed by recruitment.</param>
/// <param name="BenefitLagMonths">Months from the line being in place (filled, or covered) to its effects beginning (null: none).</param>
public sealed record InvestmentLine(
    string Id,
    string Label,
    YearMonth PlannedStart,
    IReadOnlyDictionary<FinancialYear, double>? AmountsGbpByFy,
    PostFunding? Posts,
    Input RecruitmentDelayMonths,
    double? AgencyCoverRatio,
    Input? BenefitLagMonths = null);

/// <summary>Posts funded from <see cref="InvestmentLine.PlannedStart"/> to <paramref name="End"/> inclusive.</summary>
/// <param name="Count">Number of full-time posts.</param>
/// <param name="AnnualCostGbp">£ per post per year, on-costs included.</param>
/// <param name="End">Last funded month.</param>
public sealed record PostFunding(double Count, double AnnualCostGbp, YearMonth End);
