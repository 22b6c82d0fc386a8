using System.Globalization;

namespace RiskSim.Scenarios;

/// <summary>
/// Thrown by <see cref="ScenarioLoader"/> when a scenario file has mistakes. It carries the
/// mistakes found in one pass (the first <see cref="ScenarioLimits.MaxReportedErrors"/> in file
/// order), each located at its node; <see cref="Exception.Message"/> lists them one per line,
/// then "… and N more errors" when some were left out.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception from the errors found (at least one).</summary>
    /// <param name="errors">The located errors, in file order.</param>
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : this(errors, 0)
    {
    }

    /// <summary>Creates the exception from the errors listed and a count of those left out.</summary>
    /// <param name="errors">The located errors listed, in file order.</param>
    /// <param name="moreErrors">How many further errors were found but not listed (≥ 0).</param>
    public ScenarioException(IReadOnlyList<ScenarioError> errors, int moreErrors)
        : base(Format(errors ?? throw new ArgumentNullException(nameof(errors)), moreErrors))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(moreErrors);
        Errors = errors;
        MoreErrors = moreErrors;
    }

    /// <summary>The located errors listed, in file order.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    /// <summary>How many further errors were found but not listed (fix the first ones, then validate again).</summary>
    public int MoreErrors { get; }

    private static string Format(IReadOnlyList<ScenarioError> errors, int moreErrors)
    {
        string listed = string.Join("\n", errors.Select(e => e.ToString()));
        return moreErrors == 0
            ? listed
            : listed + "\n" + string.Create(CultureInfo.InvariantCulture, $"… and {moreErrors} more errors");
    }
}
