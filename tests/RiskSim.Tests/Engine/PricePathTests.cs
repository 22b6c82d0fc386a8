using RiskSim.Core.Engine;

namespace RiskSim.Tests.Engine;

/// <summary>
/// <see cref="Simulator.FillPricePath"/>: the monthly price path by repeated multiplication equals
/// cost × Math.Pow(1 + inflation, m / 12.0), the formula it replaces, to 1e-14 relative in every month
/// over horizons of 78 to 240 months (its stated bound is (a + 2b + 3) · 2⁻⁵³ ≤ 4.9e-15 for m = 12a + b
/// ≤ 240), and exactly the cost when inflation is 0.
/// </summary>
public sealed class PricePathTests
{
    [Theory]
    [InlineData(78)]
    [InlineData(120)]
    [InlineData(240)]
    public void Path_matches_Math_Pow_within_bound(int months)
    {
        var path = new double[months];
        double worst = 0;
        foreach (double inflation in InflationSweep())
        {
            foreach (double cost in new[] { 1.0, 4321.987654321, 187_500.0 / 7.0 })
            {
                Simulator.FillPricePath(cost, inflation, path);
                for (int m = 0; m < months; m++)
                {
                    double reference = cost * Math.Pow(1 + inflation, m / 12.0);
                    worst = Math.Max(worst, Math.Abs(path[m] - reference) / reference);
                }
            }
        }

        Assert.True(worst < 1e-14, $"largest relative difference {worst:E3}");
    }

    [Fact]
    public void Zero_inflation_gives_the_cost_every_month()
    {
        var path = new double[240];
        Simulator.FillPricePath(5123.456, 0.0, path);
        Assert.All(path, price => Assert.Equal(5123.456, price));
    }

    [Fact]
    public void First_month_of_each_year_is_a_whole_power()
    {
        // m = 12a: the in-year factor is 1, so the price is cost × y^a by a − 1 multiplications.
        var path = new double[25];
        Simulator.FillPricePath(1.0, 0.05, path);
        Assert.Equal(1.0, path[0]);
        Assert.Equal(1.05, path[12]);
        Assert.Equal(1.05 * 1.05, path[24]);
    }

    /// <summary>Inflation rates from deflation to high inflation: fixed rows plus a seeded sweep.</summary>
    private static IEnumerable<double> InflationSweep()
    {
        foreach (double i in new[] { -0.05, -1e-9, 1e-12, 0.001, 0.02, 0.035, 0.1, 0.25, 0.5 })
        {
            yield return i;
        }

        var random = new System.Random(20191120);
        for (int j = 0; j < 500; j++)
        {
            yield return (random.NextDouble() * 0.3) - 0.05;
        }
    }
}
