using System.CommandLine;
using RiskSim.Cli.Commands;

namespace RiskSim.Cli;

/// <summary>Entry point of the <c>risksim</c> command.</summary>
public static class Program
{
    /// <summary>Exit code for a user mistake: bad arguments, unreadable or invalid scenario.</summary>
    public const int UserErrorExitCode = 2;

    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand(
            "RiskSim: Monte Carlo risk engine for invest-to-save cases in children's social care. "
            + "Turns a paper's single deterministic line into distributions of LAC, savings, budget position and breakeven year.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());

        // Tables are wide (one column per FY); when output goes to a file or pipe, do not wrap at 80.
        if (Console.IsOutputRedirected)
        {
            Spectre.Console.AnsiConsole.Profile.Width = 160;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"risksim: {error.Message}");
            }

            Console.Error.WriteLine("Try 'risksim --help'.");
            return UserErrorExitCode;
        }

        // Our own handlers turn user mistakes into located messages; anything else is a bug and
        // keeps System.CommandLine's default handler (message and stack trace, exit 1).
        return parse.Invoke();
    }
}
