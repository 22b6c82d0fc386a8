using System.Runtime.CompilerServices;
using RiskSim.Core.Random;

namespace RiskSim.Core.Sampling;

/// <summary>
/// Counter-based uniforms for the input stream: the j-th uniform of trial t in dimension key k is a
/// pure function of (seed, k, t, j), two SplitMix64 finalisers deep (the same construction as
/// <see cref="Xoshiro256StarStar.ForTrial(ulong, long)"/>'s seeding). Nothing is carried between
/// draws, so a trial's inputs depend on nothing but the seed, its index and the dimension names,
/// and never on the flows, the thread count or the shard.
/// </summary>
public static class CounterUniform
{
    /// <summary>The per-run, per-dimension key: the seed mixed with the dimension's name key and a design salt.</summary>
    public static ulong DimensionKey(ulong seed, ulong nameKey, ulong salt = 0)
    {
        unchecked
        {
            return SplitMix64.Mix(SplitMix64.Mix(seed ^ (salt * SplitMix64.Gamma)) ^ SplitMix64.Mix(nameKey));
        }
    }

    /// <summary>A uniform in the open interval (0, 1): (k + ½) · 2^-53 for a 53-bit k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong dimensionKey, long trial, int j = 0)
    {
        ulong bits = Bits(dimensionKey, trial, j);
        return ((bits >> 11) + 0.5) * (1.0 / (1UL << 53));
    }

    /// <summary>64 random bits for (dimension, trial, j).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong dimensionKey, long trial, int j)
    {
        unchecked
        {
            ulong z = SplitMix64.Mix(dimensionKey ^ ((ulong)trial * SplitMix64.Gamma));
            return SplitMix64.Mix(z + ((ulong)(j + 1) * SplitMix64.Gamma));
        }
    }
}
