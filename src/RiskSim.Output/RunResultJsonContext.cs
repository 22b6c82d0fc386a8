using System.Text.Json.Serialization;
using RiskSim.Core.Results.Run;

namespace RiskSim.Output;

/// <summary>
/// Source-generated System.Text.Json metadata for <c>result.json</c>: <see cref="RunResult"/> and every
/// type it holds, so that writing and reading the file needs no reflection emit (the reflection-based
/// serializer compiled, fully optimised, a dynamic method for every property getter and constructor at the
/// end of every run and in every report, compare and merge).
/// </summary>
/// <remarks>
/// The format (names, indentation, escaping, NaN, FYs as labels, nullability) is set only by the
/// <see cref="System.Text.Json.JsonSerializerOptions"/> of <see cref="RunResultJson"/>, which a context is
/// constructed over; the generation options here are left at their defaults (bar the mode) so that one
/// place defines the file.
/// Metadata only: a generated fast path would never be used with those options (a custom converter and
/// encoder rule it out), so it would be dead code. Unlike reflection, the generated metadata fills
/// <see cref="RunResult"/>'s init-only members through one object initializer: a member the file lacks
/// becomes null (<see cref="RunResultJson.Read"/> restores <see cref="RunResult.Sensitivity"/>'s default),
/// and an explicit null is still refused but reported as a "constructor parameter" (e.g. 'Years') rather
/// than a "property" ('years').
/// </remarks>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(RunResult))]
internal sealed partial class RunResultJsonContext : JsonSerializerContext;
