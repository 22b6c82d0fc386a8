namespace RiskSim.Analysis.Compare;

/// <summary>The result of comparing run B with run A: every figure with B − A and its standard error.</summary>
/// <param name="A">The first run (the reference).</param>
/// <param name="B">The second run (the variant).</param>
/// <param name="Paired">
/// True when both runs have the same trial indices, so trial i of A is compared with trial i of B
/// (paired standard errors). On common random numbers (same seed) the pairs are positively
/// correlated and the errors of differences are much smaller than for independent runs.
/// </param>
/// <param name="CommonRandomNumbers">True when the runs are paired and share a seed: trial i draws the same streams in both.</param>
/// <param name="Years">The FYs compared, in order.</param>
/// <param name="Options">The bootstrap settings behind the percentile differences' standard errors.</param>
/// <param name="Rows">Every compared figure.</param>
public sealed record Comparison(
    CompareSideInfo A,
    CompareSideInfo B,
    bool Paired,
    bool CommonRandomNumbers,
    IReadOnlyList<string> Years,
    CompareOptions Options,
    IReadOnlyList<ComparisonRow> Rows)
{
    /// <summary>One sentence on how the standard errors were found, for reports.</summary>
    public string Method => Paired
        ? $"Paired over trials ({(CommonRandomNumbers ? "common random numbers: same seed and trial indices" : "same trial indices, different seeds")}): "
            + $"shares from the per-trial differences (sd/√n); percentiles by a paired bootstrap ({Options.BootstrapReplicates} resamples of whole trials, seed {Options.BootstrapSeed})."
        : $"Independent runs (different trial sets): shares by √(pA(1−pA)/nA + pB(1−pB)/nB); percentiles by bootstrapping each run separately ({Options.BootstrapReplicates} resamples, seed {Options.BootstrapSeed}).";

    /// <summary>The row for <paramref name="measure"/> in FY <paramref name="fyIndex"/>, or null.</summary>
    public ComparisonRow? Find(string measure, int fyIndex) => Rows.FirstOrDefault(r => r.Measure == measure && r.FyIndex == fyIndex);
}
