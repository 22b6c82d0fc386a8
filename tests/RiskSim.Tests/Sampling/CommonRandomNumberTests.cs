using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Core.Sampling;
using RiskSim.Core.Uncertainty;
using RiskSim.Tests.Engine;

namespace RiskSim.Tests.Sampling;

/// <summary>
/// Inputs and flows draw from separate streams, so changing how inputs are drawn never moves a
/// child: the property that makes scenario variants, --fixed-inputs, tornado and compare runs
/// share common random numbers.
/// </summary>
public sealed class CommonRandomNumberTests
{
    private static Scenario Staffordshire => EngineTestData.Parse(EngineTestData.StaffordshireText);

    private static CollectingSink Run(Scenario scenario, int trials, ulong seed, bool inputs = true, SamplingMode sampling = SamplingMode.MonteCarlo, int threads = 2)
    {
        var sink = new CollectingSink();
        StochasticRunner.Run(CompiledModel.Compile(scenario), new RunOptions(trials, seed, threads, inputs, Sampling: sampling), [sink]);
        return sink;
    }

    private static Scenario WithType(Scenario s, string id, Func<PlacementType, PlacementType> edit) =>
        s with { PlacementTypes = [.. s.PlacementTypes.Select(p => p.Id == id ? edit(p) : p)] };

    private static void AssertSameLac(CollectingSink a, CollectingSink b)
    {
        Assert.Equal(a.Trials, b.Trials);
        for (int t = 0; t < a.Trials; t++)
        {
            for (int f = 0; f < a.FyCount; f++)
            {
                Assert.Equal(a.Get(t, f, Metric.LacEnd), b.Get(t, f, Metric.LacEnd));
                Assert.Equal(a.Get(t, f, Metric.LacAverage), b.Get(t, f, Metric.LacAverage));
                Assert.Equal(a.Get(t, f, Metric.LacEndDoNothing), b.Get(t, f, Metric.LacEndDoNothing));
            }
        }
    }

    [Theory]
    [InlineData(SamplingMode.MonteCarlo)]
    [InlineData(SamplingMode.LatinHypercube)]
    public void Widening_a_unit_cost_range_leaves_every_trials_LAC_path_bit_identical(SamplingMode sampling)
    {
        // Issue 7: widening the residential weekly cost's range moved the LAC of 231 of 21,000 trial-years.
        var wide = WithType(Staffordshire, "residential", p => p with
        {
            WeeklyCostGbp = p.WeeklyCostGbp with { Distribution = new PertDistribution(3000, 4200, 7700) },
        });
        var a = Run(Staffordshire, 500, seed: 3, sampling: sampling);
        var b = Run(wide, 500, seed: 3, sampling: sampling);
        AssertSameLac(a, b);

        // …while the costs did change.
        Assert.NotEqual(a.Get(0, 3, Metric.CostProgrammeGbp), b.Get(0, 3, Metric.CostProgrammeGbp));
    }

    /// <summary>A scenario whose only uncertain inputs are unit costs and a pressure: no input can move a child.</summary>
    private const string CostsOnly = """
        schema: risksim/scenario/1
        name: costs-only
        horizon: {start: 2020-04, end: 2023-03, fy_start_month: 4}
        stock: {total: 400}
        entries: {per_month: 30, annual_growth: 0.03}
        placement_types:
          - {id: residential, label: Homes, stock_share: 0.1, entry_share: 0.1, weekly_cost_gbp: {dist: pert, min: 3800, mode: 4200, max: 5000}, exit_rate: 0.03}
          - {id: foster, label: Fostering, stock_share: 0.9, entry_share: 0.9, weekly_cost_gbp: {dist: uniform, min: 400, max: 900}, exit_rate: 0.04}
        step_downs:
          - {from: residential, to: foster, monthly_rate: 0.01}
        investment_lines:
          - {id: team, label: Team, planned_start: 2020-07, amounts_gbp_by_fy: {2020/21: 100000, 2021/22: 100000, 2022/23: 100000}}
        effects:
          - {id: fewer_entries, kind: entry_diversion, lines: [team], start: 2020-07, ramp_months: 6, size: 0.1}
        pressures:
          - {id: overspend, label: Overspend, amounts_gbp_by_fy: {2020/21: {dist: normal, mean: 500000, sd: 100000}}}
        """;

    [Fact]
    public void Fixed_inputs_and_sampled_runs_share_their_flow_draws()
    {
        // With only costs uncertain, inputs cannot move a child: holding them at plan must leave
        // every LAC path as the sampled run had it.
        var scenario = EngineTestData.Parse(CostsOnly);
        var sampled = Run(scenario, 300, seed: 8);
        var atPlan = Run(scenario, 300, seed: 8, inputs: false);
        AssertSameLac(sampled, atPlan);
        Assert.NotEqual(sampled.Get(0, 1, Metric.CostProgrammeGbp), atPlan.Get(0, 1, Metric.CostProgrammeGbp));
    }

    [Fact]
    public void Latin_hypercube_runs_are_identical_for_any_thread_count()
    {
        var one = Run(Staffordshire, 300, seed: 4, sampling: SamplingMode.LatinHypercube, threads: 1);
        var two = Run(Staffordshire, 300, seed: 4, sampling: SamplingMode.LatinHypercube, threads: 2);
        var (inputs1, yearly1, breakeven1) = one.Bits();
        var (inputs2, yearly2, breakeven2) = two.Bits();
        Assert.Equal(inputs1, inputs2);
        Assert.Equal(yearly1, yearly2);
        Assert.Equal(breakeven1, breakeven2);
    }

    [Fact]
    public void Latin_hypercube_gives_a_smaller_standard_error_of_the_mean_cumulative_position_than_Monte_Carlo()
    {
        // 24 independent replicates (seeds) of 100 trials each; the spread of the replicate means
        // estimates each design's standard error. LHS stratifies every input, so the input-driven
        // part of the variance of the mean falls; the flows' part is common to both designs.
        var model = EngineTestData.Staffordshire;
        double Spread(SamplingMode mode)
        {
            var means = new double[24];
            for (int r = 0; r < means.Length; r++)
            {
                var sink = new CollectingSink();
                StochasticRunner.Run(model, new RunOptions(100, (ulong)(1000 + r), 2, Sampling: mode), [sink]);
                int last = sink.FyCount - 1;
                means[r] = Enumerable.Range(0, sink.Trials).Average(t => sink.Get(t, last, Metric.CumulativePositionGbp));
            }

            double mean = means.Average();
            return Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / (means.Length - 1));
        }

        double mc = Spread(SamplingMode.MonteCarlo);
        double lhs = Spread(SamplingMode.LatinHypercube);
        Assert.True(lhs < mc, $"LHS SE {lhs:N0} is not below MC SE {mc:N0}");
    }
}
