using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Core.Sampling;
using RiskSim.Core.Results;
using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Tests.Engine;

/// <summary>
/// Issue 6's engine defects: a silently wrong workforce saving, NaN mixes from tiny Dirichlet
/// concentrations, non-finite figures, counts beyond the engine, and a plan milestone at the
/// opening stock. Scenarios are edited as records, past the loader's validation, because these
/// are the engine's own last guards (validation refuses most such inputs first).
/// </summary>
public sealed class EngineGuardTests
{
    private static Scenario Staffordshire => EngineTestData.Parse(EngineTestData.StaffordshireText);

    private static CollectingSink RunTrials(CompiledModel model, int trials, ulong seed = 7, int threads = 2)
    {
        var sink = new CollectingSink();
        StochasticRunner.Run(model, new RunOptions(trials, seed, threads), [sink]);
        return sink;
    }

    [Theory]
    [InlineData(-50.0, 100.0, 0.0)]   // LAC rose: nothing is cashable, whatever the plan
    [InlineData(0.0, 100.0, 0.0)]
    [InlineData(50.0, 100.0, 0.5)]
    [InlineData(150.0, 100.0, 1.0)]   // capped at the plan
    [InlineData(20.0, 0.0, 1.0)]      // plan has no reduction: booked in full when LAC is below today's
    [InlineData(20.0, -30.0, 1.0)]
    [InlineData(-20.0, -30.0, 0.0)]   // neither reduced: nothing
    [InlineData(0.0, 0.0, 0.0)]
    public void Workforce_factor_books_only_a_reduction_that_happened(double achieved, double planned, double expected) =>
        Assert.Equal(expected, RiskSim.Core.Accounting.BudgetAccounting.WorkforceFactor(achieved, planned));

    [Fact]
    public void Workforce_saving_is_zero_in_every_trial_year_whose_LAC_is_above_the_opening_stock()
    {
        // Issue 6 defect 1: with 600 children at the start LAC climbs towards ~1,180, yet every
        // trial booked £0.2-0.8m a year of workforce saving.
        var scenario = Staffordshire with { Demand = Staffordshire.Demand with { StartStock = 600 } };
        var model = CompiledModel.Compile(scenario);
        var sink = RunTrials(model, 300);
        int above = 0;
        for (int t = 0; t < sink.Trials; t++)
        {
            for (int f = 0; f < sink.FyCount; f++)
            {
                if (sink.Get(t, f, Metric.LacAverage) > 600)
                {
                    above++;
                    Assert.Equal(0.0, sink.Get(t, f, Metric.WorkforceSavingGbp));
                }
            }
        }

        Assert.True(above > sink.Trials, $"the variant should see LAC above 600 in most trial-years; saw {above}");
    }

