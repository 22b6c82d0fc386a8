using System.CommandLine;
using RiskSim.Output;
using RiskSim.Report;
using Spectre.Console;

namespace RiskSim.Cli.Commands;

/// <summary>
/// <c>risksim report RESULTS_DIR</c>: rebuilds <c>report.html</c> from the folder's <c>result.json</c>
/// without re-running (after an upgrade of the report, or when the file was deleted); the manifest
/// records the new file so the set still checks as complete.
/// </summary>
public static class ReportCommand
{
    /// <summary>Builds the command, printing to <paramref name="console"/> and errors to <paramref name="error"/>.</summary>
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var folder = new Argument<string>("RESULTS_DIR")
        {
            Description = "A results folder written by `risksim run` (it holds result.json).",
        };
        var command = new Command(
            "report",
            "Rebuild report.html (charts, the paper's table at plan / P10 / P50 / P90, contingency, inputs) in a results folder from its result.json.")
        {
            folder,
        };
        command.SetAction(parse => CommandRunner.Guard(error, () => Execute(console, parse.GetValue(folder)!)));
        return command;
    }

    /// <summary>Rebuilds the report in <paramref name="resultsDirectory"/>; returns the exit code.</summary>
    /// <param name="console">Where the one-line confirmation goes.</param>
    /// <param name="resultsDirectory">The folder as the user gave it.</param>
    public static int Execute(IAnsiConsole console, string resultsDirectory)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!Directory.Exists(resultsDirectory))
        {
            throw new UserError($"{resultsDirectory}: no such results folder.");
        }

        string json = Path.Combine(resultsDirectory, RunResultJson.FileName);
        if (!File.Exists(json))
        {
            throw new UserError(
                $"{resultsDirectory}: no {RunResultJson.FileName}, so there is nothing to build a report from "
                + "(it is not a results folder, or an older RiskSim wrote it): run `risksim run` again.");
        }

        Core.Results.Run.RunResult result;
        try
        {
            result = RunResultJson.Read(json);
        }
        catch (InvalidDataException e)
        {
            throw new UserError(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"{json}: cannot read: {e.Message}");
        }

        var exporter = new HtmlReportExporter();
        try
        {
            ResultsFileRefresh.Replace(resultsDirectory, exporter.FileName, path => exporter.Write(result, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ResultsFolderException)
        {
            throw OutputErrors.Translate(resultsDirectory, e);
        }

        console.WriteLine($"Wrote {Path.Combine(resultsDirectory, exporter.FileName)}");
        return 0;
    }
}
