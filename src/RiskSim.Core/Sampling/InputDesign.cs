namespace RiskSim.Core.Sampling;

/// <summary>
/// Fills a trial's vector of input uniforms, one per input dimension (in the order of
/// <c>CompiledModel.InputDimensions</c>). Designs differ only in how the uniforms are chosen;
/// distributions then map each uniform through their quantile function. A design is read-only
/// and thread-safe: trial t's uniforms are a function of the design and t alone.
/// </summary>
public abstract class InputDesign
{
    /// <summary>Creates a design with one keyed dimension per name.</summary>
    /// <param name="dimensionNames">The input dimensions' names (trials column names).</param>
    /// <param name="seed">The run's master seed.</param>
    /// <param name="salt">Distinguishes independent designs of one run (e.g. Saltelli's A and B).</param>
    protected InputDesign(IReadOnlyList<string> dimensionNames, ulong seed, ulong salt)
    {
        ArgumentNullException.ThrowIfNull(dimensionNames);
        Keys = new ulong[dimensionNames.Count];
        for (int d = 0; d < Keys.Length; d++)
        {
            Keys[d] = CounterUniform.DimensionKey(seed, InputKey.Of(dimensionNames[d]), salt);
        }
    }

    /// <summary>Number of dimensions filled.</summary>
    public int Dimensions => Keys.Length;

    /// <summary>Per-dimension keys of the counter-based uniforms.</summary>
    private protected ulong[] Keys { get; }

    /// <summary>Creates the design a run asks for.</summary>
    /// <param name="mode">Monte Carlo or Latin hypercube.</param>
    /// <param name="dimensionNames">The input dimensions' names.</param>
    /// <param name="seed">The run's master seed.</param>
    /// <param name="trials">The run's trial count (the number of Latin hypercube strata).</param>
    /// <param name="salt">Distinguishes independent designs of one run.</param>
    public static InputDesign Create(SamplingMode mode, IReadOnlyList<string> dimensionNames, ulong seed, long trials, ulong salt = 0) =>
        mode switch
        {
            SamplingMode.MonteCarlo => new MonteCarloDesign(dimensionNames, seed, salt),
            SamplingMode.LatinHypercube => new LatinHypercubeDesign(dimensionNames, seed, trials, salt),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown sampling mode"),
        };

    /// <summary>Writes trial <paramref name="trial"/>'s uniforms, each in (0, 1), into <paramref name="uniforms"/>.</summary>
    public abstract void Fill(long trial, Span<double> uniforms);
}
