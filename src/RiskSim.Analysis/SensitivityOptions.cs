namespace RiskSim.Analysis;

/// <summary>Settings of a sensitivity analysis.</summary>
/// <param name="Trials">Trials of the base Monte Carlo run (Spearman, PRCC, decile tornado, surrogate).</param>
/// <param name="Seed">Master seed of every run of the analysis.</param>
/// <param name="Threads">Worker threads; results do not depend on it.</param>
/// <param name="SobolRows">Base rows n of the Saltelli design, or null for <see cref="DefaultSobolRows"/>.</param>
/// <param name="TornadoTrials">Trials per bar of the common-random-numbers tornado, or null for <see cref="DefaultTornadoTrials"/>.</param>
public sealed record SensitivityOptions(int Trials, ulong Seed, int Threads, int? SobolRows = null, int? TornadoTrials = null)
{
    /// <summary>Fewest base trials for d input dimensions: 100, and at least d + 10 (PRCC's regression).</summary>
    public static int MinimumTrials(int dimensions) => Math.Max(100, dimensions + 10);

    /// <summary>Default Saltelli base rows: max(256, N / (d + 2)), so the design costs about as much as the base run once N is large.</summary>
    public static int DefaultSobolRows(int trials, int dimensions) => Math.Max(256, trials / (dimensions + 2));

    /// <summary>Default trials per tornado bar: max(256, N / 8).</summary>
    public static int DefaultTornadoTrials(int trials) => Math.Max(256, trials / 8);

    /// <summary>The Saltelli base rows for <paramref name="dimensions"/> inputs.</summary>
    public int SobolRowsFor(int dimensions) => SobolRows ?? DefaultSobolRows(Trials, dimensions);

    /// <summary>The trials per tornado bar.</summary>
    public int TornadoTrialsFor() => TornadoTrials ?? DefaultTornadoTrials(Trials);
}
