using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace RiskSim.Cli.Commands;

/// <summary><c>risksim validate SCENARIO</c>: checks a scenario file and says what it holds.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command, printing to <paramref name="console"/> and errors to <paramref name="error"/>.</summary>
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var command = new Command("validate", "Check a scenario file: every error is reported with file, line, column and field; exit code 2 if any.")
        {
            scenario,
        };
        command.SetAction(parse => CommandRunner.Guard(error, () =>
        {
            var input = ScenarioInput.Load(parse.GetValue(scenario)!);
            var s = input.Scenario;
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{input.Path}: valid. '{s.Name}': {s.Horizon.Start} to {s.Horizon.End} ({s.Horizon.MonthCount} months, {s.Horizon.FinancialYears.Count} FYs), "
                + $"{s.PlacementTypes.Count} placement types, {s.InvestmentLines.Count} investment lines, {s.Effects.Count} effects, "
                + $"{input.Model.InputColumns.Count} uncertain inputs."));
            return 0;
        }));
        return command;
    }
}
