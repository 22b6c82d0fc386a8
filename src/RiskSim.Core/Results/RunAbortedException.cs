namespace RiskSim.Core.Results;

/// <summary>
/// A run stopped because the scenario, though valid in form, drove the engine somewhere it cannot
/// compute honestly (a non-finite figure, a count beyond what the engine can hold). The message is
/// written for the user: it names the figure, and the FY and trial where one applies.
/// </summary>
public abstract class RunAbortedException : Exception
{
    /// <summary>Creates the exception with its user-facing message.</summary>
    /// <param name="message">Plain-words description of what went out of range and what to check.</param>
    protected RunAbortedException(string message)
        : base(message)
    {
    }
}
