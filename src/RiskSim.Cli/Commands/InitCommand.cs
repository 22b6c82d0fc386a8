using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace RiskSim.Cli.Commands;

/// <summary><c>risksim init NAME</c>: writes a commented starter scenario that validates and runs unedited.</summary>
public static partial class InitCommand
{
    private const string TemplateResource = "RiskSim.Cli.Templates.starter.yaml";

    /// <summary>Builds the command, printing to <paramref name="console"/> and errors to <paramref name="error"/>.</summary>
    public static Command Create(Spectre.Console.IAnsiConsole console, TextWriter error)
    {
        var name = new Argument<string>("NAME")
        {
            Description = "Scenario name; the file NAME.yaml is written (or NAME itself when it ends in .yaml).",
        };
        var force = new Option<bool>("--force", "-f") { Description = "Replace the file if it exists." };
        var command = new Command("init", "Write a commented starter scenario that validates and runs as it is; replace its figures with your council's.")
        {
            name, force,
        };
        command.SetAction(parse => CommandRunner.Guard(error, () => Execute(parse.GetValue(name)!, parse.GetValue(force), console)));
        return command;
    }

    /// <summary>Writes the starter scenario; returns the exit code.</summary>
    /// <param name="name">The scenario name, or a file name ending in <c>.yaml</c>.</param>
    /// <param name="force">Replace an existing file.</param>
    /// <param name="console">Where to say what was written (default: the process console).</param>
    public static int Execute(string name, bool force, Spectre.Console.IAnsiConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        string path = name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? name : name + ".yaml";
        string scenarioName = Path.GetFileNameWithoutExtension(path);
        if (!NamePattern().IsMatch(scenarioName))
        {
            throw new UserError($"risksim init: '{scenarioName}' is not a usable name; use letters, digits, '-' and '_' (e.g. demo or anyshire-2025).");
        }

        if (File.Exists(path) && !force)
        {
            throw new UserError($"risksim init: {path} already exists; choose another name or add --force to replace it.");
        }

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(TemplateResource)
            ?? throw new InvalidOperationException($"the starter template {TemplateResource} is not embedded in the build");
        using var reader = new StreamReader(stream);
        string text = reader.ReadToEnd().Replace("name: NAME", "name: " + scenarioName, StringComparison.Ordinal);

        // Written to a temporary file and renamed, so an interrupted init leaves no half file.
        string temporary = path + ".tmp-" + Environment.ProcessId;
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            File.Delete(temporary);
            throw new UserError($"risksim init: cannot write {path}: {e.Message}");
        }

        (console ?? Spectre.Console.AnsiConsole.Console).WriteLine($"Wrote {path}. Try: risksim validate {path} && risksim run {path}");
        return 0;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex NamePattern();
}
