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
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var failures = new Exception?[work.Count];
        Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
        {
            try
            {
                work[k]();
            }
            catch (Exception e)
            {
                failures[k] = e;
            }
        });
        if (Array.Find(failures, e => e is not null) is { } first)
        {
            ExceptionDispatchInfo.Throw(first);
        }
    }
}
