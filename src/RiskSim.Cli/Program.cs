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
        var console = Spectre.Console.AnsiConsole.Console;

        // Tables are wide (one column per FY); when output goes to a file or pipe, do not wrap at 80.
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 160;
        }

        return Run(args, console, Console.Error);
    }

    /// <summary>Runs the command line with tables and summaries written to <paramref name="console"/>; returns the exit code.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">The console that run, plan, validate and sensitivity print to (tests pass a <c>TestConsole</c>).</param>
    /// <param name="error">Where messages and progress go (stderr; tests pass a <see cref="StringWriter"/>).</param>
    public static int Run(string[] args, Spectre.Console.IAnsiConsole console, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(error);
        // First, so that a signal from here on cancels instead of killing the process mid-write.
        using var signals = TerminationSignals.Begin();
        var root = new RootCommand(
            "RiskSim: Monte Carlo risk engine for invest-to-save cases in children's social care. "
            + "Turns a paper's single deterministic line into distributions of LAC, savings, budget position and breakeven year.");
        root.Subcommands.Add(RunCommand.Create(console, error));
        root.Subcommands.Add(PlanCommand.Create(console, error));
        root.Subcommands.Add(ValidateCommand.Create(console, error));
        root.Subcommands.Add(InitCommand.Create(console, error));
        root.Subcommands.Add(SensitivityCommand.Create(console, error));
        root.Subcommands.Add(CalibrateCommand.Create(console, error));
        root.Subcommands.Add(MergeCommand.Create(console, error));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"risksim: {problem.Message}");
            }

            error.WriteLine("Try 'risksim --help'.");
            return UserErrorExitCode;
        }

        // Our own handlers turn user mistakes into located messages; anything else is a bug and
        // keeps System.CommandLine's default handler (message and stack trace, exit 1).
        // ProcessTerminationTimeout = null switches off System.CommandLine's Ctrl+C / SIGTERM handling:
        // with it, a second signal during its grace period fell through to the default handler (exit 134)
        // and a slow stop was cut short. TerminationSignals handles every signal instead.
        // Help and System.CommandLine's own messages go to the same writers as ours.
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null, Output = console.Profile.Out.Writer, Error = error };
        int code = parse.InvokeAsync(configuration, signals.Token).GetAwaiter().GetResult();
        return code == InterruptedExitCode && signals.ExitCode is int signalled ? signalled : code;
    }
}
