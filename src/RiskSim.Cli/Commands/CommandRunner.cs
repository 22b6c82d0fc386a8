using RiskSim.Core.Results;

namespace RiskSim.Cli.Commands;

/// <summary>
/// Runs a command body, turning what the user can act on into a plain message on stderr: a
/// <see cref="UserError"/> or an aborted run (a non-finite figure, a count beyond the engine) exits 2, a cancellation by Ctrl+C / SIGTERM exits
/// <see cref="Program.InterruptedExitCode"/> (the caller swaps in 143 for SIGTERM).
/// </summary>
public static class CommandRunner
{
    /// <summary>Runs <paramref name="body"/>; returns its exit code, or 2 / 130 as described on the class.</summary>
    public static int Guard(Func<int> body) => Guard(Console.Error, body);

    /// <summary>Runs <paramref name="body"/>, writing messages to <paramref name="error"/>; returns its exit code, or 2 / 130.</summary>
    public static int Guard(TextWriter error, Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (UserError e)
        {
            error.WriteLine(e.Message);
            return Program.UserErrorExitCode;
        }
        catch (RunAbortedException e)
        {
            // The scenario drove the engine out of range (a NaN, an overflow): the user's input to fix.
            // StochasticRunner throws the first failing trial's own exception, whatever the threads.
            error.WriteLine("risksim: " + e.Message);
            return Program.UserErrorExitCode;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("risksim: cancelled; no results were written.");
            return Program.InterruptedExitCode;
        }
    }
}
