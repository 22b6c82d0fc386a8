using FsCheck;
using FsCheck.Xunit;
using RiskSim.Output.Shards;

namespace RiskSim.Tests.Shards;

/// <summary>Shard ranges: contiguous, covering every trial once, as even as whole trials allow; the index from the command line or the Job.</summary>
public sealed class ShardSpecTests
{
    [Property(MaxTest = 300)]
    public bool Shards_partition_the_trials_into_contiguous_near_equal_ranges(PositiveInt trialsArb, PositiveInt countArb)
    {
        long trials = trialsArb.Get;
        int count = ((countArb.Get - 1) % 64) + 1;
        long next = 0;
        var sizes = new List<int>();
        for (int i = 0; i < count; i++)
        {
            var (first, n) = new ShardSpec(i, count).Range(trials);
            if (first != next)
            {
                return false;
            }

            next += n;
            sizes.Add(n);
        }

        return next == trials && sizes.Max() - sizes.Min() <= 1;
    }

    [Fact]
    public void Auto_reads_the_completion_index()
    {
        var spec = ShardSpec.TryParse("auto/4", name => name == "JOB_COMPLETION_INDEX" ? "3" : null, out string? problem);
        Assert.Null(problem);
        Assert.Equal(new ShardSpec(3, 4), spec);
        Assert.Equal("shard=3", spec!.FolderName);

        Assert.Null(ShardSpec.TryParse("auto/4", _ => null, out problem));
        Assert.Contains("JOB_COMPLETION_INDEX is not set", problem, StringComparison.Ordinal);
        Assert.Null(ShardSpec.TryParse("auto/4", _ => "4", out problem));
        Assert.Contains("(JOB_COMPLETION_INDEX) '4' must be a whole number from 0 to 3", problem, StringComparison.Ordinal);
        Assert.Null(ShardSpec.TryParse("-1/4", _ => null, out _));
    }
}
