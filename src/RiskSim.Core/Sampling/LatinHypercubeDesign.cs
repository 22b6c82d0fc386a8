namespace RiskSim.Core.Sampling;

/// <summary>
/// Latin hypercube: with N trials, dimension d of trial t lies in stratum π_d(t) of N equal
/// strata, π_d a keyed permutation of [0, N), at a uniform position within it. Every dimension
/// has exactly one draw per stratum, and strata are paired across dimensions at random
/// (McKay, Beckman and Conover 1979).
/// </summary>
public sealed class LatinHypercubeDesign : InputDesign
{
    private readonly KeyedPermutation[] permutations;
    private readonly long strata;

    /// <summary>Creates the design for <paramref name="trials"/> trials (the number of strata).</summary>
    public LatinHypercubeDesign(IReadOnlyList<string> dimensionNames, ulong seed, long trials, ulong salt = 0)
        : base(dimensionNames, seed, salt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        strata = trials;
        permutations = new KeyedPermutation[Keys.Length];
        for (int d = 0; d < Keys.Length; d++)
        {
            permutations[d] = new KeyedPermutation(Keys[d], trials);
        }
    }

    /// <inheritdoc />
    public override void Fill(long trial, Span<double> uniforms)
    {
        for (int d = 0; d < Keys.Length; d++)
        {
            // Position within the stratum from the trial's own uniform (j = 1: independent of MC's j = 0).
            double within = CounterUniform.Uniform(Keys[d], trial, 1);
            double u = (permutations[d][trial] + within) / strata;
            uniforms[d] = Math.Min(u, 1 - (0.5 / (1UL << 53)));
        }
    }
}
