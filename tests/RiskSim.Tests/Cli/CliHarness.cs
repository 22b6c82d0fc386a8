using System.Globalization;
using RiskSim.Cli;
using Spectre.Console;

namespace RiskSim.Tests.Cli;

/// <summary>
/// Tests that redirect the process-wide console (Console.Out/Error and Spectre's AnsiConsole) share
/// this collection, which xUnit runs alone, so no other test writes into the captured streams.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}

/// <summary>What one <c>risksim</c> invocation returned and printed.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Out}{Environment.NewLine}stderr:{Environment.NewLine}{Error}";
}

/// <summary>Runs <see cref="Program.Main"/> in-process with the console captured.</summary>
internal static class CliHarness
{
    private static readonly Lock Gate = new();

    public static string StaffordshirePath { get; } =
        Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "staffordshire-2019.yaml");

    public static CliResult Run(params string[] args)
    {
        lock (Gate)
        {
            using var output = new StringWriter(CultureInfo.InvariantCulture);
            using var error = new StringWriter(CultureInfo.InvariantCulture);
            var oldOut = Console.Out;
            var oldError = Console.Error;
            var oldAnsi = AnsiConsole.Console;
            try
            {
                Console.SetOut(output);
                Console.SetError(error);

                // Spectre's default console holds the Console.Out it saw when first used, so swap it too.
                var ansi = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Ansi = AnsiSupport.No,
                    ColorSystem = ColorSystemSupport.NoColors,
                    Interactive = InteractionSupport.No,
                    Out = new AnsiConsoleOutput(output),
                });
                ansi.Profile.Width = 200;
                AnsiConsole.Console = ansi;
                int code = Program.Main(args);
                return new CliResult(code, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldError);
                AnsiConsole.Console = oldAnsi;
            }
        }
    }

    /// <summary>True when the text holds a .NET stack-trace line ("   at Namespace.Type.Method(...)").</summary>
    public static bool HasStackTrace(string text) =>
        text.Split('\n').Any(line => line.StartsWith("   at ", StringComparison.Ordinal));
}

/// <summary>A fresh temporary directory, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "risksim-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>Every file or directory under this one whose name holds ".tmp-" (a results temp directory).</summary>
    public string[] TemporaryEntries() =>
        Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories)
            .Where(p => System.IO.Path.GetFileName(p).Contains(".tmp-", StringComparison.Ordinal))
            .ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail the test.
        }
    }
}
