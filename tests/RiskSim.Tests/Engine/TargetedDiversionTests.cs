using RiskSim.Core.Engine;
using RiskSim.Core.Results;

namespace RiskSim.Tests.Engine;

/// <summary>
/// Entry and growth diversions targeted at named types (<c>types: [...]</c>): only the would-be
/// entrants of those types are diverted. Plan mode is checked exactly against the formula
/// r_k = share_k · (λ − (1 − kept_k) · growth) · diversion_k; the stochastic mean against plan mode
/// within a tolerance from its standard error; the do-nothing world, conservation and the
/// untargeted effect's outputs are checked to be untouched.
/// </summary>
public sealed class TargetedDiversionTests
{
    /// <summary>Fixed inputs, no other effect, growth so that growth diversion has something to act on.</summary>
    private const string Targetshire = """
        schema: risksim/scenario/1
        name: targetshire
        horizon:
          start: 2020-04
          end: 2023-03
          fy_start_month: 4
        stock:
          total: 400
        entries:
          per_month: 30
          annual_growth: 0.08
          rate_multiplier: 1
        placement_types:
          - id: residential
            label: Children's homes
            stock_share: 0.1
            entry_share: 0.2
            weekly_cost_gbp: 4200
            exit_rate: 0.03
          - id: ifa
            label: Independent fostering
            stock_share: 0.4
            entry_share: 0.3
            weekly_cost_gbp: 850
            exit_rate: 0.03
          - id: in_house
            label: In-house fostering
            stock_share: 0.5
            entry_share: 0.5
            weekly_cost_gbp: 400
            exit_rate: 0.025
        investment_lines:
          - id: team
            label: Team
            planned_start: 2020-04
            amounts_gbp_by_fy:
              2020/21: 100000
        effects:
          - id: target
            kind: entry_diversion
            lines: [team]
            start: 2020-07
            ramp_months: 6
            size: 0.3
            types: [residential]
        """;

    private const double Size = 0.3;

    private const int Residential = 0;

    private static CompiledModel Model(string text) => EngineTestData.Compile(text, "targetshire.yaml");

    /// <summary>The effect's level in month m: 0 before July 2020 (month 3), then ramping over 6 months.</summary>
    private static double Level(int m) => m < 3 ? 0.0 : Math.Min(1.0, (m - 3 + 1) / 6.0);

    [Fact]
    public void Plan_mode_diverts_only_the_targeted_types_entrants()
    {
        var model = Model(Targetshire);
        var t = EngineTestData.RunPlanTraced(model).Trace;
        double[] share = [0.2, 0.3, 0.5];
        for (int m = 0; m < model.MonthCount; m++)
        {
            double lambda = 30 * Math.Pow(1.08, m / 12.0);
            for (int k = 0; k < 3; k++)
            {
                double dn = t.DoNothingTypeEntries[(m * 3) + k];
                double prog = t.ProgrammeTypeEntries[(m * 3) + k];
                Assert.Equal(lambda * share[k], dn, 1e-9);
                double expected = k == Residential ? lambda * share[k] * (1 - (Size * Level(m))) : lambda * share[k];
                Assert.True(Math.Abs(prog - expected) <= 1e-12 * lambda, $"month {m}, type {k}: {prog} vs {expected}");
            }
        }
    }

    [Fact]
    public void Plan_mode_growth_diversion_diverts_only_the_targeted_types_growth()
    {
        string text = EngineTestData.Edit(Targetshire, "kind: entry_diversion", "kind: growth_diversion");
        text = EngineTestData.Edit(text, "types: [residential]", "types: [in_house, ifa]");
        var model = Model(text);
        var t = EngineTestData.RunPlanTraced(model).Trace;
        double[] share = [0.2, 0.3, 0.5];
        for (int m = 0; m < model.MonthCount; m++)
        {
            double lambda = 30 * Math.Pow(1.08, m / 12.0);
            double growth = lambda - 30;
            for (int k = 0; k < 3; k++)
            {
                double prog = t.ProgrammeTypeEntries[(m * 3) + k];
                double expected = k == Residential ? lambda * share[k] : share[k] * (lambda - (Size * Level(m) * growth));
                Assert.True(Math.Abs(prog - expected) <= 1e-12 * lambda, $"month {m}, type {k}: {prog} vs {expected}");
            }
        }
    }

