namespace RiskSim.Scenarios;

/// <summary>Limits on scenario input (docs/scenario-format.md, "Limits").</summary>
public static class ScenarioLimits
{
    /// <summary>Largest scenario file read, in bytes (1 MiB).</summary>
    public const int MaxFileBytes = 1 << 20;
}
