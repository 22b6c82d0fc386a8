using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Core.Time;

namespace RiskSim.Tests.Engine;

/// <summary>
/// Properties of plan mode that follow from the model's equations whatever the numbers: more
/// diversion or more exits can only lower LAC, dearer placements cost more, a recruitment delay
/// starts spending and benefits later, and with no effect the two worlds are the same.
/// Each test changes one plan value of <see cref="EngineTestData.Smallshire"/> (or Staffordshire).
/// </summary>
/// <remarks>
/// Why LAC is monotone: in expected flows each type's next stock is
/// N_k(1 − h_k − s_k) + Σ_j s_jk N_j + share_k·(λ − held replacements), with non-negative
/// coefficients, so a lower λ or a higher h_k lowers every later stock by induction. Residential
/// (held by one-in-one-out from 2021-04) is untouched by the effects varied here, so its
/// replacements are the same in both runs.
/// </remarks>
public sealed class PlanPropertyTests
{
    private static readonly string Base = EngineTestData.Smallshire;

    private static PlanResult Plan(string text) => PlanRunner.Run(EngineTestData.Compile(text));

    private static int Month(int year, int month) => EngineTestData.Parse(Base).Horizon.IndexOf(new YearMonth(year, month));

    [Fact]
    public void A_larger_entry_diversion_gives_lower_LAC_every_month()
    {
        var low = Plan(Base);
        var high = Plan(EngineTestData.Edit(Base, "max: 0.2, plan: 0.15}", "max: 0.2, plan: 0.2}"));
        AssertLowerFrom(high.LacByMonthEnd, low.LacByMonthEnd, firstDifferent: Month(2020, 7));
    }

    [Fact]
    public void A_larger_growth_diversion_gives_lower_LAC_every_month()
    {
        var low = Plan(Base);
        var high = Plan(EngineTestData.Edit(Base, "max: 1.0, plan: 0.8}", "max: 1.0, plan: 1.0}"));

        // Growth above the first month's rate starts with the second month of growth (5 % a year).
        AssertLowerFrom(high.LacByMonthEnd, low.LacByMonthEnd, firstDifferent: Month(2020, 7));
    }

    [Fact]
    public void A_larger_exit_uplift_gives_lower_LAC_every_month()
    {
        var low = Plan(Base);
        var high = Plan(EngineTestData.Edit(Base, "max: 0.25, plan: 0.2}", "max: 0.25, plan: 0.25}"));
        AssertLowerFrom(high.LacByMonthEnd, low.LacByMonthEnd, firstDifferent: Month(2020, 10));
    }

    [Fact]
    public void A_larger_exit_uplift_on_Staffordshire_gives_lower_LAC_every_month()
    {
        string text = EngineTestData.StaffordshireText;
        var low = PlanRunner.Run(EngineTestData.Compile(text));
        var high = PlanRunner.Run(EngineTestData.Compile(EngineTestData.Edit(text, "max: 0.228443, plan: 0.190369}", "max: 0.228443, plan: 0.228443}")));
        var horizon = EngineTestData.Staffordshire.Horizon;
        AssertLowerFrom(high.LacByMonthEnd, low.LacByMonthEnd, firstDifferent: horizon.IndexOf(new YearMonth(2021, 4)));
    }

    [Fact]
    public void A_higher_weekly_cost_raises_every_cost_by_the_stock_times_the_rise_and_leaves_LAC_alone()
    {
        var cheap = Plan(Base);
        var dear = Plan(EngineTestData.Edit(Base, "weekly_cost_gbp: 850", "weekly_cost_gbp: 900"));
        Assert.Equal(cheap.LacByMonthEnd, dear.LacByMonthEnd);
        for (int f = 0; f < cheap.FinancialYears.Count; f++)
        {
            foreach (var metric in new[] { Metric.CostStandstillGbp, Metric.CostProgrammeGbp, Metric.CostDoNothingGbp })
            {
                Assert.True(dear.Get(f, metric) > cheap.Get(f, metric), $"{cheap.FinancialYears[f]} {metric}: {dear.Get(f, metric)} ≤ {cheap.Get(f, metric)}");
            }

            // Standstill holds the starting IFA stock (400 × 0.35 = 140) flat: £50 a week more costs
            // 140 × 50 × 52/12 a month, 12 months a year (IFA has no unit-cost inflation).
            double expected = 140 * 50 * 52.0 / 12.0 * 12;
            double rise = dear.Get(f, Metric.CostStandstillGbp) - cheap.Get(f, Metric.CostStandstillGbp);
            Assert.True(Math.Abs(rise - expected) <= 1e-6 * expected, $"{cheap.FinancialYears[f]}: standstill rose by {rise}, expected {expected}");
        }
    }

