namespace RiskSim.Analysis;

/// <summary><c>run --precision GBP [--max-trials N]</c>: add trials until the P80 contingency is known to ± this many £.</summary>
/// <param name="HalfWidthGbp">Target half-width, £, of the 95 % interval of the P80 contingency.</param>
/// <param name="MaxTrials">Most trials to run, whatever the precision reached.</param>
public sealed record PrecisionTarget(double HalfWidthGbp, int MaxTrials);
