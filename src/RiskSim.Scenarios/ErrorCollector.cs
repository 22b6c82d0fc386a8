using YamlDotNet.Core;

namespace RiskSim.Scenarios;

/// <summary>Collects the errors of one file so that a single pass reports as many as it can.</summary>
internal sealed class ErrorCollector(string fileName)
{
    private readonly List<ScenarioError> errors = [];

    /// <summary>Number of errors so far; readers compare it before and after a step to see whether the step failed.</summary>
    public int Count => errors.Count;

    /// <summary>Records an error at <paramref name="mark"/>.</summary>
    public void Add(Mark mark, string path, string message) =>
        errors.Add(new ScenarioError(fileName, ToInt(mark.Line), ToInt(mark.Column), path, message));

    /// <summary>The errors in file order (stable for errors at the same place).</summary>
    public ScenarioException ToException() =>
        new(errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());

    private static int ToInt(long value) => (int)Math.Clamp(value, 1, int.MaxValue);
}
