namespace RiskSim.Core.Results.Run;

/// <summary>
/// Writes a <see cref="RunResult"/> somewhere (console, a file in the results folder): the shape of
/// BenchmarkDotNet's <c>IExporter</c>. Exporters lay out; they compute nothing the result lacks.
/// </summary>
public interface IRunResultExporter
{
    /// <summary>A short name, e.g. <c>console</c>, <c>html</c>, <c>xlsx</c>.</summary>
    string Name { get; }

    /// <summary>Exports the result.</summary>
    void Export(RunResult result);
}
