using System.Diagnostics;
using System.Numerics;
using RiskSim.Core.Random;

namespace RiskSim.Core.Sampling;

/// <summary>
/// A keyed pseudo-random permutation of [0, n), computed point by point without storing it: a
/// balanced four-round Feistel network on the smallest even number of bits covering n, with
/// cycle-walking (re-encrypt until the value falls below n; Black and Rogaway 2002, "Ciphers with
/// arbitrary finite domains"). Any Feistel network is a bijection of its domain, and cycle-walking
/// restricts a bijection to a subset, so every index maps to exactly one stratum.
/// </summary>
public readonly struct KeyedPermutation
{
    private const int Rounds = 4;
    private readonly ulong key;
    private readonly long n;
    private readonly int halfBits;
    private readonly ulong halfMask;

    /// <summary>A permutation of [0, <paramref name="n"/>) chosen by <paramref name="key"/>.</summary>
    public KeyedPermutation(ulong key, long n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        this.key = key;
        this.n = n;
        int bits = Math.Max(2, 64 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
        halfBits = (bits + 1) / 2;
        halfMask = (1UL << halfBits) - 1;
    }

    /// <summary>The image of <paramref name="index"/> (0 ≤ index &lt; n).</summary>
    public long this[long index]
    {
        get
        {
            Debug.Assert(index >= 0 && index < n, "index within the domain");
            ulong x = (ulong)index;
            do
            {
                x = Encrypt(x);
            }
            while (x >= (ulong)n);

            return (long)x;
        }
    }

    private ulong Encrypt(ulong x)
    {
        ulong left = x >> halfBits;
        ulong right = x & halfMask;
        for (int r = 0; r < Rounds; r++)
        {
            ulong f;
            unchecked
            {
                f = SplitMix64.Mix(key ^ (right * SplitMix64.Gamma) ^ (ulong)r) & halfMask;
            }

            (left, right) = (right, left ^ f);
        }

        return (left << halfBits) | right;
    }
}
