namespace RiskSim.Scenarios;

/// <summary>
/// Thrown by <see cref="ScenarioLoader"/> when a scenario file has mistakes. It carries every
/// mistake found in one pass, each located at its node; <see cref="Exception.Message"/> lists
/// them one per line.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception from the errors found (at least one).</summary>
    /// <param name="errors">The located errors, in file order.</param>
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(string.Join("\n", (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.ToString())))
    {
        Errors = errors;
    }

    /// <summary>The located errors, in file order.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    /// <summary>How many further errors were found but not listed.</summary>
    public int MoreErrors { get; }
}
