using RiskSim.Core.Results;

namespace RiskSim.Output;

/// <summary>The contents of a <c>sensitivity.parquet</c> read back: its rows and the provenance of the run that wrote it.</summary>
/// <param name="Path">The file read.</param>
/// <param name="Rows">Sensitivity rows, in file order.</param>
/// <param name="ScenarioName">The scenario's name from the file's key-value metadata, or null when absent.</param>
/// <param name="ScenarioSha256">The scenario file's SHA-256 from the metadata, or null when absent.</param>
public sealed record SensitivityFile(string Path, IReadOnlyList<SensitivityRow> Rows, string? ScenarioName, string? ScenarioSha256);
