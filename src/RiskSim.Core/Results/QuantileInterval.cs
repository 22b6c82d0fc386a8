using System.Diagnostics;

namespace RiskSim.Core.Results;

/// <summary>
/// A distribution-free confidence interval for a population quantile from order statistics: with
/// n sorted values, the number of values below the q-quantile is Binomial(n, q), so the interval
/// [x₍ₗ₎, x₍ᵤ₎] with l = ⌊nq − z√(nq(1−q))⌋ and u = ⌈nq + z√(nq(1−q))⌉ + 1 (1-based ranks,
/// clamped to [1, n]) covers it with probability about 1 − α (normal approximation to the
/// binomial; e.g. Conover, Practical Nonparametric Statistics, 3rd ed., §3.2). It needs no
/// assumption about the distribution and is exact to within the binomial approximation.
/// </summary>
/// <param name="Low">Lower end.</param>
/// <param name="High">Upper end.</param>
public readonly record struct QuantileInterval(double Low, double High)
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Half the width, the "±" a report quotes.</summary>
    public double HalfWidth => (High - Low) / 2;

    /// <summary>The interval for quantile <paramref name="q"/> of <paramref name="sorted"/> (ascending).</summary>
    public static QuantileInterval FromSorted(ReadOnlySpan<double> sorted, double q, double z = Z95)
    {
        var (low, high) = Ranks(sorted.Length, q, z);
        return new QuantileInterval(sorted[low - 1], sorted[high - 1]);
    }

    /// <summary>The 1-based ranks of the interval's ends for <paramref name="n"/> values.</summary>
    public static (int Low, int High) Ranks(int n, double q, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        Debug.Assert(q > 0 && q < 1, "a quantile strictly inside (0, 1)");
        double centre = n * q;
        double spread = z * Math.Sqrt(n * q * (1 - q));
        int low = (int)Math.Floor(centre - spread);
        int high = (int)Math.Ceiling(centre + spread) + 1;
        return (Math.Clamp(low, 1, n), Math.Clamp(high, 1, n));
    }
}
