using System.CommandLine;
using RiskSim.Cli.Rendering;
using RiskSim.Core.Engine;
using Spectre.Console;

namespace RiskSim.Cli.Commands;

/// <summary><c>risksim plan SCENARIO</c>: the paper's deterministic line, next to its published rows.</summary>
public static class PlanCommand
{
    /// <summary>Builds the command, printing to <paramref name="console"/> and errors to <paramref name="error"/>.</summary>
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var command = new Command(
            "plan",
            "Run plan mode (every input at its planned value, expected flows) and print it in the paper's Table 1 / Table 3 layout "
            + "(£'000), next to the scenario's reference rows and the differences. Row labels come from the scenario's budget.labels; "
            + "a realisation factor is held at its plan value (the paper's own assumption).")
        {
            scenario,
        };
        command.SetAction(parse => CommandRunner.Guard(error, () =>
        {
            var input = ScenarioInput.Load(parse.GetValue(scenario)!);
            var plan = PlanRunner.Run(input.Model);
            PlanTable.Write(console, input.Scenario, plan);
            return 0;
        }));
        return command;
    }
}
