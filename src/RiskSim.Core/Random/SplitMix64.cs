namespace RiskSim.Core.Random;

/// <summary>
/// The SplitMix64 generator and its 64-bit finaliser (Steele, Lea and Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014; reference C code by Sebastiano Vigna at
/// https://prng.di.unimi.it/splitmix64.c, public domain).
/// </summary>
/// <remarks>
/// Used only to turn seeds into well-mixed generator states (as the xoshiro authors recommend);
/// it is not the simulation's main generator. All arithmetic is modulo 2^64, hence the
/// <c>unchecked</c> blocks (the project builds with overflow checking on).
/// </remarks>
public static class SplitMix64
{
    /// <summary>The SplitMix64 increment: 2^64 divided by the golden ratio, rounded to odd.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>
    /// Advances <paramref name="state"/> by <see cref="Gamma"/> and returns the mixed new state,
    /// exactly as <c>next()</c> in the reference C code.
    /// </summary>
    /// <param name="state">The generator state; updated in place.</param>
    /// <returns>The next 64-bit output.</returns>
    public static ulong Next(ref ulong state)
    {
        unchecked
        {
            state += Gamma;
        }

        return Mix(state);
    }

    /// <summary>
    /// The SplitMix64 output function (a variant of the MurmurHash3 64-bit finaliser by
    /// David Stafford, "Mix13"). It is a bijection on 64-bit values, and <c>Mix(0) == 0</c>.
    /// </summary>
    /// <param name="z">The value to mix.</param>
    /// <returns>The mixed value.</returns>
    public static ulong Mix(ulong z)
    {
        // Each step is invertible: x ^ (x >> s) for s > 0, and multiplication by an odd constant.
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
