using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Core.Sampling;
using RiskSim.Scenarios;

namespace RiskSim.Tests.Engine;

/// <summary>
/// Issue 8, items 1 and 4: a known starting mix with entrants at it (or uncertain around it), a
/// separate budget uplift for the standstill, a benefit lag after a line is in place, and agency
/// cover that keeps the linked effects on time.
/// </summary>
public sealed class CredibleBaselineTests
{
    /// <summary>
    /// Three types with the same exit rate, entrants at the stock mix, growing demand, no effects:
    /// every type grows in proportion, so the mix, and the cost per child, stay as they started.
    /// </summary>
    private const string Flatshire = """
        schema: risksim/scenario/1
        name: flatshire
        horizon: {start: 2020-04, end: 2025-03}
        stock: {total: 600}
        entries:
          per_month: 25
          annual_growth: 0.05
          mix: same_as_stock
          mix_concentration: 200
        placement_types:
          - {id: residential, label: Homes, stock_share: 0.2, weekly_cost_gbp: 4500, exit_rate: 0.03}
          - {id: ifa, label: IFA, stock_share: 0.3, weekly_cost_gbp: 850, exit_rate: 0.03}
          - {id: in_house, label: In-house, stock_share: 0.5, weekly_cost_gbp: 400, exit_rate: 0.03}
        """;

    [Fact]
    public void With_no_effects_and_entrants_at_the_stock_mix_the_expected_cost_per_child_stays_flat()
    {
        var model = EngineTestData.Compile(Flatshire);
        var plan = PlanRunner.Run(model);
        double blend = ((0.2 * 4500) + (0.3 * 850) + (0.5 * 400)) * 52.0 / 12.0; // £ a month per child
        for (int f = 0; f < plan.FinancialYears.Count; f++)
        {
            double perChildMonth = plan.Get(f, Metric.CostProgrammeGbp) / (plan.Get(f, Metric.LacAverage) * 12);
            Assert.Equal(blend, perChildMonth, 6);
            Assert.Equal(plan.Get(f, Metric.CostProgrammeGbp), plan.Get(f, Metric.CostDoNothingGbp), 6);
        }

        // Demand grows (entries above 600 × 0.03 = 18 a month), so LAC grows: the flatness is the mix's.
        Assert.True(plan.Get(plan.FinancialYears.Count - 1, Metric.LacAverage) > 700);
    }

    [Fact]
    public void Same_as_stock_gives_entrants_the_stock_shares_and_only_the_entry_mix_is_sampled()
    {
        var model = EngineTestData.Compile(Flatshire);
        Assert.Equal(model.StockShare, model.EntryShare);
        Assert.DoesNotContain(model.InputColumns, c => c.StartsWith("stock_share_", StringComparison.Ordinal));
        Assert.Contains("entry_share_residential", model.InputColumns);

        // Entry shares are Dirichlet centred on the stock mix: their mean over trials is the stock mix.
        var ws = new TrialWorkspace(model);
        var design = new MonteCarloDesign(model.InputDimensions, 11);
        const int Trials = 4000;
        var sum = new double[3];
        for (int t = 0; t < Trials; t++)
        {
            Simulator.SetInputs(model, ws, design, t);
            Assert.Equal(model.StockShare, ws.StockShare);
            for (int k = 0; k < 3; k++)
            {
                sum[k] += ws.EntryShare[k];
            }
        }

        for (int k = 0; k < 3; k++)
        {
            // Dirichlet(200 × share): sd of a share = sqrt(s(1 − s)/201) ≤ 0.036; SE of the mean over 4,000 ≤ 0.0006.
            Assert.Equal(model.StockShare[k], sum[k] / Trials, 2);
        }
    }