    [Fact]
    public void Targeted_and_untargeted_diversions_multiply_per_type()
    {
        // An untargeted 10 % on every entrant and a growth diversion of residential's growth, on top of the 30 %.
        string text = Targetshire + """

              - id: everyone
                kind: entry_diversion
                lines: []
                start: 2020-04
                size: 0.1
              - id: resi_growth
                kind: growth_diversion
                lines: []
                start: 2020-04
                size: 0.5
                types: [residential]
            """;
        var t = EngineTestData.RunPlanTraced(Model(text)).Trace;
        double[] share = [0.2, 0.3, 0.5];
        for (int m = 0; m < 36; m++)
        {
            double lambda = 30 * Math.Pow(1.08, m / 12.0);
            double growth = lambda - 30;
            for (int k = 0; k < 3; k++)
            {
                double expected = k == Residential
                    ? share[k] * (lambda - (0.5 * growth)) * 0.9 * (1 - (Size * Level(m)))
                    : share[k] * lambda * 0.9;
                double prog = t.ProgrammeTypeEntries[(m * 3) + k];
                Assert.True(Math.Abs(prog - expected) <= 1e-12 * lambda, $"month {m}, type {k}: {prog} vs {expected}");
            }
        }
    }

    [Fact]
    public void Diversions_covering_every_type_in_parts_match_the_untargeted_effect_in_plan_mode()
    {
        // Two targeted diversions of the same size over complementary sets take the per-type path
        // and must give the same expected flows as one untargeted diversion, to rounding.
        string untargeted = EngineTestData.Edit(Targetshire, "\n    types: [residential]", "");
        string parts = EngineTestData.Edit(Targetshire, "types: [residential]", "types: [residential, ifa]") + """

              - id: rest
                kind: entry_diversion
                lines: [team]
                start: 2020-07
                ramp_months: 6
                size: 0.3
                types: [in_house]
            """;
        var a = EngineTestData.RunPlanTraced(Model(untargeted));
        var b = EngineTestData.RunPlanTraced(Model(parts));
        for (int i = 0; i < a.Trace.ProgrammeTypeEntries.Length; i++)
        {
            Assert.Equal(a.Trace.ProgrammeTypeEntries[i], b.Trace.ProgrammeTypeEntries[i], 1e-9);
            Assert.Equal(a.Trace.ProgrammeTypeStockEnd[i], b.Trace.ProgrammeTypeStockEnd[i], 1e-9);
        }
    }

    [Fact]
    public void Listing_every_type_is_the_untargeted_effect_bit_for_bit()
    {
        // Smallshire has both diversions untargeted (with every other effect kind and uncertain inputs).
        var plain = EngineTestData.Compile(EngineTestData.Smallshire, "smallshire.yaml");
        string all = EngineTestData.Edit(EngineTestData.Smallshire, "    size: {dist: pert, min: 0.05, mode: 0.12, max: 0.2, plan: 0.15}",
            "    size: {dist: pert, min: 0.05, mode: 0.12, max: 0.2, plan: 0.15}\n    types: [kinship, in_house, ifa, residential]");
        all = EngineTestData.Edit(all, "    size: {dist: pert, min: 0.3, mode: 0.6, max: 1.0, plan: 0.8}",
            "    size: {dist: pert, min: 0.3, mode: 0.6, max: 1.0, plan: 0.8}\n    types: [residential, ifa, in_house, kinship]");
        var listed = EngineTestData.Compile(all, "smallshire.yaml");

        Assert.Equal(PlanRunner.Run(plain).Yearly.ToArray(), PlanRunner.Run(listed).Yearly.ToArray());
        foreach (long trial in new long[] { 0, 1, 999 })
        {
            var a = EngineTestData.RunTraced(plain, 5, trial);
            var b = EngineTestData.RunTraced(listed, 5, trial);
            Assert.Equal(a.Yearly, b.Yearly);
            Assert.Equal(a.Trace.ProgrammeTypeEntries, b.Trace.ProgrammeTypeEntries);
        }
    }

