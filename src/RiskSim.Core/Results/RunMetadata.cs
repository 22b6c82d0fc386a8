namespace RiskSim.Core.Results;

/// <summary>Provenance stored in every output file's key-value metadata.</summary>
/// <param name="ScenarioName">Scenario name.</param>
/// <param name="ScenarioSha256">Hex SHA-256 of the scenario file's bytes.</param>
/// <param name="Seed">Master seed.</param>
/// <param name="Trials">Number of trials (0 for plan only).</param>
/// <param name="EngineVersion">RiskSim version.</param>
/// <param name="Sampling">Input design: <c>mc</c>, <c>lhs</c>, or <c>fixed</c> when every input was held at plan.</param>
public sealed record RunMetadata(string ScenarioName, string ScenarioSha256, ulong Seed, long Trials, string EngineVersion, string Sampling = "mc")
{
    /// <summary>With <c>--precision</c>: the target half-width (£) of the P80 contingency's 95 % interval.</summary>
    public double? PrecisionTargetGbp { get; init; }

    /// <summary>With <c>--precision</c>: the half-width (£) reached when the run stopped adding trials.</summary>
    public double? PrecisionReachedGbp { get; init; }

    /// <summary>Version of the output schema; bump when a column is renamed, removed or retyped.</summary>
    public const int SchemaVersion = 2;
}
