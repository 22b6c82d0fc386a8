using System.CommandLine;
using RiskSim.Cli.Commands;

namespace RiskSim.Cli;

/// <summary>Entry point of the <c>risksim</c> command.</summary>
public static class Program
{
    /// <summary>Exit code for a user mistake: bad arguments, unreadable or invalid scenario, unusable output folder.</summary>
    public const int UserErrorExitCode = 2;

    /// <summary>Exit code after Ctrl+C (128 + SIGINT); SIGTERM gives <see cref="TerminatedExitCode"/>.</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>Exit code after SIGTERM (128 + 15).</summary>
    public const int TerminatedExitCode = 143;

    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        // First, so that a signal from here on cancels instead of killing the process mid-write.
        using var signals = TerminationSignals.Begin();
        var root = new RootCommand(
            "RiskSim: Monte Carlo risk engine for invest-to-save cases in children's social care. "
            + "Turns a paper's single deterministic line into distributions of LAC, savings, budget position and breakeven year.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(SensitivityCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());

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
        // ProcessTerminationTimeout = null switches off System.CommandLine's Ctrl+C / SIGTERM handling:
        // with it, a second signal during its grace period fell through to the default handler (exit 134)
        // and a slow stop was cut short. TerminationSignals handles every signal instead.
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
        int code = parse.InvokeAsync(configuration, signals.Token).GetAwaiter().GetResult();
        return code == InterruptedExitCode && signals.ExitCode is int signalled ? signalled : code;
    }
}
