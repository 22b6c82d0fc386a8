using RiskSim.Core.Engine;
using RiskSim.Core.Results;

namespace RiskSim.Tests.Engine;

/// <summary>
/// Results depend only on (scenario, seed, trial index): not on threads, block size or the number
/// of trials run. (The CLI's Parquet files are checked byte for byte in RiskSim.Tests.Cli.)
/// </summary>
public sealed class DeterminismTests
{
    private const int Trials = 300;
    private const ulong Seed = 20191120UL;

    private static CollectingSink Run(RunOptions options, CompiledModel? model = null)
    {
        var sink = new CollectingSink();
        StochasticRunner.Run(model ?? EngineTestData.Staffordshire, options, [sink]);
        Assert.Equal(options.Trials, sink.Trials);
        return sink;
    }

    [Fact]
    public void Threads_and_block_size_do_not_change_any_bit()
    {
        var reference = Run(new RunOptions(Trials, Seed, Threads: 1, BlockSize: 4096)).Bits();
        foreach (var options in new[]
        {
            new RunOptions(Trials, Seed, Threads: 2, BlockSize: 4096),
            new RunOptions(Trials, Seed, Threads: 1, BlockSize: 7),
            new RunOptions(Trials, Seed, Threads: 2, BlockSize: 7),
            new RunOptions(Trials, Seed, Threads: 4, BlockSize: 64),
        })
        {
            var bits = Run(options).Bits();
            Assert.Equal(reference.Inputs, bits.Inputs);
            Assert.Equal(reference.Yearly, bits.Yearly);
            Assert.Equal(reference.Breakeven, bits.Breakeven);
        }
    }

    [Fact]
    public void Blocks_arrive_in_trial_order_with_the_requested_size()
    {
        var sink = Run(new RunOptions(Trials, Seed, Threads: 2, BlockSize: 7));
        Assert.Equal(43, sink.Blocks.Count); // ⌈300 / 7⌉
        Assert.All(sink.Blocks.SkipLast(1), b => Assert.Equal(7, b.Count));
        Assert.Equal((294L, 6), sink.Blocks[^1]);
    }

    [Fact]
    public void A_trial_does_not_depend_on_how_many_trials_are_run()
    {
        var all = Run(new RunOptions(Trials, Seed, Threads: 2, BlockSize: 50)).Bits();
        var first = Run(new RunOptions(100, Seed, Threads: 1)).Bits();
        Assert.Equal(all.Yearly.Take(first.Yearly.Length), first.Yearly);
        Assert.Equal(all.Inputs.Take(first.Inputs.Length), first.Inputs);
        Assert.Equal(all.Breakeven.Take(100), first.Breakeven);
    }

    [Fact]
    public void The_same_seed_twice_gives_the_same_bits_and_another_seed_differs()
    {
        var a = Run(new RunOptions(Trials, Seed, Threads: 2));
        var again = Run(new RunOptions(Trials, Seed, Threads: 2));
        var b = Run(new RunOptions(Trials, Seed + 1, Threads: 2));
        Assert.Equal(a.Bits().Yearly, again.Bits().Yearly);

        // Different seeds: every trial's sampled inputs and its 2025/26 position differ (continuous
        // inputs, so a coincidence has probability zero).
        int columns = a.Inputs.Count / Trials;
        for (int t = 0; t < Trials; t++)
        {
            Assert.NotEqual(a.Inputs.Skip(t * columns).Take(columns), b.Inputs.Skip(t * columns).Take(columns));
            Assert.NotEqual(a.Get(t, 6, Metric.PositionGbp), b.Get(t, 6, Metric.PositionGbp));
        }
    }

    [Fact]
    public void Trials_of_one_run_differ_from_each_other()
    {
        var a = Run(new RunOptions(Trials, Seed, Threads: 1));
        int distinct = Enumerable.Range(0, Trials).Select(t => a.Get(t, 6, Metric.CumulativePositionGbp)).Distinct().Count();
        Assert.Equal(Trials, distinct);
    }

    [Fact]
    public void Fixed_inputs_leave_the_input_columns_at_their_plan_values()
    {
        var model = EngineTestData.Staffordshire;
        var sink = Run(new RunOptions(50, Seed, Threads: 2, InputUncertainty: false));
        int columns = model.InputColumns.Count;
        Assert.Equal(50 * columns, sink.Inputs.Count);

        // Sampled inputs come first, in value-vector order, then the sampled mixes (Staffordshire
        // samples only the entrants' mix: the starting mix is the council's known one).
        Assert.Null(model.StockMixConcentration);
        var plan = model.SampledInputs.Select(i => model.Inputs[i].Plan)
            .Concat(model.Scenario.PlacementTypes.Select(t => t.EntryShare))
            .ToArray();
        Assert.Equal(columns, plan.Length);
        for (int t = 0; t < 50; t++)
        {
            Assert.Equal(plan, sink.Inputs.Skip(t * columns).Take(columns));
        }
    }
}