    [Fact]
    public void A_recruitment_delay_without_agency_cover_spends_less_in_the_first_FY_and_raises_LAC()
    {
        // Edge of care: 6 posts × £45,000 a year from 2020-07 = £22,500 a month; a 3-month vacancy
        // is unpaid (no agency cover), and the diversion, growth-diversion and exit effects it drives
        // start 3 months late.
        string noCover = EngineTestData.Edit(Base, "    agency_cover_ratio: 1.245\n", string.Empty);
        var onTime = Plan(noCover);
        var late = Plan(EngineTestData.Edit(noCover, "max: 9, plan: 0}", "max: 9, plan: 3}"));

        Assert.True(late.Get(0, Metric.InvestmentGbp) < onTime.Get(0, Metric.InvestmentGbp));
        Assert.Equal(onTime.Get(0, Metric.InvestmentGbp) - (3 * 22_500), late.Get(0, Metric.InvestmentGbp), 6);
        for (int f = 1; f < onTime.FinancialYears.Count; f++)
        {
            Assert.Equal(onTime.Get(f, Metric.InvestmentGbp), late.Get(f, Metric.InvestmentGbp));
        }

        // LAC: identical before the planned start (2020-07), strictly higher from it to the end.
        AssertLowerFrom(onTime.LacByMonthEnd, late.LacByMonthEnd, firstDifferent: Month(2020, 7));
    }

    [Fact]
    public void A_recruitment_delay_with_agency_cover_pays_the_vacancy_at_the_agency_rate()
    {
        // 3 vacant months × £22,500 paid at 1.245 × plan: £16,537.50 more in 2020/21.
        var onTime = Plan(Base);
        var late = Plan(EngineTestData.Edit(Base, "max: 9, plan: 0}", "max: 9, plan: 3}"));
        Assert.Equal(onTime.Get(0, Metric.InvestmentGbp) + (3 * 22_500 * 0.245), late.Get(0, Metric.InvestmentGbp), 6);

        // Cover means the work happens (at the agency price): the line's effects keep their dates.
        Assert.Equal(onTime.LacByMonthEnd, late.LacByMonthEnd);
    }

    [Fact]
    public void Staffordshire_recruitment_delays_spend_later_and_raise_LAC_after_the_planned_start()
    {
        // Every delayable line (plan 0 in the file) delayed by 4 months in plan mode.
        string text = EngineTestData.StaffordshireText;
        string delayed = text.Replace("max: 9, plan: 0}", "max: 9, plan: 4}", StringComparison.Ordinal);
        Assert.NotEqual(text, delayed);
        var onTime = PlanRunner.Run(EngineTestData.Staffordshire);
        var late = PlanRunner.Run(EngineTestData.Compile(delayed));

        // Vacant months are unpaid except the court team's (agency cover at 1.245), so 2019/20 spends less.
        Assert.True(late.Get(0, Metric.InvestmentGbp) < onTime.Get(0, Metric.InvestmentGbp));

        // The gatekeeping diversion (lines FGC and court team) is planned from 2019-10: with the
        // delay it starts in 2020-02, so LAC is higher from the end of October 2019 on.
        var horizon = EngineTestData.Staffordshire.Horizon;
        int from = horizon.IndexOf(new YearMonth(2019, 10));
        for (int m = from; m < horizon.MonthCount; m++)
        {
            Assert.True(late.LacByMonthEnd[m] > onTime.LacByMonthEnd[m], $"month {m}: LAC {late.LacByMonthEnd[m]} (late) ≤ {onTime.LacByMonthEnd[m]} (on time)");
        }
    }

