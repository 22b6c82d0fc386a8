using System.Runtime.ExceptionServices;
using RiskSim.Core.Results;
using RiskSim.Core.Sampling;

namespace RiskSim.Core.Engine;

/// <summary>
/// One <see cref="StochasticRunner.RunRange"/>: a fixed set of workers (the calling thread and
/// <see cref="RunOptions.Threads"/> − 1 more) take chunks of trials in trial order from a shared
/// counter and run them into a ring of block buffers; the worker that completes the next block in
/// trial order hands it to the sinks, then goes back to running trials.
/// </summary>
/// <remarks>
/// Why not a <see cref="Parallel.For(int, int, Action{int})"/> per block with the sinks on a
/// background task (as before): that ran up to threads + 1 busy threads on threads cores and idled at
/// each block's barrier. Here exactly <see cref="RunOptions.Threads"/> threads run, there is no
/// per-block barrier (a worker only waits when every buffer of the ring holds an undelivered block),
/// and sink work is done by whichever worker is free. Trial i still writes only its own slot of its
/// block, and blocks reach the sinks one at a time in trial order, so the output is the same bits for
/// any thread count.
/// </remarks>
internal sealed class BlockPipeline
{
    /// <summary>Most trials a worker takes at once: small enough to balance two workers within a block, large enough that the shared counter costs nothing.</summary>
    private const int MaxChunk = 64;

    private readonly CompiledModel model;
    private readonly RunOptions options;
    private readonly InputDesign? design;
    private readonly long firstTrial;
    private readonly IReadOnlyList<ITrialSink> sinks;
    private readonly IReadOnlyList<ITrialSink>? unadjustedSinks;
    private readonly IProgress<int>? progress;
    private readonly CancellationToken cancellationToken;
    private readonly bool[]? held;

    private readonly int blockSize;
    private readonly int blockCount;
    private readonly int chunk;
    private readonly int chunksPerBlock;
    private readonly long totalChunks;
    private readonly TrialBlock[] blocks;
    private readonly TrialBlock?[] heldBlocks;

    // Per ring slot: chunks of its current block still running, and the block index once complete.
    private readonly int[] remaining;
    private readonly int[] completed;

    private readonly object gate = new();
    private long nextChunk;
    private int delivered;
    private int delivering;
    private volatile bool stopped;

    // Failures: the first trial that threw (with its exception), and anything else (a sink's error).
    private long firstFailedTrial = long.MaxValue;
    private Exception? trialFailure;
    private Exception? otherFailure;

    internal BlockPipeline(
        CompiledModel model,
        RunOptions options,
        InputDesign? design,
        long firstTrial,
        IReadOnlyList<ITrialSink> sinks,
        IProgress<int>? progress,
        CancellationToken cancellationToken,
        IReadOnlyList<ITrialSink>? unadjustedSinks,
        bool[]? held)
    {
        this.model = model;
        this.options = options;
        this.design = design;
        this.firstTrial = firstTrial;
        this.sinks = sinks;
        this.unadjustedSinks = unadjustedSinks;
        this.progress = progress;
        this.cancellationToken = cancellationToken;
        this.held = held;

        blockSize = Math.Min(options.BlockSize, options.Trials);
        blockCount = (int)(((long)options.Trials + blockSize - 1) / blockSize);

        // One thread: a chunk is the whole block, so a run is block, sinks, block, sinks on one core.
        // Several: chunks of up to 64 trials, at least four per worker and block.
        chunk = options.Threads == 1 ? blockSize : Math.Clamp(blockSize / (4 * options.Threads), 1, MaxChunk);
        chunksPerBlock = (blockSize + chunk - 1) / chunk;
        int lastCount = options.Trials - ((blockCount - 1) * blockSize);
        totalChunks = ((long)(blockCount - 1) * chunksPerBlock) + ((lastCount + chunk - 1) / chunk);

        // One buffer more than workers: a worker delivering a block leaves room for the others to
        // start the next blocks without waiting.
        int ring = Math.Min(blockCount, options.Threads == 1 ? 1 : options.Threads + 1);
        blocks = new TrialBlock[ring];
        heldBlocks = new TrialBlock?[ring];
        remaining = new int[ring];
        completed = new int[ring];
        for (int s = 0; s < ring; s++)
        {
            blocks[s] = new TrialBlock(blockSize, model.InputColumns, model.FinancialYears, model.EventColumns, model.MonthCount);
            heldBlocks[s] = unadjustedSinks is null ? null : new TrialBlock(blockSize, model.InputColumns, model.FinancialYears, model.EventColumns);
            remaining[s] = ChunksOf(s);
            completed[s] = -1;
        }
    }

