namespace RiskSim.Core.Sampling;

/// <summary>How each trial's input uniforms are chosen.</summary>
public enum SamplingMode
{
    /// <summary>Independent uniforms per trial (<c>--sampling mc</c>, the default).</summary>
    MonteCarlo,

    /// <summary>
    /// Latin hypercube (<c>--sampling lhs</c>): with N trials, every input has exactly one draw in
    /// each of N equal-probability strata; trial i's stratum in each input comes from a keyed
    /// permutation of [0, N), so it depends only on the seed, i and N.
    /// </summary>
    LatinHypercube,
}