    [Fact]
    public void Workforce_saving_never_exceeds_the_plan_and_is_zero_without_a_reduction_in_Staffordshire()
    {
        var model = EngineTestData.Staffordshire;
        var plan = PlanRunner.Run(model);
        var sink = RunTrials(model, 400);
        for (int t = 0; t < sink.Trials; t++)
        {
            for (int f = 0; f < sink.FyCount; f++)
            {
                double saving = sink.Get(t, f, Metric.WorkforceSavingGbp);
                Assert.InRange(saving, 0.0, plan.Get(f, Metric.WorkforceSavingGbp));
                if (sink.Get(t, f, Metric.LacAverage) >= model.StartStockTotal)
                {
                    Assert.Equal(0.0, saving);
                }
            }
        }
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.01)]
    [InlineData(1e-6)]
    public void Tiny_entry_mix_concentration_gives_finite_shares_and_costs(double concentration)
    {
        // Issue 6 defect 2: Gamma variates underflowed to 0, the shares became 0/0 = NaN and every
        // entrant went to the last type (£0 a week).
        var scenario = Staffordshire with { Demand = Staffordshire.Demand with { EntryMixConcentration = concentration } };
        var model = CompiledModel.Compile(scenario);
        var sink = RunTrials(model, 200);
        Assert.All(sink.Inputs, x => Assert.True(double.IsFinite(x)));
        Assert.All(sink.Yearly, x => Assert.True(double.IsFinite(x)));
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(1e-6)]
    public void Tiny_stock_mix_concentration_runs_and_conserves_the_opening_stock(double concentration)
    {
        // Issue 6 defects 2 and 7: the same value on the stock mix threw OverflowException.
        var scenario = Staffordshire with { Demand = Staffordshire.Demand with { StockMixConcentration = concentration } };
        var model = CompiledModel.Compile(scenario);
        for (long trial = 0; trial < 50; trial++)
        {
            var traced = EngineTestData.RunTraced(model, seed: 11, trial);
            Assert.Equal(model.StartStockTotal, traced.StartStock.Sum());
            Assert.All(traced.StartStock, s => Assert.True(s >= 0));
        }
    }

    [Fact]
    public void Tiny_concentration_Dirichlet_puts_all_mass_on_one_type_chosen_with_its_share()
    {
        // As the concentration c → 0, Dirichlet(c·s) tends to a one-hot vector whose hot index is
        // k with probability s_k (the Gamma(c·s_k) variates' logs are dominated by ln U / (c·s_k)).
        // Seed-fixed; tolerance 4 standard errors of a binomial share.
        var scenario = Staffordshire with { Demand = Staffordshire.Demand with { EntryMixConcentration = 0.001 } };
        var model = CompiledModel.Compile(scenario);
        double[] share = [.. scenario.PlacementTypes.Select(p => p.EntryShare)];
        int n = 20_000;
        var hot = new int[share.Length];
        double largest = 0;
        var ws = new TrialWorkspace(model);
        var design = new MonteCarloDesign(model.InputDimensions, 3);
        for (long trial = 0; trial < n; trial++)
        {
            Simulator.SetInputs(model, ws, design, trial);
            Assert.Equal(1.0, ws.EntryShare.Sum(), 12);
            int best = Array.IndexOf(ws.EntryShare, ws.EntryShare.Max());
            largest += ws.EntryShare[best];
            hot[best]++;
        }

        Assert.True(largest / n > 0.99, $"mean largest share {largest / n}");

        for (int k = 0; k < share.Length; k++)
        {
            double se = Math.Sqrt(share[k] * (1 - share[k]) / n);
            Assert.InRange(hot[k] / (double)n, share[k] - (4 * se), share[k] + (4 * se));
        }
    }

    [Fact]
    public void A_huge_weekly_cost_stops_plan_mode_naming_the_metric_and_FY()
    {
        // Issue 6 defect 3: a 1e308 cost gave Infinity in Parquet and £NaNm on the console.
        var scenario = WithResidentialCost(new Constant(1e308));
        var e = Assert.Throws<NonFiniteResultException>(() => PlanRunner.Run(CompiledModel.Compile(scenario)));
        Assert.Equal("cost_programme_gbp", e.Metric);
        Assert.Equal("2019/20", e.FinancialYear);
        Assert.Null(e.Trial);
    }

    [Fact]
    public void A_lognormal_with_a_huge_sigma_stops_the_run_at_the_first_failing_trial_whatever_the_threads()
    {
        // Issue 6 defect 3: lognormal sigma 300 drew +∞ costs in some trials only.
        var scenario = WithResidentialCost(new LogNormalDistribution(4000, 300));
        var model = CompiledModel.Compile(scenario);
        var one = Assert.Throws<NonFiniteResultException>(() => RunTrials(model, 500, threads: 1));
        var two = Assert.Throws<NonFiniteResultException>(() => RunTrials(model, 500, threads: 2));
        Assert.NotNull(one.Trial);
        Assert.Equal(one.Trial, two.Trial);
        Assert.Equal(one.Metric, two.Metric);
        Assert.Contains($"trial {one.Trial}", one.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_beyond_what_the_engine_counts_are_refused_with_a_message_not_an_overflow()
    {
        // Issue 6 defect 7: a Poisson mean over 1e9 threw ArgumentOutOfRangeException from a worker.
        // At plan the multiplier is 1e8: compiling (which runs the plan) refuses it.
        var atPlan = Staffordshire.Demand with { RateMultiplier = new Input("entries_rate_multiplier", new Constant(1e8)) };
        var planError = Assert.Throws<EngineLimitException>(() => CompiledModel.Compile(Staffordshire with { Demand = atPlan }));
        Assert.Null(planError.Trial);

        // Plan 1, but trials draw up to 1e8: the first trial that goes beyond is named, for any thread count.
        var sampled = Staffordshire.Demand with { RateMultiplier = new Input("entries_rate_multiplier", new UniformDistribution(1, 1e8, 1)) };
        var model = CompiledModel.Compile(Staffordshire with { Demand = sampled });
        var one = Assert.Throws<EngineLimitException>(() => RunTrials(model, 20, threads: 1));
        var two = Assert.Throws<EngineLimitException>(() => RunTrials(model, 20, threads: 2));
        Assert.NotNull(one.Trial);
        Assert.Equal(one.Trial, two.Trial);
    }

    [Fact]
    public void An_opening_stock_beyond_the_engine_is_refused()
    {
        // Issue 6 defect 7: LAC over int32 crashed the run.
        var scenario = Staffordshire with { Demand = Staffordshire.Demand with { StartStock = 2_000_000_000 } };
        Assert.Throws<EngineLimitException>(() => CompiledModel.Compile(scenario));
    }

    [Fact]
    public void A_LAC_milestone_at_the_month_before_the_horizon_is_the_opening_stock()
    {
        // Issue 6 defect 7: plan crashed on a milestone for the month before the horizon.
        var model = EngineTestData.Staffordshire;
        var plan = PlanRunner.Run(model);
        var before = model.Horizon.Start.AddMonths(-1);
        Assert.Equal(model.StartStockTotal, plan.LacAtEndOf(before));
        Assert.Equal(plan.LacByMonthEnd[0], plan.LacAtEndOf(model.Horizon.Start));
        Assert.Equal(plan.LacByMonthEnd[^1], plan.LacAtEndOf(model.Horizon.End));
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.LacAtEndOf(before.AddMonths(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.LacAtEndOf(model.Horizon.End.AddMonths(1)));
    }

    private static Scenario WithResidentialCost(Distribution cost)
    {
        var s = Staffordshire;
        var types = s.PlacementTypes
            .Select(p => p.Id == "residential" ? p with { WeeklyCostGbp = p.WeeklyCostGbp with { Distribution = cost } } : p)
            .ToList();
        return s with { PlacementTypes = types };
    }
}

/// <summary>The summary's own guard: finite values whose spread overflows never become an infinite sd.</summary>
public sealed class SummaryGuardTests
{
    [Fact]
    public void An_infinite_standard_deviation_stops_the_summary_naming_metric_and_FY()
    {
        double[] values = [1e308, -1e308, 1e308, -1e308];
        var e = Assert.Throws<NonFiniteResultException>(
            () => SummaryAccumulator.Summarise(new FinancialYear(2023), "position_gbp", values));
        Assert.Equal("position_gbp", e.Metric);
        Assert.Equal("2023/24", e.FinancialYear);
    }
}
