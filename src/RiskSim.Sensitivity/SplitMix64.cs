namespace RiskSim.Sensitivity;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014; constants as in Vigna's reference C code): a tiny,
/// fully deterministic generator for bootstrap indices and sub-sampling. Not for the simulation itself.
/// </summary>
internal struct SplitMix64
{
    private ulong state;

    public SplitMix64(ulong seed) => this.state = seed;

    public ulong Next()
    {
        unchecked
        {
            ulong z = this.state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (this.Next() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform integer in [0, bound) by Lemire's multiply-shift with rejection (unbiased).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "Bound must be positive.");
        }

        ulong b = (ulong)bound;
        ulong threshold = unchecked((0UL - b) % b);
        while (true)
        {
            ulong r = this.Next();
            UInt128 m = (UInt128)r * b;
            ulong low = unchecked((ulong)m);
            if (low >= threshold)
            {
                return (int)(ulong)(m >> 64);
            }
        }
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle(int[] items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = this.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