    [Fact]
    public void Same_as_stock_refuses_an_entry_share_and_an_unknown_mix_is_an_error()
    {
        string withShare = EngineTestData.Edit(Flatshire, "stock_share: 0.2,", "stock_share: 0.2, entry_share: 0.2,");
        var e1 = Assert.Throws<ScenarioException>(() => EngineTestData.Parse(withShare));
        Assert.Contains(e1.Errors, e => e.Message.Contains("remove entry_share", StringComparison.Ordinal));

        string unknown = EngineTestData.Edit(Flatshire, "mix: same_as_stock", "mix: national");
        var e2 = Assert.Throws<ScenarioException>(() => EngineTestData.Parse(unknown));
        Assert.Contains(e2.Errors, e => e.Message.Contains("unknown entry mix 'national'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_budget_uplift_below_price_growth_leaves_the_standstill_at_budget_prices()
    {
        string priced = EngineTestData.Edit(Flatshire, "weekly_cost_gbp: 4500,", "weekly_cost_gbp: 4500, unit_cost_inflation: 0.06,");
        string constantBudget = EngineTestData.Edit(priced, "unit_cost_inflation: 0.06,", "unit_cost_inflation: 0.06, budget_inflation: 0,");
        var follows = PlanRunner.Run(EngineTestData.Compile(priced));
        var flat = PlanRunner.Run(EngineTestData.Compile(constantBudget));
        double standstill = ((120 * 4500) + (180 * 850) + (300 * 400)) * 52.0; // a year at 2020/21 prices
        for (int f = 0; f < flat.FinancialYears.Count; f++)
        {
            Assert.Equal(standstill, flat.Get(f, Metric.CostStandstillGbp), 3);
            Assert.Equal(follows.Get(f, Metric.CostProgrammeGbp), flat.Get(f, Metric.CostProgrammeGbp), 6);
        }

        // Growth above the budget uplift costs money: the placements "saving" is lower by the
        // standstill's price rise, and the position worse by the same.
        int last = flat.FinancialYears.Count - 1;
        double gap = follows.Get(last, Metric.CostStandstillGbp) - flat.Get(last, Metric.CostStandstillGbp);
        Assert.True(gap > 0);
        Assert.Equal(follows.Get(last, Metric.PositionGbp) + gap, flat.Get(last, Metric.PositionGbp), 3);
    }

    [Fact]
    public void With_agency_cover_the_effects_start_as_planned_and_without_it_they_move_with_the_delay()
    {
        // Smallshire's edge-of-care line (agency cover 1.245) drives diversion, early help and exits.
        string covered = EngineTestData.Edit(EngineTestData.Smallshire, "max: 9, plan: 0}", "max: 9, plan: 3}");
        string uncovered = EngineTestData.Edit(covered, "    agency_cover_ratio: 1.245\n", string.Empty);
        var (coveredStarts, coveredModel) = EffectStarts(covered);
        var (uncoveredStarts, _) = EffectStarts(uncovered);
        for (int e = 0; e < 3; e++)
        {
            Assert.Equal(coveredModel.EffectStart[e], coveredStarts[e]);
            Assert.Equal(coveredModel.EffectStart[e] + 3, uncoveredStarts[e]);
        }

        // Plan mode: with cover the delay costs agency money but no children; without, children.
        var onTime = PlanRunner.Run(EngineTestData.Compile(EngineTestData.Smallshire));
        var coveredPlan = PlanRunner.Run(EngineTestData.Compile(covered));
        var uncoveredPlan = PlanRunner.Run(EngineTestData.Compile(uncovered));
        Assert.Equal(onTime.LacByMonthEnd, coveredPlan.LacByMonthEnd);
        Assert.True(coveredPlan.Get(0, Metric.InvestmentGbp) > onTime.Get(0, Metric.InvestmentGbp));
        Assert.True(uncoveredPlan.LacByMonthEnd[^1] > onTime.LacByMonthEnd[^1]);
    }

    [Fact]
    public void A_benefit_lag_starts_the_linked_effects_that_many_months_after_the_line_is_in_place_in_plan_mode()
    {
        string lagged = EngineTestData.Edit(
            EngineTestData.Smallshire, "    agency_cover_ratio: 1.245\n", "    agency_cover_ratio: 1.245\n    benefit_lag_months: {dist: uniform, min: 0, max: 4, plan: 2}\n");
        var (starts, model) = EffectStarts(lagged);
        for (int e = 0; e < 3; e++)
        {
            Assert.Equal(model.EffectStart[e] + 2, starts[e]); // covered: the lag only
        }

        Assert.Equal(model.EffectStart[3], starts[3]); // the step-down is the fostering line's, no lag
        Assert.Contains("edge_of_care_benefit_lag_months", model.InputColumns);

        // Without cover, a 3-month vacancy and then the 2-month lag.
        string uncovered = EngineTestData.Edit(
            EngineTestData.Edit(lagged, "    agency_cover_ratio: 1.245\n", string.Empty), "max: 9, plan: 0}", "max: 9, plan: 3}");
        var (late, _) = EffectStarts(uncovered);
        Assert.Equal(model.EffectStart[0] + 5, late[0]);

        var onTime = PlanRunner.Run(EngineTestData.Compile(EngineTestData.Smallshire));
        var plan = PlanRunner.Run(model);
        Assert.True(plan.LacByMonthEnd[^1] > onTime.LacByMonthEnd[^1]);
        Assert.Equal(onTime.Get(0, Metric.InvestmentGbp), plan.Get(0, Metric.InvestmentGbp)); // the lag costs no money
    }

    [Fact]
    public void Overdispersed_entries_keep_the_plan_and_widen_the_spread_of_entries()
    {
        string poisson = EngineTestData.Edit(Flatshire, "  mix_concentration: 200\n", string.Empty);
        string clumpy = EngineTestData.Edit(poisson, "  mix: same_as_stock\n", "  mix: same_as_stock\n  dispersion: 5\n");
        var p = EngineTestData.Compile(poisson);
        var c = EngineTestData.Compile(clumpy);
        Assert.Equal(PlanRunner.Run(p).Yearly, PlanRunner.Run(c).Yearly);

        double VarianceOfEntries(CompiledModel model)
        {
            var values = new List<double>();
            for (int t = 0; t < 200; t++)
            {
                var trial = EngineTestData.RunTraced(model, 5, t, sampleInputs: false);
                values.Add(trial.Trace.ProgrammeEntries[0]);
            }

            double mean = values.Average();
            return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        }

        // Month 1: mean 25; Poisson variance 25, NB(k = 5) variance 25 + 125 = 150.
        Assert.True(VarianceOfEntries(c) > 2.5 * VarianceOfEntries(p));
    }

    private static (int[] Starts, CompiledModel Model) EffectStarts(string text)
    {
        var model = EngineTestData.Compile(text);
        var ws = new TrialWorkspace(model);
        Simulator.SetInputs(model, ws, design: null, trial: 0);
        return ((int[])ws.EffectActualStart.Clone(), model);
    }
}
