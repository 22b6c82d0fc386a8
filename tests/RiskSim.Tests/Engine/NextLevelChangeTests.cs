using RiskSim.Core.Engine;

namespace RiskSim.Tests.Engine;

/// <summary>
/// <see cref="Simulator.NextLevelChange"/> against the definition: the first month m &gt; from with some
/// effect's <see cref="Simulator.EffectLevel"/> at m differing from its level at m − 1, found by
/// comparing every month; on random effect sets (starts before, inside and after the horizon, ramps 0
/// to 30, open ends, effects that never start) and the edge rows.
/// </summary>
public sealed class NextLevelChangeTests
{
    private const int Horizon = 300;

    [Fact]
    public void Matches_month_by_month_comparison_of_levels()
    {
        var random = new System.Random(20191120);
        for (int set = 0; set < 3000; set++)
        {
            int effects = random.Next(0, 7);
            var start = new int[effects];
            var end = new int[effects];
            var ramp = new int[effects];
            for (int e = 0; e < effects; e++)
            {
                start[e] = random.Next(0, Horizon + 20);
                int r = random.Next(4);
                end[e] = r == 0 ? int.MaxValue : r == 1 ? start[e] - 1 - random.Next(5) : start[e] + random.Next(0, 120);
                ramp[e] = random.Next(3) == 0 ? 0 : random.Next(1, 31);
            }

            for (int from = 0; from < Horizon; from++)
            {
                Assert.Equal(BruteForce(from, start, end, ramp), Math.Min(Simulator.NextLevelChange(from, start, end, ramp), Horizon + 200));
            }
        }
    }

    [Theory]
    [InlineData(5, int.MaxValue, 0, 0, 5)] // starts at 5, no ramp, never ends
    [InlineData(5, int.MaxValue, 0, 5, int.MaxValue)]
    [InlineData(5, 10, 0, 5, 11)] // ends after month 10
    [InlineData(5, 10, 3, 5, 6)] // ramp 3: levels 1/3, 2/3, 1 at 5, 6, 7
    [InlineData(5, 10, 3, 6, 7)]
    [InlineData(5, 10, 3, 7, 11)]
    [InlineData(5, 6, 30, 5, 6)] // ends mid-ramp
    [InlineData(5, 6, 30, 6, 7)]
    [InlineData(5, 4, 0, 0, int.MaxValue)] // never starts
    [InlineData(0, 0, 1, 0, 1)]
    public void Edge_rows(int start, int end, int ramp, int from, int expected) =>
        Assert.Equal(expected, Simulator.NextLevelChange(from, [start], [end], [ramp]));

    /// <summary>The first m in (from, Horizon + 200) whose levels differ from m − 1's, else Horizon + 200.</summary>
    private static int BruteForce(int from, int[] start, int[] end, int[] ramp)
    {
        for (int m = from + 1; m < Horizon + 200; m++)
        {
            for (int e = 0; e < start.Length; e++)
            {
                if (Simulator.EffectLevel(start[e], end[e], ramp[e], m) != Simulator.EffectLevel(start[e], end[e], ramp[e], m - 1))
                {
                    return m;
                }
            }
        }

        return Horizon + 200;
    }
}
