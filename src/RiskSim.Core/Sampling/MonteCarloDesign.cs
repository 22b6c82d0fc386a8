namespace RiskSim.Core.Sampling;

/// <summary>Independent uniforms: dimension d of trial t is <see cref="CounterUniform.Uniform"/>(key_d, t).</summary>
public sealed class MonteCarloDesign : InputDesign
{
    /// <summary>Creates the design.</summary>
    public MonteCarloDesign(IReadOnlyList<string> dimensionNames, ulong seed, ulong salt = 0)
        : base(dimensionNames, seed, salt)
    {
    }

    /// <inheritdoc />
    public override void Fill(long trial, Span<double> uniforms)
    {
        for (int d = 0; d < Keys.Length; d++)
        {
            uniforms[d] = CounterUniform.Uniform(Keys[d], trial);
        }
    }
}
