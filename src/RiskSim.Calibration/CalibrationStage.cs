namespace RiskSim.Calibration;

/// <summary>
/// One step of a staged fit: only <see cref="Fit"/> move, against <see cref="Targets"/> (all
/// targets when empty). Stages run in order, each starting where the last ended; staging helps
/// when parameters act on nearly separate targets (do-nothing demand on the avoidance row,
/// programme effects on the LAC path and savings).
/// </summary>
/// <param name="Fit">Parameter names that move in this stage.</param>
/// <param name="Targets">Target names used in this stage, or empty for all.</param>
/// <param name="Starts">
/// Other starting points to try (each maps some of <paramref name="Fit"/> to a value; the rest
/// start where the previous stage left them); the stage keeps the best. Empty: one start.
/// Several starts help when the loss has kinks (one-in-one-out, proportions capped at 1).
/// </param>
public sealed record CalibrationStage(IReadOnlyList<string> Fit, IReadOnlyList<string> Targets, IReadOnlyList<IReadOnlyDictionary<string, double>> Starts);