    /// <summary>
    /// With inputs fixed, the mean over trials of each type's programme entries in each FY must
    /// match plan mode: |mean − plan| ≤ 4 SE (SE = sd/√N; false-alarm rate 6e-5 per comparison,
    /// 9 comparisons, fixed seed so the outcome is deterministic). The targeted type's mean must
    /// also sit below the do-nothing's by the diverted amount, and other types' by nothing.
    /// </summary>
    [Fact]
    public void Stochastic_mean_entries_by_type_match_plan_mode()
    {
        const int n = 4000;
        var model = Model(Targetshire);
        var plan = EngineTestData.RunPlanTraced(model).Trace;
        int fys = model.FyCount;
        var sum = new double[fys * 3];
        var sumSq = new double[fys * 3];
        var dnSum = new double[fys * 3];
        for (long trial = 0; trial < n; trial++)
        {
            var t = EngineTestData.RunTraced(model, 2024, trial, sampleInputs: false).Trace;
            var year = new double[fys * 3];
            var dnYear = new double[fys * 3];
            for (int m = 0; m < model.MonthCount; m++)
            {
                for (int k = 0; k < 3; k++)
                {
                    year[(model.FyOfMonth[m] * 3) + k] += t.ProgrammeTypeEntries[(m * 3) + k];
                    dnYear[(model.FyOfMonth[m] * 3) + k] += t.DoNothingTypeEntries[(m * 3) + k];
                }

                // Common random numbers: a lower rate on the same uniform never draws more entrants.
                Assert.True(t.ProgrammeEntries[m] <= t.DoNothingEntries[m]);
            }

            for (int i = 0; i < year.Length; i++)
            {
                sum[i] += year[i];
                sumSq[i] += year[i] * year[i];
                dnSum[i] += dnYear[i];
            }
        }

        for (int f = 0; f < fys; f++)
        {
            for (int k = 0; k < 3; k++)
            {
                int i = (f * 3) + k;
                double expected = 0, dnExpected = 0;
                for (int m = 0; m < model.MonthCount; m++)
                {
                    if (model.FyOfMonth[m] == f)
                    {
                        expected += plan.ProgrammeTypeEntries[(m * 3) + k];
                        dnExpected += plan.DoNothingTypeEntries[(m * 3) + k];
                    }
                }

                double mean = sum[i] / n;
                double se = Math.Sqrt(((sumSq[i] / n) - (mean * mean)) * n / (n - 1) / n);
                Assert.True(Math.Abs(mean - expected) <= 4 * se, $"FY {f}, type {k}: mean {mean} vs plan {expected} (SE {se})");
                if (k != Residential)
                {
                    Assert.Equal(dnExpected, expected, 1e-9);
                }
                else if (f > 0)
                {
                    // From the second FY the diversion is at full size.
                    Assert.Equal(dnExpected * (1 - Size), expected, 1e-9);
                }
            }
        }
    }

    [Fact]
    public void The_do_nothing_world_is_untouched_by_a_targeted_diversion()
    {
        var with = Model(Targetshire);
        var without = Model(EngineTestData.Edit(Targetshire, "size: 0.3", "size: 0"));
        foreach (long trial in new long[] { 0, 3, 4321 })
        {
            var a = EngineTestData.RunTraced(with, 9, trial).Trace;
            var b = EngineTestData.RunTraced(without, 9, trial).Trace;
            Assert.Equal(b.DoNothingTypeStockEnd, a.DoNothingTypeStockEnd);
            Assert.Equal(b.DoNothingTypeEntries, a.DoNothingTypeEntries);
        }
    }

    [Theory]
    [InlineData(0UL, 0L)]
    [InlineData(20191120UL, 17L)]
    [InlineData(1UL, 123_456L)]
    public void Children_are_conserved_with_targeted_diversions_and_one_in_one_out(ulong seed, long trial)
    {
        // Smallshire (every effect kind, one-in-one-out on residential) with its diversions targeted.
        string text = EngineTestData.Edit(EngineTestData.Smallshire, "    size: {dist: pert, min: 0.05, mode: 0.12, max: 0.2, plan: 0.15}",
            "    size: {dist: pert, min: 0.05, mode: 0.12, max: 0.2, plan: 0.15}\n    types: [residential, ifa]");
        text = EngineTestData.Edit(text, "    size: {dist: pert, min: 0.3, mode: 0.6, max: 1.0, plan: 0.8}",
            "    size: {dist: pert, min: 0.3, mode: 0.6, max: 1.0, plan: 0.8}\n    types: [kinship]");
        var model = EngineTestData.Compile(text, "smallshire.yaml");
        ConservationTests.AssertConserved(model, EngineTestData.RunTraced(model, seed, trial), stochastic: true);
        ConservationTests.AssertConserved(model, EngineTestData.RunPlanTraced(model), stochastic: false);
    }
}
