using System.Globalization;

namespace RiskSim.Core.Results;

/// <summary>
/// A trial's children would exceed what the engine counts exactly (<see cref="MaxChildren"/>):
/// flows are drawn as whole numbers of children, and past this bound the draws and the stock lose
/// their integer meaning. Validation bounds every input so that this cannot happen for an accepted
/// scenario; this is the engine's own last line, so no overflow ever becomes a stack trace.
/// </summary>
public sealed class EngineLimitException : RunAbortedException
{
    /// <summary>Most children (opening stock plus every possible entrant) a trial may hold.</summary>
    public const double MaxChildren = 1e8;

    /// <summary>Creates the exception.</summary>
    /// <param name="what">What exceeded the bound, e.g. "opening stock plus entries over the horizon".</param>
    /// <param name="value">The value reached.</param>
    /// <param name="trial">The trial, or null in plan mode.</param>
    public EngineLimitException(string what, double value, long? trial)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"{what} reaches {value:G4} children{(trial is { } t ? $" in trial {t}" : "")}, more than the {MaxChildren:G2} the engine counts exactly; check the stock total, entries per month and the rate multiplier. No results were written."))
    {
        Trial = trial;
    }

    /// <summary>The trial, or null in plan mode.</summary>
    public long? Trial { get; }
}
