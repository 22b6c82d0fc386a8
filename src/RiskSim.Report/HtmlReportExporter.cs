using System.Text;
using RiskSim.Core.Results.Run;

namespace RiskSim.Report;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (inline CSS, inline SVG charts drawn with
/// ScottPlot, no script, nothing fetched) with the run's charts, each with its units and a
/// one-line reading, the paper's table at plan / P10 / P50 / P90, the contingency, the inputs and
/// the run's metadata.
/// </summary>
public sealed class HtmlReportExporter : IRunResultExporter, IRunResultFileExporter
{
    /// <summary>The report's file name in a results folder.</summary>
    public const string ReportFileName = "report.html";

    private readonly string? path;

    /// <summary>An exporter for <see cref="Write"/> only (a run passes it to the job, which names the path in its temporary folder).</summary>
    public HtmlReportExporter()
    {
    }

    /// <summary>An exporter whose <see cref="Export"/> writes to <paramref name="path"/>.</summary>
    public HtmlReportExporter(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.path = path;
    }

    /// <inheritdoc/>
    public string Name => "html";

    /// <inheritdoc/>
    public string FileName => ReportFileName;

    /// <inheritdoc/>
    public void Export(RunResult result) =>
        Write(result, path ?? throw new InvalidOperationException("This exporter was made without a path; call Write(result, path)."));

    /// <summary>The page as a string.</summary>
    public static string Render(RunResult result) => ReportDocument.Render(result);

    /// <inheritdoc cref="IRunResultFileExporter.Write"/>
    /// <remarks>
    /// Writes the page at <paramref name="path"/>: into a temporary file beside it, then renamed over
    /// it, so a reader never sees half a report (inside a run's temporary folder this costs nothing more).
    /// </remarks>
    public void Write(RunResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string html = Render(result);
        string temporary = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            File.WriteAllText(temporary, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
