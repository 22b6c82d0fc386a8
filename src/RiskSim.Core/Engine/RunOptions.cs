using RiskSim.Core.Sampling;

namespace RiskSim.Core.Engine;

/// <summary>Settings of a stochastic run.</summary>
/// <param name="Trials">Number of trials (≥ 1).</param>
/// <param name="Seed">Master seed; trial i's stream depends only on (seed, i).</param>
/// <param name="Threads">Worker threads (≥ 1); results do not depend on it.</param>
/// <param name="InputUncertainty">False holds every input at its plan value, leaving only the randomness of the flows.</param>
/// <param name="BlockSize">Trials per block handed to sinks (and per Parquet row group); results do not depend on it.</param>
/// <param name="Sampling">How input uniforms are chosen (Monte Carlo or Latin hypercube).</param>
/// <param name="HeldAtPlan">Names of inputs held at their plan value although their uniforms are still drawn (null: none); every other draw is unchanged (common random numbers).</param>
public sealed record RunOptions(
    int Trials,
    ulong Seed,
    int Threads,
    bool InputUncertainty = true,
    int BlockSize = 4096,
    SamplingMode Sampling = SamplingMode.MonteCarlo,
    IReadOnlyList<string>? HeldAtPlan = null)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for impossible settings.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Trials, 1, nameof(Trials));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfLessThan(BlockSize, 1, nameof(BlockSize));
    }
}
