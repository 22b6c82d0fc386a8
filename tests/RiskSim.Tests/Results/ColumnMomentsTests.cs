using MathNet.Numerics.Statistics;
using RiskSim.Core.Results;

namespace RiskSim.Tests.Results;

/// <summary>
/// The summary's mean and sd (corrected two-pass, vector partial sums): exact where the answer is
/// known in closed form, MathNet's to 1e-12 relative on random columns, stable on a large level with
/// a small spread, and the same bits for the same values whatever the column's length modulo the vector.
/// </summary>
public sealed class ColumnMomentsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1000)]
    [InlineData(100_003)]
    public void The_integers_one_to_n_have_their_closed_form_moments(int n)
    {
        // Mean (n + 1) / 2 and variance n (n + 1) / 12 (n − 1 divisor); all sums are exact in doubles here.
        double[] values = [.. Enumerable.Range(1, n).Select(i => (double)i)];
        var (mean, sd) = ColumnMoments.Of(values);
        Assert.Equal((n + 1) / 2.0, mean);
        double expectedSd = n == 1 ? 0.0 : Math.Sqrt((double)n * (n + 1) / 12.0);
        Assert.Equal(expectedSd, sd, 1e-15 * Math.Max(1.0, expectedSd));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(50_000, 2)]
    [InlineData(1_000_001, 3)]
    public void Random_columns_agree_with_MathNet(int n, int seed)
    {
        var random = new System.Random(seed);
        double[] values = [.. Enumerable.Range(0, n).Select(_ => 84_680_000.0 + ((random.NextDouble() - 0.3) * 3e7))];
        var (mean, sd) = ColumnMoments.Of(values);
        Assert.Equal(values.Mean(), mean, Math.Abs(mean) * 1e-12);
        Assert.Equal(values.StandardDeviation(), sd, sd * 1e-12);
    }

    [Fact]
    public void A_large_level_with_a_small_spread_keeps_the_spread()
    {
        // 1e9 ± 1 alternately (even count): mean exactly 1e9, variance n / (n − 1).
        const int n = 200_000;
        double[] values = [.. Enumerable.Range(0, n).Select(i => 1e9 + (i % 2 == 0 ? 1.0 : -1.0))];
        var (mean, sd) = ColumnMoments.Of(values);
        Assert.Equal(1e9, mean);
        Assert.Equal(Math.Sqrt(n / (n - 1.0)), sd, 1e-12);
    }

    [Fact]
    public void Zero_and_one_flags_give_the_share_as_the_mean()
    {
        // 37 ones among 1,000: the mean is 0.037 to the last bit of a correctly rounded division.
        double[] flags = [.. Enumerable.Range(0, 1000).Select(i => i % 27 == 0 ? 1.0 : 0.0)];
        int ones = flags.Count(f => f == 1.0);
        var (mean, sd) = ColumnMoments.Of(flags);
        Assert.Equal(ones / 1000.0, mean);
        double p = ones / 1000.0;
        Assert.Equal(Math.Sqrt(p * (1 - p) * 1000 / 999), sd, 1e-15);
    }

    [Fact]
    public void Overflowing_sums_give_a_non_finite_mean()
    {
        double[] values = [1.5e308, 1.5e308, 1.0];
        Assert.False(double.IsFinite(ColumnMoments.Of(values).Mean));
    }

    [Fact]
    public void No_values_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ColumnMoments.Of([]));
    }
}
