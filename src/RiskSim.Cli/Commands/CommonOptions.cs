using System.CommandLine;

namespace RiskSim.Cli.Commands;

/// <summary>Arguments shared by several commands.</summary>
public static class CommonOptions
{
    /// <summary>The scenario file argument.</summary>
    public static Argument<string> ScenarioArgument() => new("SCENARIO")
    {
        Description = "Scenario file (YAML), e.g. data/scenarios/staffordshire-2019.yaml. See docs/scenario-format.md.",
    };
}
