using RiskSim.Core.Threading;

namespace RiskSim.Tests.Threading;

public sealed class ParallelWorkTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Every_piece_runs_and_the_first_failure_in_list_order_is_thrown_unwrapped(int threads)
    {
        var ran = new int[8];
        var work = Enumerable.Range(0, ran.Length).Select(i => (Action)(() =>
        {
            Interlocked.Increment(ref ran[i]);
            if (i is 2 or 6)
            {
                // The later failure may finish first; the one reported is still piece 2's.
                Thread.Sleep(i == 2 ? 50 : 0);
                throw new IOException($"piece {i}");
            }
        })).ToList();

        var e = Assert.Throws<IOException>(() => ParallelWork.RunAll(work, threads));
        Assert.Equal("piece 2", e.Message);
        Assert.All(ran, n => Assert.Equal(1, n));
    }

    [Fact]
    public void No_failure_no_exception_and_bad_arguments_are_refused()
    {
        int sum = 0;
        ParallelWork.RunAll([() => Interlocked.Add(ref sum, 1), () => Interlocked.Add(ref sum, 2)], 2);
        Assert.Equal(3, sum);
        Assert.Throws<ArgumentOutOfRangeException>(() => ParallelWork.RunAll([], 0));
        Assert.Throws<ArgumentNullException>(() => ParallelWork.RunAll(null!, 1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Each_worker_makes_its_state_once_and_every_item_runs_once(int threads)
    {
        int states = 0;
        var ran = new int[50];
        ParallelWork.ForEach(
            ran.Length,
            threads,
            () => new object[] { Interlocked.Increment(ref states) },
            (k, state) =>
            {
                Assert.NotNull(state);
                Interlocked.Increment(ref ran[k]);
            });
        Assert.InRange(states, 1, threads);
        Assert.All(ran, n => Assert.Equal(1, n));
    }

    [Fact]
    public void Cancellation_stops_between_items_and_is_thrown()
    {
        using var cancel = new CancellationTokenSource();
        int ran = 0;
        Assert.Throws<OperationCanceledException>(() => ParallelWork.ForEach(
            100,
            1,
            () => 0,
            (k, _) =>
            {
                ran++;
                if (k == 4)
                {
                    cancel.Cancel();
                }
            },
            cancel.Token));
        Assert.Equal(5, ran);
    }
}
