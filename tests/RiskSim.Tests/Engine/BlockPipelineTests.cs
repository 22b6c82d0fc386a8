using RiskSim.Core.Engine;
using RiskSim.Core.Results;

namespace RiskSim.Tests.Engine;

/// <summary>
/// The runner's workers deliver blocks themselves (whichever completes the next block in order):
/// sinks are still called one block at a time, in trial order, a sink's error is the run's error and
/// stops it, and cancellation stops it between chunks.
/// </summary>
public sealed class BlockPipelineTests
{
    [Theory]
    [InlineData(1, 4096)]
    [InlineData(2, 5)]
    [InlineData(3, 17)]
    [InlineData(4, 1)]
    public void Sinks_are_never_called_at_once_and_see_every_block_in_order(int threads, int blockSize)
    {
        const int trials = 120;
        var sink = new OverlapSink();
        var progress = new List<int>();
        StochasticRunner.Run(EngineTestData.Staffordshire, new RunOptions(trials, 3, threads, BlockSize: blockSize), [sink, new CollectingSink()], new SyncProgress(progress));

        Assert.Equal(1, sink.MostAtOnce);
        int blocks = (trials + Math.Min(blockSize, trials) - 1) / Math.Min(blockSize, trials);
        Assert.Equal(blocks, sink.FirstTrials.Count);
        Assert.Equal(Enumerable.Range(0, blocks).Select(b => (long)b * Math.Min(blockSize, trials)), sink.FirstTrials);

        // Progress after each block, in order, ending at every trial.
        Assert.Equal(blocks, progress.Count);
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(trials, progress[^1]);
    }

    [Fact]
    public void A_sinks_error_is_the_runs_error_and_no_later_block_is_delivered()
    {
        var sink = new FailingSink(failAtBlock: 3);
        var e = Assert.Throws<IOException>(() => StochasticRunner.Run(EngineTestData.Staffordshire, new RunOptions(200, 3, 2, BlockSize: 10), [sink]));
        Assert.Equal("disk full at block 3", e.Message);
        Assert.Equal(4, sink.Calls);
    }

    [Fact]
    public void Cancelling_stops_the_run_before_every_trial_has_run()
    {
        using var cancel = new CancellationTokenSource();
        var sink = new CancellingSink(cancel, atBlock: 2);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            StochasticRunner.Run(EngineTestData.Staffordshire, new RunOptions(400, 3, 2, BlockSize: 10), [sink], cancellationToken: cancel.Token));

        // No block is delivered once the token is cancelled; the workers stop at their next chunk.
        Assert.Equal(3, sink.Calls);
    }

    private sealed class OverlapSink : ITrialSink
    {
        private int inside;

        public int MostAtOnce { get; private set; }

        public List<long> FirstTrials { get; } = [];

        public void Accept(TrialBlock block)
        {
            int now = Interlocked.Increment(ref inside);
            MostAtOnce = Math.Max(MostAtOnce, now);
            FirstTrials.Add(block.FirstTrial);
            Thread.Sleep(1);
            Interlocked.Decrement(ref inside);
        }
    }

    private sealed class FailingSink(int failAtBlock) : ITrialSink
    {
        public int Calls { get; private set; }

        public void Accept(TrialBlock block)
        {
            if (Calls++ == failAtBlock)
            {
                throw new IOException($"disk full at block {failAtBlock}");
            }
        }
    }

    private sealed class CancellingSink(CancellationTokenSource cancel, int atBlock) : ITrialSink
    {
        public int Calls { get; private set; }

        public void Accept(TrialBlock block)
        {
            if (Calls++ == atBlock)
            {
                cancel.Cancel();
            }
        }
    }

    /// <summary>Records progress as it is reported (IProgress's Progress&lt;T&gt; would post it to the pool).</summary>
    private sealed class SyncProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
