using System.Globalization;
using RiskSim.Cli;
using Spectre.Console.Testing;

namespace RiskSim.Tests.Cli;

/// <summary>
/// Tests that run whole commands in-process share this collection, which xUnit runs alone: the
/// commands install process-wide signal handlers and some tests time or stop runs.
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

/// <summary>
/// Runs <see cref="Program.Run"/> in-process with an injected console (Spectre's <see cref="TestConsole"/>,
/// 200 columns unless told) and a <see cref="StringWriter"/> for stderr: no process stream is swapped.
/// </summary>
internal static class CliHarness
{
    public static string StaffordshirePath { get; } =
        Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "staffordshire-2019.yaml");

    public static CliResult Run(params string[] args) => RunAt(200, args);

    /// <summary>Runs with a console <paramref name="width"/> columns wide.</summary>
    public static CliResult RunAt(int width, params string[] args)
    {
        using var console = new TestConsole().Width(width);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = Program.Run(args, console, error);
        return new CliResult(code, console.Output, error.ToString());
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
