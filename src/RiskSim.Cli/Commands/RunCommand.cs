using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using RiskSim.Cli.Rendering;
using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Output;

namespace RiskSim.Cli.Commands;

/// <summary><c>risksim run SCENARIO</c>: the stochastic run, written to Parquet, with a short summary on screen.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenario = CommonOptions.ScenarioArgument();
        var trials = new Option<int>("--trials", "-n")
        {
            Description = "Number of Monte Carlo trials.",
            DefaultValueFactory = _ => 10_000,
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Master seed. Trial i uses a stream derived only from (seed, i), so results are reproducible.",
            DefaultValueFactory = _ => 20191120UL,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Directory for trials.parquet, yearly.parquet, summary.parquet and plan.parquet (created or replaced file by file; nothing partial is left on failure).",
            DefaultValueFactory = _ => "results",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Worker threads (default: all cores). Results are bit-identical for any value.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var fixedInputs = new Option<bool>("--fixed-inputs")
        {
            Description = "Hold every uncertain input at its plan value; only the flows (entries, exits, moves) stay random.",
        };
        var command = new Command(
            "run",
            "Run the Monte Carlo simulation and write Parquet results: per trial, per trial × FY, a per-FY summary (mean, sd, percentiles) and the plan.")
        {
            scenario, trials, seed, output, threads, fixedInputs,
        };
        // The cancellation token fires on Ctrl+C / SIGTERM: the run stops between blocks and the
        // temporary output directory is removed, so an interrupted run leaves nothing behind.
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandRunner.Guard(() =>
        {
            // Checked here rather than with option validators: a validator runs before type
            // conversion has been reported, and reading a value that failed to convert throws.
            int trialCount = parse.GetValue(trials);
            int threadCount = parse.GetValue(threads);
            if (trialCount < 1)
            {
                throw new UserError($"--trials must be at least 1, got {trialCount}.");
            }

            if (threadCount < 1)
            {
                throw new UserError($"--threads must be at least 1, got {threadCount}.");
            }

            var options = new RunOptions(trialCount, parse.GetValue(seed), threadCount, InputUncertainty: !parse.GetValue(fixedInputs));
            return Execute(parse.GetValue(scenario)!, options, parse.GetValue(output)!, cancellationToken);
        })));
        return command;
    }

    /// <summary>Runs and writes the results; returns the exit code.</summary>
    public static int Execute(string scenarioPath, RunOptions options, string outputDirectory, CancellationToken cancellationToken = default)
    {
        var input = ScenarioInput.Load(scenarioPath);
        var model = input.Model;
        var meta = new RunMetadata(input.Scenario.Name, input.Sha256, options.Seed, options.Trials, EngineVersion());
        var clock = Stopwatch.StartNew();
        var plan = PlanRunner.Run(model);

        ResultsDirectory directory;
        try
        {
            directory = ResultsDirectory.Create(outputDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserError($"{outputDirectory}: cannot create the output directory: {e.Message}");
        }

        IReadOnlyList<SummaryRow> summary;
        using (directory)
        {
            try
            {
                using (var sink = new TrialsParquetSink(directory, model.InputColumns, meta))
                {
                    var accumulator = new SummaryAccumulator(model.FinancialYears, options.Trials);
                    StochasticRunner.Run(model, options, [sink, accumulator], cancellationToken: cancellationToken);
                    summary = accumulator.Build();
                }

                SummaryParquetWriter.Write(directory.PathFor(SummaryParquetWriter.FileName), summary, meta);
                PlanParquetWriter.Write(directory.PathFor(PlanParquetWriter.FileName), plan, input.Scenario.Reference, meta);
                directory.Commit();
            }
            catch (IOException e)
            {
                throw new UserError($"{outputDirectory}: cannot write results: {e.Message}");
            }
            catch (OperationCanceledException)
            {
                throw new UserError("risksim: run cancelled; no results were written.");
            }
        }

        RunSummary.Write(input.Scenario, plan, summary, options, clock.Elapsed, outputDirectory);
        return 0;
    }

    private static string EngineVersion() =>
        typeof(CompiledModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? "unknown";
}
