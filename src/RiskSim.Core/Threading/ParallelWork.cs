using System.Runtime.ExceptionServices;

namespace RiskSim.Core.Threading;

/// <summary>Independent pieces of work run at once, with errors reported as if they had run in order.</summary>
public static class ParallelWork
{
    /// <summary>
    /// Runs <paramref name="work"/>, up to <paramref name="threads"/> at once. When any fail, every one
    /// has finished before the first failure in list order is rethrown as itself (not wrapped in an
    /// <see cref="AggregateException"/>), so the error a caller reports does not depend on the threads.
    /// </summary>
    /// <param name="work">The pieces, each independent of the others.</param>
    /// <param name="threads">At most this many at once (at least 1).</param>
    public static void RunAll(IReadOnlyList<Action> work, int threads)
    {
        ArgumentNullException.ThrowIfNull(work);
        ForEach<object?>(work.Count, threads, () => null, (k, _) => work[k]());
    }

    /// <summary>
    /// Runs <paramref name="body"/> for items 0 … <paramref name="count"/> − 1 on a fixed set of workers
    /// (this thread and up to <paramref name="threads"/> − 1 more), each with its own state from
    /// <paramref name="newState"/>, made once per worker (e.g. a buffer: memory is one per worker, however
    /// many items), taking items in order from a shared counter. Failures are reported as by
    /// <see cref="RunAll"/>: every started item finishes, then the first failure in item order is rethrown
    /// as itself. Cancellation stops the workers between items and is thrown before any failure.
    /// </summary>
    /// <typeparam name="TState">A worker's own state.</typeparam>
    /// <param name="count">Items.</param>
    /// <param name="threads">At most this many workers (at least 1).</param>
    /// <param name="newState">Makes a worker's state (called on that worker, once).</param>
    /// <param name="body">One item, with its worker's state.</param>
    /// <param name="cancellationToken">Checked between items.</param>
    public static void ForEach<TState>(int count, int threads, Func<TState> newState, Action<int, TState> body, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentNullException.ThrowIfNull(newState);
        ArgumentNullException.ThrowIfNull(body);
        if (count == 0)
        {
            return;
        }

        var failures = new Exception?[count];
        int next = -1;
        void Work()
        {
            var state = newState();
            for (int k = Interlocked.Increment(ref next); k < count && !cancellationToken.IsCancellationRequested; k = Interlocked.Increment(ref next))
            {
                try
                {
                    body(k, state);
                }
                catch (Exception e)
                {
                    failures[k] = e;
                }
            }
        }

        // Dedicated threads: the workers run until the items are gone and must not wait for the pool's injection.
        var helpers = new Task[Math.Min(threads, count) - 1];
        for (int h = 0; h < helpers.Length; h++)
        {
            helpers[h] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Work();
        Task.WaitAll(helpers);
        cancellationToken.ThrowIfCancellationRequested();
        if (Array.Find(failures, e => e is not null) is { } first)
        {
            ExceptionDispatchInfo.Throw(first);
        }
    }
}
