using System.CommandLine;
using System.Globalization;
using RiskSim.Calibration;
using RiskSim.Cli.Rendering;
using RiskSim.Core.Results.Run;
using RiskSim.Scenarios;
using Spectre.Console;

namespace RiskSim.Cli.Commands;

/// <summary>
/// <c>risksim calibrate TEMPLATE --out SCENARIO</c>: fits the free parameters a template names to
/// its own reference rows and milestones, writes the scenario, and says what the fit implies.
/// </summary>
public static class CalibrateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var template = new Argument<string>("TEMPLATE")
        {
            Description = "Scenario template: a scenario with {{NAME}} placeholders and a top-level calibrate: block naming "
                + "each parameter's start and bounds and the targets' tolerances (docs/calibration.md).",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Scenario file to write (written to a temporary file, then renamed).",
            Required = true,
        };
        var force = new Option<bool>("--force", "-f") { Description = "Overwrite --out if it exists." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress lines on stderr." };
        var command = new Command(
            "calibrate",
            "Fit a template's free parameters so that plan mode meets the scenario's own reference rows and LAC milestones "
            + "within the tolerances the template gives (Nelder–Mead on Σ (error / tolerance)², plus an optional roughness penalty on "
            + "the do-nothing LAC path); write the fitted scenario; print the fit table and the assumptions the fit implies, "
            + "next to today's values.")
        {
            template, output, force, quiet,
        };
        command.SetAction(parse => CommandRunner.Guard(error, () =>
        {
            string templatePath = parse.GetValue(template)!;
            string outPath = parse.GetValue(output)!;
            if (File.Exists(outPath) && !parse.GetValue(force))
            {
                throw new UserError($"{outPath}: already exists; give --force to overwrite it");
            }

            if (Directory.Exists(outPath))
            {
                throw new UserError($"{outPath}: is a directory, expected a scenario file name");
            }

            var parsed = Read(templatePath);
            bool showProgress = !parse.GetValue(quiet);
            CalibrationResult result;
            try
            {
                result = Calibrator.Fit(parsed, showProgress ? line => error.WriteLine("calibrate: " + line) : null);
            }
            catch (CalibrationException e)
            {
                throw new UserError(e.Message.ReplaceLineEndings(Environment.NewLine));
            }

            Write(outPath, result.ScenarioText);
            Render(console, parsed, result, outPath);
            return 0;
        }));
        return command;
    }

    private static CalibrationTemplate Read(string path)
    {
        string text;
        try
        {
            if (new FileInfo(path) is { Exists: true, Length: > ScenarioLimits.MaxFileBytes })
            {
                throw new UserError($"{path}: larger than {ScenarioLimits.MaxFileBytes} bytes, the largest scenario RiskSim reads");
            }

            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new UserError($"{path}: cannot read the template: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UserError($"{path}: cannot read the template: {e.Message}");
        }

        try
        {
            return CalibrationTemplate.Parse(text, path);
        }
        catch (CalibrationException e)
        {
            throw new UserError(e.Message);
        }
    }

    /// <summary>Temporary file in the same folder, then an atomic rename: never a half-written scenario.</summary>
    private static void Write(string path, string text)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new UserError($"{path}: cannot write the scenario: {e.Message}");
        }
    }

    private static void Render(IAnsiConsole console, CalibrationTemplate template, CalibrationResult result, string outPath)
    {
        var table = new Table().Title("Fit (plan mode with the fitted values)");
        table.AddColumn("target");
        table.AddColumn("when");
        table.AddColumn(new TableColumn("tolerance").RightAligned());
        table.AddColumn(new TableColumn("paper").RightAligned());
        table.AddColumn(new TableColumn("fitted").RightAligned());
        table.AddColumn(new TableColumn("error").RightAligned());
        table.AddColumn("within");
        foreach (var row in result.Rows)
        {
            bool money = row.Target.EndsWith("_gbp", StringComparison.Ordinal);
            string F(double v) => money ? Money.Thousands(v) : v.ToString("#,0.0", CultureInfo.InvariantCulture);
            table.AddRow(
                Markup.Escape(row.Target + (money ? " (£'000)" : " (children)")),
                row.When,
                "±" + (money ? Money.Thousands(row.Tolerance) : row.Tolerance.ToString("0.0", CultureInfo.InvariantCulture)),
                F(row.Paper),
                F(row.Fitted),
                F(row.Error),
                row.Within ? "yes" : "[red]NO[/]");
        }

        console.Write(table);
        var reference = result.Scenario.Reference;
        if (reference?.BreakevenFy is { } paperBreakeven)
        {
            string fitted = result.Plan.BreakevenFy?.ToString() ?? "none in the horizon";
            console.WriteLine($"breakeven: paper {paperBreakeven}, fitted {fitted} ({(fitted == paperBreakeven.ToString() ? "same" : "DIFFERENT")}; reported, not fitted)");
        }

        int outside = result.Rows.Count(r => !r.Within);
        var worst = result.WorstRow;
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Rows.Count - outside} of {result.Rows.Count} targets within tolerance; largest miss {worst.Target} {worst.When}: "
            + $"{Math.Abs(worst.Error) / worst.Tolerance:0.00} × its tolerance. Loss {result.Loss:0.000} (roughness {result.RoughnessPenalty:0.000}), "
            + $"{result.Evaluations} plan runs."));
        console.WriteLine();
        console.WriteLine("Fitted parameters:");
        foreach (var line in ImpliedAssumptions.ForParameters(template, result))
        {
            console.WriteLine("  - " + line);
        }

        console.WriteLine("What the fitted scenario assumes (plan values, against today's):");
        foreach (var line in ImpliedAssumptions.ForScenario(result.Scenario, result.Plan))
        {
            console.WriteLine("  - " + line);
        }

        console.WriteLine();
        console.WriteLine($"wrote {outPath}");
    }
}
