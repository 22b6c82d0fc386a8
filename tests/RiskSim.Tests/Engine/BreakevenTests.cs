using RiskSim.Core.Results;

namespace RiskSim.Tests.Engine;

/// <summary>First and lasting breakeven.</summary>
public sealed class BreakevenTests
{
    private static double[] Positions(params double[] byFy)
    {
        var yearly = new double[byFy.Length * Metrics.Count];
        for (int f = 0; f < byFy.Length; f++)
        {
            yearly[(f * Metrics.Count) + (int)Metric.PositionGbp] = byFy[f];
        }

        return yearly;
    }

    [Theory]
    [InlineData(new double[] { 5, 3, -1, -2 }, 2)]
    [InlineData(new double[] { 5, -3, 1, -2 }, 3)]      // broke even in FY 1, back in deficit in FY 2
    [InlineData(new double[] { 5, -3, -1, 2 }, -1)]     // in deficit at the horizon: no lasting breakeven
    [InlineData(new double[] { -5, -3, -1, 0 }, 0)]     // 0 counts as breaking even
    [InlineData(new double[] { 1 }, -1)]
    public void Lasting_breakeven_is_the_first_FY_from_which_the_position_stays_at_or_below_zero(double[] byFy, int expected) =>
        Assert.Equal(expected, Breakeven.Lasting(Positions(byFy), byFy.Length));

    [Fact]
    public void Lasting_breakeven_is_never_before_the_first_in_any_Staffordshire_trial()
    {
        var sink = new CollectingSink();
        RiskSim.Core.Engine.StochasticRunner.Run(EngineTestData.Staffordshire, new RiskSim.Core.Engine.RunOptions(500, 3, 2), [sink]);
        int fys = sink.FyCount;
        int relapsed = 0;
        for (int t = 0; t < sink.Trials; t++)
        {
            var yearly = sink.Yearly.Skip(t * fys * Metrics.Count).Take(fys * Metrics.Count).ToArray();
            int lasting = Breakeven.Lasting(yearly, fys);
            int first = sink.Breakeven[t];
            Assert.True(lasting < 0 || (first >= 0 && lasting >= first), $"trial {t}: first {first}, lasting {lasting}");
            relapsed += first >= 0 && lasting != first ? 1 : 0;
        }

        Assert.True(relapsed < sink.Trials);
    }
}