    /// <summary>Runs every trial through the workers and sinks; throws what the first failure was.</summary>
    internal void Run()
    {
        int helpers = Math.Min(options.Threads, (int)Math.Min(totalChunks, int.MaxValue)) - 1;
        var tasks = new Task[helpers];
        for (int h = 0; h < helpers; h++)
        {
            // Dedicated threads: the workers run for the whole range and must not wait for the pool's injection.
            tasks[h] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Work();
        Task.WaitAll(tasks);

        if (trialFailure is not null)
        {
            ThrowFirstFailure();
        }

        if (otherFailure is not null)
        {
            ExceptionDispatchInfo.Throw(otherFailure);
        }

        if (delivered < blockCount)
        {
            // Workers stop early only on a failure (thrown above) or on cancellation.
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException($"the run stopped after {delivered} of {blockCount} blocks without an error.");
        }
    }

    /// <summary>Trials in block <paramref name="b"/>.</summary>
    private int CountOf(int b) => Math.Min(blockSize, options.Trials - (b * blockSize));

    /// <summary>Chunks in block <paramref name="b"/>.</summary>
    private int ChunksOf(int b) => (CountOf(b) + chunk - 1) / chunk;

    /// <summary>One worker: takes chunks in trial order until none is left or the run stops.</summary>
    private void Work()
    {
        TrialWorkspace? ws = null;
        long current = -1;
        try
        {
            while (!stopped)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    Stop();
                    return;
                }

                long j = Interlocked.Increment(ref nextChunk) - 1;
                if (j >= totalChunks)
                {
                    return;
                }

                int b = (int)(j / chunksPerBlock);
                int start = (int)(j % chunksPerBlock) * chunk;
                int end = Math.Min(start + chunk, CountOf(b));
                if (!WaitForBuffer(b))
                {
                    return;
                }

                int slot = b % blocks.Length;
                var block = blocks[slot];
                var heldBlock = heldBlocks[slot];
                long blockFirst = firstTrial + ((long)b * blockSize);
                ws ??= new TrialWorkspace(model);
                for (int i = start; i < end; i++)
                {
                    current = blockFirst + i;
                    StochasticRunner.RunTrial(model, ws, design, options.Seed, current, block, i, held, heldBlock);
                }

                current = -1;
                if (Interlocked.Decrement(ref remaining[slot]) == 0)
                {
                    Volatile.Write(ref completed[slot], b);
                    DeliverCompleted();
                }
            }
        }
        catch (Exception e) when (current >= 0)
        {
            lock (gate)
            {
                // The lowest failing trial seen so far; ThrowFirstFailure finds the first of all.
                if (current < firstFailedTrial)
                {
                    firstFailedTrial = current;
                    trialFailure = e;
                }
            }

            Stop();
        }
        catch (Exception e)
        {
            lock (gate)
            {
                otherFailure ??= e;
            }

            Stop();
        }
    }

    /// <summary>Waits until block <paramref name="b"/>'s ring slot is free (the block before it in that slot delivered); false when the run stopped.</summary>
    private bool WaitForBuffer(int b)
    {
        int needed = b - blocks.Length + 1;
        if (Volatile.Read(ref delivered) >= needed)
        {
            return true;
        }

        lock (gate)
        {
            while (!stopped && delivered < needed && !cancellationToken.IsCancellationRequested)
            {
                // Woken by each delivery and by Stop; the timeout only re-checks the token (once
                // cancelled, no block is delivered, and the worker that sees it first stops the rest).
                Monitor.Wait(gate, 100);
            }

            return !stopped && !cancellationToken.IsCancellationRequested;
        }
    }

    /// <summary>
    /// Delivers, in trial order, every completed block not yet delivered, unless another worker is
    /// already doing so (it then delivers this one too: it looks again after letting go).
    /// </summary>
    private void DeliverCompleted()
    {
        while (IsNextCompleted())
        {
            if (Interlocked.CompareExchange(ref delivering, 1, 0) != 0)
            {
                return;
            }

            try
            {
                while (IsNextCompleted())
                {
                    Deliver(delivered);
                }
            }
            finally
            {
                // A full fence: a block completed while this worker was delivering is seen by the loop's
                // check above, or its completer's CompareExchange sees the flag down and delivers it.
                Interlocked.Exchange(ref delivering, 0);
            }
        }
    }

    /// <summary>Whether the next block to deliver is complete (and the run neither stopped nor cancelled: no block is delivered after that).</summary>
    private bool IsNextCompleted()
    {
        if (stopped || cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        int next = Volatile.Read(ref delivered);
        return next < blockCount && Volatile.Read(ref completed[next % blocks.Length]) == next;
    }

    /// <summary>Hands block <paramref name="b"/> (and its unadjusted twin) to the sinks, reports progress and frees its slot.</summary>
    private void Deliver(int b)
    {
        int slot = b % blocks.Length;
        var block = blocks[slot];
        var heldBlock = heldBlocks[slot];
        int count = CountOf(b);
        long blockFirst = firstTrial + ((long)b * blockSize);
        block.FirstTrial = blockFirst;
        block.Count = count;
        foreach (var sink in sinks)
        {
            sink.Accept(block);
        }

        if (heldBlock is not null)
        {
            heldBlock.FirstTrial = blockFirst;
            heldBlock.Count = count;
            foreach (var sink in unadjustedSinks!)
            {
                sink.Accept(heldBlock);
            }
        }

        progress?.Report((b * blockSize) + count);

        // The slot's next block starts with all its chunks to run; then the workers waiting for it go.
        int reuse = b + blocks.Length;
        remaining[slot] = reuse < blockCount ? ChunksOf(reuse) : 0;
        lock (gate)
        {
            Volatile.Write(ref delivered, b + 1);
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Stops every worker after its current chunk.</summary>
    private void Stop()
    {
        lock (gate)
        {
            stopped = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>
    /// A trial threw. Which trial failed first among the threads depends on timing; the error must not.
    /// Every trial before the first undelivered block succeeded, so re-run in trial order from there to
    /// the lowest failing trial seen and throw the first failure (what one thread would have thrown).
    /// </summary>
    private void ThrowFirstFailure()
    {
        if (trialFailure is RunAbortedException)
        {
            var ws = new TrialWorkspace(model);
            var block = new TrialBlock(1, model.InputColumns, model.FinancialYears, model.EventColumns, model.MonthCount);
            var heldBlock = unadjustedSinks is null ? null : new TrialBlock(1, model.InputColumns, model.FinancialYears, model.EventColumns);
            for (long trial = firstTrial + ((long)delivered * blockSize); trial < firstFailedTrial; trial++)
            {
                StochasticRunner.RunTrial(model, ws, design, options.Seed, trial, block, 0, held, heldBlock);
            }
        }

        ExceptionDispatchInfo.Throw(trialFailure!);
    }
}
