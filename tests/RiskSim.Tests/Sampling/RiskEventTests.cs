using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Tests.Engine;

namespace RiskSim.Tests.Sampling;

/// <summary>Risk-register events: how often they occur, what they change, and what they leave alone.</summary>
public sealed class RiskEventTests
{
    private static Scenario Staffordshire => EngineTestData.Parse(EngineTestData.StaffordshireText);

    private static (CompiledModel Model, CollectingEventSink Sink) Run(Scenario scenario, int trials, ulong seed = 9)
    {
        var model = CompiledModel.Compile(scenario);
        var sink = new CollectingEventSink();
        StochasticRunner.Run(model, new RunOptions(trials, seed, 2), [sink]);
        return (model, sink);
    }

    [Fact]
    public void An_event_occurs_in_the_share_of_trials_its_yearly_probability_implies()
    {
        // Staffordshire's horizon is Oct 2019 - Mar 2026: a 6-month FY then six whole FYs. With a part
        // FY prorated, P(ever) = 1 − (1 − p)^(6 + 6/12). Tolerance 3 binomial SE at 20,000 trials.
        const double p = 0.1;
        const int n = 20_000;
        var scenario = Staffordshire with { RiskEvents = [new RiskEvent("inadequate_inspection", p, "entries_rate_multiplier", 1.15, 12)] };
        var (model, sink) = Run(scenario, n);
        Assert.Equal(["event_inadequate_inspection_fy"], model.EventColumns);
        double expected = 1 - Math.Pow(1 - p, 6.5);
        double se = Math.Sqrt(expected * (1 - expected) / n);
        double share = sink.FirstFy.Count(f => f >= 0) / (double)n;
        Assert.InRange(share, expected - (3 * se), expected + (3 * se));

        // The first FY is geometric: P(first in FY 0) = 1 − 0.9^0.5, then 0.9^0.5 · 0.1, ...
        double first0 = 1 - Math.Pow(1 - p, 0.5);
        double se0 = Math.Sqrt(first0 * (1 - first0) / n);
        Assert.InRange(sink.FirstFy.Count(f => f == 0) / (double)n, first0 - (3 * se0), first0 + (3 * se0));
    }

    [Fact]
    public void A_certain_demand_shock_raises_mean_LAC_and_a_certain_cost_shock_leaves_children_alone()
    {
        var baseline = Run(Staffordshire, 2000).Sink;
        var demand = Run(Staffordshire with { RiskEvents = [new RiskEvent("surge", 1.0, "entries_rate_multiplier", 1.3, 24)] }, 2000).Sink;
        var cost = Run(Staffordshire with { RiskEvents = [new RiskEvent("market", 1.0, "residential_weekly_cost_gbp", 1.5, 12)] }, 2000).Sink;
        int last = baseline.FyCount - 1;
        double Mean(CollectingEventSink s, Metric m, int f) => Enumerable.Range(0, s.Trials).Average(t => s.Get(t, f, m));

        Assert.True(Mean(demand, Metric.LacEnd, last) > Mean(baseline, Metric.LacEnd, last) + 20);
        Assert.True(Mean(cost, Metric.CostProgrammeGbp, 1) > Mean(baseline, Metric.CostProgrammeGbp, 1));

        // A cost event cannot move a child: every LAC path is the baseline's, bit for bit.
        for (int t = 0; t < baseline.Trials; t++)
        {
            for (int f = 0; f <= last; f++)
            {
                Assert.Equal(baseline.Get(t, f, Metric.LacEnd), cost.Get(t, f, Metric.LacEnd));
            }
        }
    }

    [Fact]
    public void Plan_mode_and_fixed_inputs_have_no_events()
    {
        var scenario = Staffordshire with { RiskEvents = [new RiskEvent("surge", 1.0, "entries_rate_multiplier", 1.3, 24)] };
        var model = CompiledModel.Compile(scenario);
        Assert.Equal(PlanRunner.Run(EngineTestData.Staffordshire).Yearly, PlanRunner.Run(model).Yearly);
        var sink = new CollectingEventSink();
        StochasticRunner.Run(model, new RunOptions(50, 1, 1, InputUncertainty: false), [sink]);
        Assert.All(sink.FirstFy, f => Assert.Equal(-1, f));
    }

    [Fact]
    public void An_event_on_an_input_that_does_not_vary_by_month_is_refused_naming_it()
    {
        var scenario = Staffordshire with { RiskEvents = [new RiskEvent("x", 0.1, "family_group_conferencing_recruitment_delay_months", 2, 12)] };
        var e = Assert.Throws<ArgumentException>(() => CompiledModel.Compile(scenario));
        Assert.Contains("family_group_conferencing_recruitment_delay_months", e.Message, StringComparison.Ordinal);
        Assert.Contains("entries_rate_multiplier", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A <see cref="CollectingSink"/> that also keeps each trial's first event FY (single-event scenarios).</summary>
    private sealed class CollectingEventSink : ITrialSink
    {
        private readonly CollectingSink inner = new();

        public List<int> FirstFy { get; } = [];

        public int Trials => inner.Trials;

        public int FyCount => inner.FyCount;

        public double Get(int trial, int fy, Metric metric) => inner.Get(trial, fy, metric);

        public void Accept(TrialBlock block)
        {
            inner.Accept(block);
            int events = block.EventColumns.Count;
            for (int t = 0; t < block.Count; t++)
            {
                FirstFy.Add(events > 0 ? block.EventFirstFyIndex[t * events] : -1);
            }
        }
    }
}
