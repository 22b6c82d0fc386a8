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
}
