using System.Diagnostics;
using RiskSim.Core.Engine;
using RiskSim.Core.Results;

namespace RiskSim.Core.Accounting;

/// <summary>
/// The accounting layer: turns one trial's (or the plan's) per-FY stocks and costs into the money
/// rows of the paper's tables, by the scenario's <see cref="Model.BudgetFraming"/>. Nothing here is
/// any one council's: the baseline, funded growth, pressures and contingency are data.
/// </summary>
/// <remarks>
/// Per FY (docs/model.md, "Accounting"):
/// standstill = the budget baseline when the scenario gives one, else the opening stock at budget prices;
/// avoidance = do-nothing cost − standstill; placements = standstill − programme cost;
/// ROI = investment − avoidance − placements − workforce;
/// position = ROI + pressures + avoidance − growth funding released + contingency
/// (= investment + programme cost − (standstill + funded growth) − workforce + pressures + contingency);
/// funding required = max(0, position).
/// </remarks>
internal static class BudgetAccounting
{
    /// <summary>
    /// Turns the month sums in <paramref name="ws"/> into the per-FY rows of <paramref name="yearly"/>
    /// and returns the first breakeven FY index (−1 if none).
    /// </summary>
    public static int Finish(CompiledModel model, TrialWorkspace ws, bool scaleWorkforce, Span<double> yearly)
    {
        const int stride = Metrics.Count;
        var acc = ws.Yearly;
        var budget = model.Budget;
        var v = ws.Values;
        double cumulative = 0;
        int breakeven = -1;
        for (int f = 0; f < model.FyCount; f++)
        {
            int row = f * stride;
            Debug.Assert(ws.Months[f] > 0, "every FY of the horizon has at least one month");
            double lacAverage = acc[row + (int)Metric.LacAverage] / ws.Months[f];
            double prog = acc[row + (int)Metric.CostProgrammeGbp];
            double dn = acc[row + (int)Metric.CostDoNothingGbp];
            double stand = budget.BaselineInput[f] >= 0 ? v[budget.BaselineInput[f]] : acc[row + (int)Metric.CostStandstillGbp];
            double investment = acc[row + (int)Metric.InvestmentGbp];
            double avoidance = dn - stand;
            double placements = stand - prog;

            double workforce = model.WorkforcePlanGbp[f];
            if (scaleWorkforce && model.WorkforceScales)
            {
                workforce *= WorkforceFactor(model.StartStockTotal - lacAverage, model.PlanLacReduction[f]);
            }

            double roi = investment - avoidance - placements - workforce;
            double pressures = 0;
            foreach (int input in model.PressureInputs[f])
            {
                pressures += v[input];
            }

            double released = budget.FundedGrowthFollowsDoNothing ? avoidance : 0.0;
            foreach (int input in budget.FundedGrowthInputs[f])
            {
                released += v[input];
            }

            double contingency = budget.ContingencyGbp[f];

            // Position = ROI + pressures + growth, where the paper's growth row is the avoidance row;
            // funding the budget already holds for that growth is released, and contingency is set aside.
            double position = roi + pressures + avoidance - released + contingency;
            cumulative += position;
            if (breakeven < 0 && position <= 0)
            {
                breakeven = f;
            }

            var o = yearly.Slice(row, stride);
            o[(int)Metric.LacEnd] = acc[row + (int)Metric.LacEnd];
            o[(int)Metric.LacAverage] = lacAverage;
            o[(int)Metric.LacEndDoNothing] = acc[row + (int)Metric.LacEndDoNothing];
            o[(int)Metric.CostProgrammeGbp] = prog;
            o[(int)Metric.CostDoNothingGbp] = dn;
            o[(int)Metric.CostStandstillGbp] = stand;
            o[(int)Metric.InvestmentGbp] = investment;
            o[(int)Metric.AvoidanceOfGrowthGbp] = avoidance;
            o[(int)Metric.PlacementsSavingGbp] = placements;
            o[(int)Metric.WorkforceSavingGbp] = workforce;
            o[(int)Metric.RoiGbp] = roi;
            o[(int)Metric.PressuresGbp] = pressures;
            o[(int)Metric.PositionGbp] = position;
            o[(int)Metric.CumulativePositionGbp] = cumulative;
            o[(int)Metric.GrowthFundingReleasedGbp] = released;
            o[(int)Metric.ContingencyGbp] = contingency;
            o[(int)Metric.FundingRequiredGbp] = Math.Max(0.0, position);
        }

        return breakeven;
    }

    /// <summary>
    /// Share of an FY's planned workforce saving that is cashable. Today's workforce serves the
    /// opening stock, so a post can only be released where LAC is below it: the achieved reduction
    /// is opening stock − the FY's average LAC, floored at 0, and the plan's reduction likewise.
    /// The saving scales with achieved / planned reduction, capped at the plan. Where the plan has
    /// no reduction in the FY (its LAC is at or above the opening stock) there is no yardstick to
    /// scale by: the planned amount is booked in full when the trial achieves any reduction, and
    /// nothing when it does not. A rise in LAC never books a workforce saving.
    /// </summary>
    internal static double WorkforceFactor(double achievedReduction, double planReduction)
    {
        double achieved = Math.Max(0.0, achievedReduction);
        double planned = Math.Max(0.0, planReduction);
        if (achieved <= 0)
        {
            return 0.0;
        }

        return planned <= 0 ? 1.0 : Math.Min(1.0, achieved / planned);
    }
}
