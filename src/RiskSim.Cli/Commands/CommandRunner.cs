using RiskSim.Core.Results;

namespace RiskSim.Cli.Commands;

/// <summary>Runs a command body, turning <see cref="UserError"/> into a message on stderr and exit code 2.</summary>
public static class CommandRunner
{
    /// <summary>Runs <paramref name="body"/>; a user error prints its message and returns 2.</summary>
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
        catch (RunAbortedException e)
        {
            // The scenario drove the engine out of range (a NaN, an overflow): the user's input to fix.
            Console.Error.WriteLine("risksim: " + e.Message);
            return Program.UserErrorExitCode;
        }
    }
}
