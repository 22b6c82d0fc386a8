using System.Runtime.Intrinsics;
using RiskSim.Core.Random;

namespace RiskSim.Tests.Random;

/// <summary>
/// <see cref="SearchStart"/>: its exp and ln(1 + x) against <see cref="Math.Exp"/> and a reference
/// ln(1 + x) on sweeps of the arguments the searches start from, in ulps of the reference; the scalar
/// form equals every lane of the vector form bit for bit; e^0 and e^−0 are exactly 1. The sweeps are seeded, so each run checks the same points.
/// </summary>
public sealed class SearchStartTests
{
    /// <summary>
    /// Exp over [−745, 0] (the searches use ≥ −700; binomial starts ≥ −139): at most 2 ulps from Math.Exp
    /// (measured here on 2 million points: 2), where Math.Exp's result is normal.
    /// </summary>
    [Fact]
    public void Exp_is_within_two_ulps_of_Math_Exp()
    {
        var rng = Xoshiro256StarStar.ForTrial(20191120, 1);
        long worst = 0;
        for (int i = 0; i < 2_000_000; i++)
        {
            double r = rng.NextDouble();
            double x = i % 4 == 0 ? -r * 745.0 : i % 4 == 1 ? -r * 140.0 : i % 4 == 2 ? -r : -r * 1e-6;
            double reference = Math.Exp(x);
            double got = SearchStart.Exp(x);
            if (double.IsNormal(reference))
            {
                worst = Math.Max(worst, Ulps(got, reference));
            }
        }

        Assert.True(worst <= 2, $"largest difference {worst} ulps");
    }

    /// <summary>
    /// The logarithm under Log1P, <see cref="Vector256.Log(Vector256{double})"/>, over w = 1 + x for the
    /// negative binomial's x = μ/k (k from 0.01 to 1e6, μ up to 100: x from 1e-10 to 1e4) and the
    /// binomial's x = −p: at most 3 ulps from <see cref="Math.Log(double)"/> (measured here: 3, near w = 1;
    /// a relative 7e-16).
    /// </summary>
    [Fact]
    public void Log_is_within_three_ulps_of_Math_Log()
    {
        var rng = Xoshiro256StarStar.ForTrial(20191120, 2);
        long worst = 0;
        for (int i = 0; i < 2_000_000; i++)
        {
            double w = 1.0 + Argument(ref rng, i);
            if (w != 1.0)
            {
                worst = Math.Max(worst, Ulps(Vector256.Log(Vector256.Create(w)).ToScalar(), Math.Log(w)));
            }
        }

        Assert.True(worst <= 3, $"largest difference {worst} ulps");
    }

    /// <summary>
    /// Log1P over the same arguments against Goldberg's form on <see cref="Math.Log(double)"/> (the form it
    /// replaces): the two differ only in the logarithm, so by its 3 ulps plus a rounding of the product,
    /// at most 4 ulps (measured here: 3).
    /// </summary>
    [Fact]
    public void Log1P_is_within_four_ulps_of_the_scalar_form()
    {
        var rng = Xoshiro256StarStar.ForTrial(20191120, 2);
        long worst = 0;
        for (int i = 0; i < 2_000_000; i++)
        {
            double x = Argument(ref rng, i);
            double w = 1.0 + x;
            double reference = w == 1.0 ? x : Math.Log(w) * (x / (w - 1.0));
            worst = Math.Max(worst, Ulps(SearchStart.Log1P(x), reference));
        }

        Assert.True(worst <= 4, $"largest difference {worst} ulps");
    }

    [Fact]
    public void Scalar_equals_each_lane()
    {
        var rng = Xoshiro256StarStar.ForTrial(20191120, 3);
        for (int i = 0; i < 200_000; i++)
        {
            var x = Vector256.Create(-700 * rng.NextDouble(), -rng.NextDouble(), -100 * rng.NextDouble(), -1e-3 * rng.NextDouble());
            var exp = SearchStart.Exp(x);
            var y = Vector256.Create(1e4 * rng.NextDouble(), rng.NextDouble(), 1e-12 * rng.NextDouble(), -0.5 * rng.NextDouble());
            var log = SearchStart.Log1P(y);
            for (int w = 0; w < 4; w++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(SearchStart.Exp(x.GetElement(w))), BitConverter.DoubleToInt64Bits(exp.GetElement(w)));
                Assert.Equal(BitConverter.DoubleToInt64Bits(SearchStart.Log1P(y.GetElement(w))), BitConverter.DoubleToInt64Bits(log.GetElement(w)));
            }
        }
    }

    [Fact]
    public void Boundary_values_are_exact()
    {
        Assert.Equal(1.0, SearchStart.Exp(0.0));
        Assert.Equal(1.0, SearchStart.Exp(-0.0));
        Assert.Equal(0.0, SearchStart.Log1P(0.0));
        Assert.Equal(1e-300, SearchStart.Log1P(1e-300)); // 1 + x rounds to 1: x itself
        Assert.Equal(Math.Log(2.0), SearchStart.Log1P(1.0), 15);
    }

    /// <summary>x = μ/k of a negative binomial start (1e-10 to 1e4, log-uniform) or −p of a binomial one.</summary>
    private static double Argument(ref Xoshiro256StarStar rng, int i) =>
        i % 2 == 0 ? Math.Pow(10, -10 + (14 * rng.NextDouble())) : -0.5 * rng.NextDouble();

    private static long Ulps(double a, double b) =>
        Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));
}
