using RiskSim.Core.Results;

namespace RiskSim.Cli.Commands;

/// <summary>
/// Runs a command body, turning what the user can act on into a plain message on stderr: a
/// <see cref="UserError"/> or a non-finite figure exits 2, a cancellation by Ctrl+C / SIGTERM exits
/// <see cref="Program.InterruptedExitCode"/> (the caller swaps in 143 for SIGTERM).
/// </summary>
public static class CommandRunner
{
    /// <summary>Runs <paramref name="body"/>; returns its exit code, or 2 / 130 as described on the class.</summary>
    public static int Guard(Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (UserError e)
        {
            Console.Error.WriteLine(e.Message);
            return Program.UserErrorExitCode;
        }
        catch (NonFiniteResultException e)
        {
            return NonFinite(e);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.OfType<NonFiniteResultException>().FirstOrDefault() is { } first)
        {
            // Parallel.For wraps what a trial throws; the first offending figure is the one to report.
            return NonFinite(first);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("risksim: cancelled; no results were written.");
            return Program.InterruptedExitCode;
        }
    }

    private static int NonFinite(NonFiniteResultException e)
    {
        Console.Error.WriteLine($"risksim: {e.Message}");
        return Program.UserErrorExitCode;
    }
}
