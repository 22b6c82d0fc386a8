using RiskSim.Core.Model;
using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Core.Accounting;

/// <summary>
/// A scenario's <see cref="BudgetFraming"/> as per-FY arrays: input indices into the trial's value
/// vector for the uncertain parts (baseline, funded growth) and plain £ for the contingency lines.
/// Built once with the rest of the compiled model.
/// </summary>
internal sealed class CompiledBudget
{
    /// <summary>Compiles <paramref name="framing"/> (null: the standstill framing), adding its inputs through <paramref name="addInput"/>.</summary>
    public CompiledBudget(BudgetFraming? framing, Horizon horizon, Func<Input, int> addInput)
    {
        int fys = horizon.FinancialYears.Count;
        BaselineInput = new int[fys];
        Array.Fill(BaselineInput, -1);
        FundedGrowthInputs = new int[fys][];
        Array.Fill(FundedGrowthInputs, []);
        ContingencyGbp = new double[fys];
        if (framing is null)
        {
            return;
        }

        foreach (var (fy, input) in (framing.BaselineGbpByFy ?? new Dictionary<FinancialYear, Input>()).OrderBy(p => p.Key.StartYear))
        {
            BaselineInput[horizon.IndexOf(fy)] = addInput(input);
        }

        if (framing.FundedGrowth is { } growth)
        {
            FundedGrowthFollowsDoNothing = growth.FollowsDoNothing;
            foreach (var (fy, input) in (growth.AmountsGbpByFy ?? new Dictionary<FinancialYear, Input>()).OrderBy(p => p.Key.StartYear))
            {
                FundedGrowthInputs[horizon.IndexOf(fy)] = [addInput(input)];
            }
        }

        foreach (var line in framing.Contingencies)
        {
            foreach (var (fy, amount) in line.AmountsGbpByFy)
            {
                ContingencyGbp[horizon.IndexOf(fy)] += amount;
            }
        }
    }

    /// <summary>Per FY, the input holding the budget baseline, or −1 to use the standstill.</summary>
    public int[] BaselineInput { get; }

    /// <summary>Whether the budget funds the modelled do-nothing growth (released in full as a benefit).</summary>
    public bool FundedGrowthFollowsDoNothing { get; }

    /// <summary>Per FY, the inputs of the stated growth funding (empty: none).</summary>
    public int[][] FundedGrowthInputs { get; }

    /// <summary>Per FY, the sum of the contingency lines, £.</summary>
    public double[] ContingencyGbp { get; }
}
