using System.Security.Cryptography;
using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Scenarios;

namespace RiskSim.Cli;

/// <summary>A scenario file read from disk: its text hash (for provenance), the model and its compiled form.</summary>
public sealed record ScenarioInput(string Path, string Sha256, Scenario Scenario, CompiledModel Model)
{
    /// <summary>Reads, parses, validates and compiles a scenario; user mistakes become <see cref="UserError"/>.</summary>
    /// <param name="path">The scenario file.</param>
    /// <returns>The validated, compiled scenario.</returns>
    /// <exception cref="UserError">The path is not a readable scenario file, or the scenario has mistakes.</exception>
    public static ScenarioInput Load(string path)
    {
        byte[] bytes = ReadBounded(path);

        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Parse(bytes, path);
        }
        catch (ScenarioException e)
        {
            throw new UserError(e.Message.ReplaceLineEndings(Environment.NewLine));
        }

        CompiledModel model;
        try
        {
            model = CompiledModel.Compile(scenario);
        }
        catch (ArgumentException e)
        {
            // The loader validates everything it can locate; what is left is a whole-scenario mismatch.
            throw new UserError($"{path}: {e.Message}");
        }

        return new ScenarioInput(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), scenario, model);
    }

    /// <summary>
    /// Reads at most <see cref="ScenarioLimits.MaxFileBytes"/> + 1 bytes, so that a huge file or an
    /// endless device (<c>/dev/zero</c>) is refused after reading just over the limit, never
    /// loaded whole; the loader refuses the extra byte with its own message.
    /// </summary>
    private static byte[] ReadBounded(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UserError($"{path}: is a directory, expected a scenario file");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var buffer = new byte[ScenarioLimits.MaxFileBytes + 1];
            int total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserError($"{path}: cannot read the scenario file: {e.Message}");
        }
    }
}
