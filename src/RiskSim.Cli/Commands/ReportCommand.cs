using System.CommandLine;
using RiskSim.Output;
using RiskSim.Report;
using Spectre.Console;

namespace RiskSim.Cli.Commands;

/// <summary>
/// <c>risksim report RESULTS_DIR</c>: rebuilds <c>report.html</c> from the folder's <c>result.json</c>
/// without re-running (after an upgrade of the report, or when the file was deleted); the manifest
/// records the new file so the set still checks as complete. With <c>--sensitivity SENS_DIR</c> the
/// rows of a <c>risksim sensitivity</c> run of the same scenario are added to <c>result.json</c> (so a
/// later rebuild keeps them) and the report gains the tornado and Sobol charts.
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
        var sensitivity = new Option<string?>("--sensitivity")
        {
            Description = "A folder written by `risksim sensitivity SCENARIO --out DIR` for the same scenario: its rows are stored in "
                + "result.json and the report gains the tornado and Sobol charts.",
            HelpName = "SENS_DIR",
        };
        var command = new Command(
            "report",
            "Rebuild report.html (charts, the paper's table at plan / P10 / P50 / P90, contingency, inputs) in a results folder from its result.json.")
        {
            folder,
            sensitivity,
        };
        command.SetAction(parse => CommandRunner.Guard(error, () => Execute(console, parse.GetValue(folder)!, parse.GetValue(sensitivity))));
        return command;
    }

    /// <summary>Rebuilds the report in <paramref name="resultsDirectory"/>; returns the exit code.</summary>
    /// <param name="console">Where the one-line confirmation goes.</param>
    /// <param name="resultsDirectory">The folder as the user gave it.</param>
    /// <param name="sensitivityDirectory">With <c>--sensitivity</c>: the sensitivity run's folder (or its <c>sensitivity.parquet</c>), else null.</param>
    public static int Execute(IAnsiConsole console, string resultsDirectory, string? sensitivityDirectory = null)
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

        if (sensitivityDirectory is not null)
        {
            var file = ReadSensitivity(sensitivityDirectory, result.Metadata);
            result = result with { Sensitivity = file.Rows };
            try
            {
                // result.json first, so a later `risksim report` without --sensitivity keeps the charts.
                ResultsFileRefresh.Replace(resultsDirectory, RunResultJson.FileName, path => RunResultJson.WriteFile(result, path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ResultsFolderException)
            {
                throw OutputErrors.Translate(resultsDirectory, e);
            }

            console.WriteLine($"Added {file.Rows.Count} sensitivity rows from {file.Path} to {Path.Combine(resultsDirectory, RunResultJson.FileName)}");
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

    /// <summary>
    /// Reads the sensitivity run's rows, refusing a damaged set or an analysis of another scenario
    /// (a different name, or different scenario file bytes, when both folders record them).
    /// </summary>
    private static SensitivityFile ReadSensitivity(string sensitivityDirectory, Core.Results.RunMetadata run)
    {
        if (!Directory.Exists(sensitivityDirectory) && !File.Exists(sensitivityDirectory))
        {
            throw new UserError($"{sensitivityDirectory}: no such sensitivity folder (give the --out folder of `risksim sensitivity`).");
        }

        if (Directory.Exists(sensitivityDirectory) && File.Exists(Path.Combine(sensitivityDirectory, ResultsDirectory.ManifestFileName))
            && ResultsManifest.Check(sensitivityDirectory) is { Count: > 0 } problems)
        {
            throw new UserError($"{sensitivityDirectory}: the sensitivity set is damaged or incomplete: {string.Join(" ", problems)} Run `risksim sensitivity` again.");
        }

        SensitivityFile file;
        try
        {
            file = SensitivityParquetReader.Read(sensitivityDirectory);
        }
        catch (InvalidDataException e)
        {
            throw new UserError(e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UserError($"{sensitivityDirectory}: cannot read: {e.Message}");
        }

        if (file.Rows.Count == 0)
        {
            throw new UserError($"{file.Path}: holds no sensitivity rows, so there is nothing to add to the report.");
        }

        if (file.ScenarioName is { Length: > 0 } name && run.ScenarioName.Length > 0 && !string.Equals(name, run.ScenarioName, StringComparison.Ordinal))
        {
            throw new UserError(
                $"{file.Path}: is a sensitivity analysis of scenario '{name}', but the results are of '{run.ScenarioName}'; "
                + "run `risksim sensitivity` on the scenario the results came from. Nothing was changed.");
        }

        if (file.ScenarioSha256 is { Length: > 0 } sha && run.ScenarioSha256.Length > 0 && !string.Equals(sha, run.ScenarioSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new UserError(
                $"{file.Path}: was computed from a different version of the scenario file (SHA-256 {Short(sha)}…) than the results "
                + $"({Short(run.ScenarioSha256)}…); re-run `risksim sensitivity` (or `risksim run`) on the same file. Nothing was changed.");
        }

        return file;
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