    [Fact]
    public void Zero_effects_make_the_programme_world_the_do_nothing_world()
    {
        var zero = EngineTestData.Compile(ZeroEffects());
        var plan = PlanRunner.Run(zero);
        for (int f = 0; f < plan.FinancialYears.Count; f++)
        {
            Assert.Equal(plan.Get(f, Metric.LacEndDoNothing), plan.Get(f, Metric.LacEnd));
            Assert.Equal(plan.Get(f, Metric.CostDoNothingGbp), plan.Get(f, Metric.CostProgrammeGbp));
            Assert.Equal(-plan.Get(f, Metric.AvoidanceOfGrowthGbp), plan.Get(f, Metric.PlacementsSavingGbp));
        }

        // The effects did something in the base scenario, so the comparison above is not vacuous.
        var withEffects = Plan(Base);
        Assert.True(withEffects.Get(2, Metric.LacEnd) < withEffects.Get(2, Metric.LacEndDoNothing) - 10);
    }

    [Theory]
    [InlineData(1UL, 0L)]
    [InlineData(1UL, 1L)]
    [InlineData(42UL, 999L)]
    public void Zero_effects_give_identical_worlds_in_a_stochastic_trial(ulong seed, long trial)
    {
        // Common random numbers: both worlds read the same uniforms, so with no effect they take the
        // same draws, month by month and type by type.
        var zero = EngineTestData.Compile(ZeroEffects());
        var run = EngineTestData.RunTraced(zero, seed, trial);
        Assert.Equal(run.Trace.DoNothingTypeStockEnd, run.Trace.ProgrammeTypeStockEnd);
        for (int f = 0; f < zero.FyCount; f++)
        {
            Assert.Equal(EngineTestData.Get(run.Yearly, f, Metric.CostDoNothingGbp), EngineTestData.Get(run.Yearly, f, Metric.CostProgrammeGbp));
            Assert.Equal(-EngineTestData.Get(run.Yearly, f, Metric.AvoidanceOfGrowthGbp), EngineTestData.Get(run.Yearly, f, Metric.PlacementsSavingGbp));
        }
    }

    [Fact]
    public void No_effects_section_gives_the_same_line_as_zero_effects()
    {
        int at = Base.IndexOf("effects:\n", StringComparison.Ordinal);
        int end = Base.IndexOf("workforce_saving:", StringComparison.Ordinal);
        string none = string.Concat(Base.AsSpan(0, at), Base.AsSpan(end));
        var a = PlanRunner.Run(EngineTestData.Compile(none));
        var b = PlanRunner.Run(EngineTestData.Compile(ZeroEffects()));
        Assert.Equal(a.Yearly, b.Yearly);
        Assert.Equal(a.LacByMonthEnd, b.LacByMonthEnd);
    }

    /// <summary>Smallshire with every effect size 0 and without the one-in-one-out rule.</summary>
    private static string ZeroEffects()
    {
        string text = Base;
        text = EngineTestData.Edit(text, "size: {dist: pert, min: 0.05, mode: 0.12, max: 0.2, plan: 0.15}", "size: 0");
        text = EngineTestData.Edit(text, "size: {dist: pert, min: 0.3, mode: 0.6, max: 1.0, plan: 0.8}", "size: 0");
        text = EngineTestData.Edit(text, "size: {dist: pert, min: 0.05, mode: 0.15, max: 0.25, plan: 0.2}", "size: 0");
        text = EngineTestData.Edit(text, "size: {dist: uniform, min: 0.005, max: 0.02, plan: 0.015}", "size: 0");
        text = EngineTestData.Edit(
            text,
            """
              - id: hold_residential
                kind: one_in_one_out
                lines: []
                start: 2021-04
                types: [residential]

            """,
            string.Empty);
        return text;
    }

    /// <summary>
    /// <paramref name="lower"/> equals <paramref name="higher"/> exactly before month
    /// <paramref name="firstDifferent"/> and is strictly lower from it to the end.
    /// </summary>
    private static void AssertLowerFrom(IReadOnlyList<double> lower, IReadOnlyList<double> higher, int firstDifferent)
    {
        Assert.Equal(higher.Count, lower.Count);
        for (int m = 0; m < lower.Count; m++)
        {
            if (m < firstDifferent)
            {
                Assert.True(lower[m] == higher[m], $"month {m}: {lower[m]:R} ≠ {higher[m]:R} before the change takes effect");
            }
            else
            {
                Assert.True(lower[m] < higher[m], $"month {m}: {lower[m]:R} is not below {higher[m]:R}");
            }
        }
    }
}
