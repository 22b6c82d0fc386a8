using System.Security.Cryptography;
using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Scenarios;

namespace RiskSim.Cli;

/// <summary>A scenario file read from disk: its text hash (for provenance), the model and its compiled form.</summary>
public sealed record ScenarioInput(string Path, string Sha256, Scenario Scenario, CompiledModel Model)
{
    /// <summary>Reads, parses, validates and compiles a scenario; user mistakes become <see cref="UserError"/>.</summary>
    public static ScenarioInput Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserError($"{path}: cannot read the scenario file: {e.Message}");
        }

        string text;
        try
        {
            text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new UserError($"{path}: the scenario file is not UTF-8 text.");
        }

        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Parse(text, path);
        }
        catch (ScenarioException e)
        {
            throw new UserError(string.Join(Environment.NewLine, e.Errors.Select(x => x.ToString())));
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
}
