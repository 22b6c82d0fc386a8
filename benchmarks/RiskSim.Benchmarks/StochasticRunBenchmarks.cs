using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Output;
using RiskSim.Scenarios;

namespace RiskSim.Benchmarks;

/// <summary>
/// End-to-end cost of <see cref="StochasticRunner.Run"/> on the Staffordshire 2019 scenario:
/// one thread (the baseline) against all cores, with results kept in memory, and all cores with
/// the Parquet trial output as well.
/// </summary>
/// <remarks>
/// <para>
/// Why: this is what a user waits for. Single-thread against all cores shows how well the
/// runner scales (a fixed set of workers takes chunks of trials; the worker that completes the next
/// block in order hands it to the sinks while the others keep running trials, so writing overlaps them); the Parquet variant shows what writing <c>trials.parquet</c> and
/// <c>yearly.parquet</c> adds on top of the simulation.
/// </para>
/// <para>
/// The scenario is parsed and compiled once in <see cref="Setup"/>, so neither YAML parsing nor
/// compilation is measured. Every method feeds a <see cref="SummaryAccumulator"/> (allocated per
/// run, as the CLI does, so its trials × FYs × metrics arrays are in "Allocated"); its
/// <see cref="SummaryAccumulator.Build"/> (sorting for percentiles) is not called, so what is
/// measured is the trials and the sinks. The Parquet files are written to the same two paths of
/// a temporary directory each invocation (replacing the previous pair) and the directory is
/// deleted in <see cref="Cleanup"/>.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class StochasticRunBenchmarks
{
    /// <summary>The CLI's default master seed.</summary>
    private const ulong Seed = 20191120UL;

    private const string ScenarioRelativePath = "data/scenarios/staffordshire-2019.yaml";

    private CompiledModel model = null!;
    private RunMetadata meta = null!;
    private DirectoryInfo outputDirectory = null!;

    /// <summary>Number of Monte Carlo trials per run.</summary>
    [Params(1000, 10000)]
    public int Trials { get; set; }

    /// <summary>Loads and compiles the scenario, and creates the temporary output directory.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string path = FindScenario();
        var scenario = ScenarioLoader.Parse(File.ReadAllText(path), path);
        model = CompiledModel.Compile(scenario);
        meta = new RunMetadata(
            scenario.Name,
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
            Seed,
            Trials,
            "benchmark");
        outputDirectory = Directory.CreateTempSubdirectory("risksim-bench-");
    }

    /// <summary>Deletes the temporary output directory and the Parquet files in it.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (outputDirectory is { Exists: true })
        {
            outputDirectory.Delete(recursive: true);
        }
    }

    /// <summary>Baseline: every trial on the calling thread, results into a <see cref="SummaryAccumulator"/> only.</summary>
    /// <returns>The filled accumulator.</returns>
    [Benchmark(Baseline = true)]
    public SummaryAccumulator Run_SingleThread() => RunInMemory(threads: 1);

    /// <summary>Trials on <see cref="Environment.ProcessorCount"/> threads, results into a <see cref="SummaryAccumulator"/> only.</summary>
    /// <returns>The filled accumulator.</returns>
    [Benchmark]
    public SummaryAccumulator Run_AllCores() => RunInMemory(Environment.ProcessorCount);

    /// <summary>
    /// As <see cref="Run_AllCores"/>, plus a <see cref="TrialsParquetSink"/> writing both trial
    /// files (Snappy-compressed, one row group per 4,096-trial block) and closing them: the cost of output.
    /// </summary>
    /// <returns>The filled accumulator.</returns>
    [Benchmark]
    public SummaryAccumulator Run_AllCoresWithParquet()
    {
        var accumulator = new SummaryAccumulator(model.FinancialYears, Trials);
        using (var sink = new TrialsParquetSink(
            Path.Combine(outputDirectory.FullName, TrialsParquetSink.TrialsFileName),
            Path.Combine(outputDirectory.FullName, TrialsParquetSink.YearlyFileName),
            model.InputColumns,
            meta))
        {
            StochasticRunner.Run(model, Options(Environment.ProcessorCount), [sink, accumulator]);
        }

        return accumulator;
    }

    private SummaryAccumulator RunInMemory(int threads)
    {
        var accumulator = new SummaryAccumulator(model.FinancialYears, Trials);
        StochasticRunner.Run(model, Options(threads), [accumulator]);
        return accumulator;
    }

    private RunOptions Options(int threads) => new(Trials, Seed, threads);

    /// <summary>
    /// The scenario file, looked for from the output directory upwards: the project copies
    /// <c>data/**</c> next to the benchmark assembly, but BenchmarkDotNet may run it from a
    /// generated project's directory below that, and a repository checkout also has it at its root.
    /// </summary>
    internal static string FindScenario()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, ScenarioRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"{ScenarioRelativePath} not found in {AppContext.BaseDirectory} or any directory above it.");
    }
}
