using YamlDotNet.Core;

namespace RiskSim.Scenarios;

/// <summary>
/// Collects the errors of one file so that a single pass reports as many as it can. Memory is
/// bounded whatever the file: past <see cref="MaxKept"/> errors are only counted, and the
/// exception lists the first <see cref="ScenarioLimits.MaxReportedErrors"/> in file order.
/// </summary>
internal sealed class ErrorCollector(string fileName)
{
    /// <summary>Errors kept for sorting; a 1 MiB file of mistakes could otherwise hold hundreds of thousands.</summary>
    private const int MaxKept = 10_000;

    private readonly List<ScenarioError> errors = [];

    /// <summary>Number of errors so far (kept or only counted); readers compare it before and after a step to see whether the step failed.</summary>
    public int Count { get; private set; }

    /// <summary>The scenario file's name as given (files it names, e.g. an empirical distribution's, are relative to its folder).</summary>
    public string FileName => fileName;

    /// <summary>The file's lines, so that readers can keep the comment that cites a number (see <see cref="NodeReader.LineComment"/>).</summary>
    public IReadOnlyList<string> Lines { get; set; } = [];

    /// <summary>Records an error at <paramref name="mark"/>.</summary>
    public void Add(Mark mark, string path, string message)
    {
        Count++;
        if (errors.Count < MaxKept)
        {
            errors.Add(new ScenarioError(fileName, ToInt(mark.Line), ToInt(mark.Column), path, message));
        }
    }

    /// <summary>The first errors in file order (stable for errors at the same place) and how many more there are.</summary>
    public ScenarioException ToException()
    {
        var first = errors.OrderBy(e => e.Line).ThenBy(e => e.Column).Take(ScenarioLimits.MaxReportedErrors).ToList();
        return new ScenarioException(first, Count - first.Count);
    }

    private static int ToInt(long value) => (int)Math.Clamp(value, 1, int.MaxValue);
}
