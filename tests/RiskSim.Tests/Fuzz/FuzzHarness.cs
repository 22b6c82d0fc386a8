using System.Diagnostics;
using System.Security.Cryptography;
using RiskSim.Cli;
using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Scenarios;

namespace RiskSim.Tests.Fuzz;

/// <summary>
/// Checks one scenario file the way a user meets it: the loader may only accept it or refuse it
/// with located errors, within bounded time and memory; the CLI's reading path may only succeed
/// or raise a <see cref="UserError"/> (exit 2); and a scenario that validates must run (plan mode
/// and a short stochastic run, in-process) to completion with every figure finite.
/// </summary>
internal static class FuzzHarness
{
    /// <summary>Time one case may take on this shared 2-core machine (parsing a 1 MiB file included).</summary>
    public static readonly TimeSpan MaxCaseTime = TimeSpan.FromSeconds(10);

    /// <summary>Memory one case may allocate while loading (the file is at most 1 MiB).</summary>
    public const long MaxLoadAllocation = 512L << 20;

    /// <summary>The valid scenarios the fuzzer mutates: the bundled Staffordshire file and the test scenarios.</summary>
    public static IReadOnlyList<(string Name, string Text)> Seeds { get; } =
    [
        ("staffordshire-2019.yaml", Engine.EngineTestData.StaffordshireText),
        ("testshire.yaml", Scenarios.ScenarioYaml.Valid),
        ("smallshire.yaml", Engine.EngineTestData.Smallshire),
    ];

    /// <summary>Null when the file is handled correctly, else what went wrong (a finding).</summary>
    public static string? Check(byte[] bytes, string fileName, int trials = 20)
    {
        var clock = Stopwatch.StartNew();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        Scenario? scenario;
        try
        {
            scenario = ScenarioLoader.Parse(bytes, fileName);
        }
        catch (ScenarioException e)
        {
            if (e.Errors.Count == 0 || e.Errors.Any(x => x.Line < 1 || x.Column < 1 || x.Message.Contains("internal error", StringComparison.Ordinal)))
            {
                return "loader: ScenarioException without a proper located error: " + Head(e.Message);
            }

            scenario = null;
        }
        catch (Exception e)
        {
            return $"loader threw {e.GetType().Name}: {Head(e.ToString())}";
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (allocated > MaxLoadAllocation)
        {
            return $"loader allocated {allocated >> 20} MiB";
        }

        if (clock.Elapsed > MaxCaseTime)
        {
            return $"loader took {clock.Elapsed.TotalSeconds:F1} s";
        }

        if (CheckCliPath(bytes, scenario is not null) is { } cliFinding)
        {
            return cliFinding;
        }

        if (scenario is null)
        {
            return null;
        }

        CompiledModel model;
        try
        {
            model = CompiledModel.Compile(scenario);
        }
        catch (Exception e)
        {
            return $"validated, but Compile threw {e.GetType().Name}: {Head(e.ToString())}";
        }

        try
        {
            PlanResult plan = PlanRunner.Run(model);
            if (FirstNonFinite(plan.Yearly.ToArray()) is { } at)
            {
                return $"validated, but plan mode gives a non-finite figure at index {at}";
            }
        }
        catch (Exception e)
        {
            return $"validated, but plan mode threw {e.GetType().Name}: {Head(e.ToString())}";
        }

        var sink = new FiniteSink();
        try
        {
            StochasticRunner.Run(model, new RunOptions(trials, Seed: 20191120, Threads: 1, BlockSize: trials), [sink]);
        }
        catch (Exception e)
        {
            return $"validated, but the run threw {e.GetType().Name}: {Head(e.ToString())}";
        }

        if (sink.Finding is { } finding)
        {
            return "validated, but the run gives " + finding;
        }

        return clock.Elapsed > MaxCaseTime ? $"case took {clock.Elapsed.TotalSeconds:F1} s" : null;
    }

    /// <summary>Saves a finding's file and description under <paramref name="directory"/>; returns the file's path.</summary>
    public static string Save(string directory, byte[] bytes, string description)
    {
        Directory.CreateDirectory(directory);
        string name = "found-" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        string path = Path.Combine(directory, name + ".yaml");
        File.WriteAllBytes(path, bytes);
        File.WriteAllText(Path.Combine(directory, name + ".txt"), description + Environment.NewLine);
        return path;
    }

    /// <summary>The CLI reads the file itself (bounded read, then the loader): only success or a <see cref="UserError"/>, agreeing with the loader.</summary>
    private static string? CheckCliPath(byte[] bytes, bool loaderAccepted)
    {
        string path = Path.Combine(Path.GetTempPath(), $"risksim-fuzz-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.yaml");
        try
        {
            File.WriteAllBytes(path, bytes);
            ScenarioInput.Load(path);
            return loaderAccepted ? null : "the CLI accepted a file the loader refused";
        }
        catch (UserError e)
        {
            if (CliTestsHasStackTrace(e.Message))
            {
                return "the CLI's message holds a stack trace: " + Head(e.Message);
            }

            return loaderAccepted ? "the CLI refused a file the loader accepted: " + Head(e.Message) : null;
        }
        catch (Exception e)
        {
            return $"the CLI's loading threw {e.GetType().Name} (not exit 2): {Head(e.ToString())}";
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool CliTestsHasStackTrace(string text) => Cli.CliHarness.HasStackTrace(text);

    private static int? FirstNonFinite(ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return i;
            }
        }

        return null;
    }

    private static string Head(string text)
    {
        string[] lines = text.Split('\n');
        return string.Join(" | ", lines.Take(4)).Trim();
    }

    /// <summary>Checks every input, per-FY figure and breakeven index of each block.</summary>
    private sealed class FiniteSink : ITrialSink
    {
        public string? Finding { get; private set; }

        public void Accept(TrialBlock block)
        {
            int stride = block.FinancialYears.Count * Metrics.Count;
            if (FirstNonFinite(block.Yearly.AsSpan(0, block.Count * stride)) is { } y)
            {
                Finding ??= $"a non-finite {Metrics.All[y % Metrics.Count].ColumnName()} in trial {y / stride}";
            }

            if (FirstNonFinite(block.Inputs.AsSpan(0, block.Count * block.InputColumns.Count)) is { } i)
            {
                Finding ??= $"a non-finite input {block.InputColumns[i % block.InputColumns.Count]} in trial {i / block.InputColumns.Count}";
            }
        }
    }
}
