namespace RiskSim.Core.Results.Run;

/// <summary>
/// Writes a <see cref="RunResult"/> as one file of the results folder (<c>result.json</c>,
/// <c>report.html</c>, a workbook), into the run's temporary folder before the set is committed.
/// </summary>
public interface IRunResultFileExporter
{
    /// <summary>The bare file name, e.g. <c>result.json</c>.</summary>
    string FileName { get; }

    /// <summary>Writes the file at <paramref name="path"/> (inside the temporary folder).</summary>
    void Write(RunResult result, string path);
}
