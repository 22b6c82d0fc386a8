using System.Diagnostics;

namespace RiskSim.Tests.Cli;

/// <summary>
/// Ctrl+C and SIGTERM against the real command in a child process: the conventional exit code
/// (128 + signal number), no stack trace, and nothing left behind, however many signals arrive.
/// </summary>
public sealed class SignalTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("INT", 1, 130)]
    [InlineData("TERM", 1, 143)]
    [InlineData("INT", 3, 130)]
    [InlineData("TERM", 2, 143)]
    public async Task A_signal_mid_run_exits_128_plus_its_number_and_leaves_nothing(string signal, int times, int expectedExit)
    {
        string output = temp["results"];
        string dll = Path.Combine(AppContext.BaseDirectory, "risksim.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { dll, "run", CliHarness.StaffordshirePath, "--trials", "1000000", "--threads", "1", "--out", output })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        try
        {
            // Mid-run means the temporary folder exists: wait for it (a condition, not a duration).
            var waited = Stopwatch.StartNew();
            while (!Directory.EnumerateDirectories(temp.Path, "*tmp-*", SearchOption.AllDirectories).Any())
            {
                Assert.False(child.HasExited, $"the run ended before it was signalled: exit {(child.HasExited ? child.ExitCode : 0)}");
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "the run never started writing");
                await Task.Delay(20);
            }

            for (int i = 0; i < times; i++)
            {
                using var kill = Process.Start("kill", ["-" + signal, child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                kill.WaitForExit();
            }

            Assert.True(child.WaitForExit(TimeSpan.FromMinutes(1)), "the run did not stop after the signal");
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }

        await child.WaitForExitAsync();
        string error = await stderr;
        string printed = await stdout;
        Assert.True(child.ExitCode == expectedExit, $"exit {child.ExitCode}{Environment.NewLine}{printed}{Environment.NewLine}{error}");
        Assert.Contains("cancelled", error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(error), error);
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);

        // Not even the output folder the run created, nor its lock file.
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }
}
