using System.Text.Json.Serialization;

namespace RiskSim.Output;

/// <summary>
/// Source-generated System.Text.Json metadata for <c>_manifest.json</c> (<see cref="ResultsManifest"/> and
/// its <see cref="ResultsManifestFile"/> list), so that committing or checking a result set needs no
/// reflection emit.
/// </summary>
/// <remarks>
/// As for <see cref="RunResultJsonContext"/>, the format is set only by the options the context is
/// constructed over (in <see cref="ResultsManifest"/>), and only metadata is generated.
/// </remarks>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ResultsManifest))]
internal sealed partial class ResultsManifestJsonContext : JsonSerializerContext;
