using System.Globalization;
using System.CommandLine;
using System.Diagnostics;
using RiskSim.Cli.Rendering;
using RiskSim.Analysis;
using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using RiskSim.Core.Sampling;
using RiskSim.Output;
using RiskSim.Output.Shards;
using RiskSim.Report;
using Spectre.Console;

namespace RiskSim.Cli.Commands;

/// <summary><c>risksim run SCENARIO</c>: the stochastic run, written to Parquet, with a short summary on screen.</summary>
public static class RunCommand
{
    /// <summary>Builds the command, printing the summary to <paramref name="console"/> and messages and progress to <paramref name="error"/>.</summary>
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var trials = CommonOptions.WholeNumber("--trials", "trials", () => 10_000, "-n");
        trials.Description = "Number of Monte Carlo trials. Runs that would not fit in memory are refused before they start.";
        var seed = CommonOptions.Seed("--seed", 20191120UL);
        seed.Description = "Master seed (0 to 18446744073709551615). Trial i uses a stream derived only from (seed, i), so results are reproducible.";
        var output = CommonOptions.OutputFolder("results", "trials.parquet, yearly.parquet, summary.parquet, plan.parquet");
        var force = CommonOptions.Force();
        var threads = CommonOptions.Threads();
        var fixedInputs = new Option<bool>("--fixed-inputs")
        {
            Description = "Hold every uncertain input at its plan value; only the flows (entries, exits, moves) stay random.",
        };
        var sampling = new Option<string>("--sampling")
        {
            Description = "Input design: mc (independent draws, the default) or lhs (Latin hypercube: one draw per equal-probability stratum of every input).",
            DefaultValueFactory = _ => "mc",
        };
        sampling.AcceptOnlyFromAmong("mc", "lhs");
        var precision = CommonOptions.PoundsOrNull("--precision");
        precision.Description = "Add trials, --trials at a time, until the 95 % confidence interval of the P80 contingency is narrower than ± this many £ (needs --sampling mc).";
        var contingency = CommonOptions.PoundsOrNull("--contingency");
        contingency.Description = "A contingency in £ (e.g. 2250000): prints and stores which percentile of the cumulative position it covers (the share of trials at or below plan + amount).";
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "No progress line on stderr (the summary is still printed).",
        };
        var xlsx = new Option<bool>("--xlsx") { Description = "Also write results.xlsx: the paper's table at plan/P10/P50/P90, breakeven, contingency, inputs (numbers in £ as labelled)." };
        var maxTrials = CommonOptions.WholeNumber("--max-trials", "trials", () => 1_000_000);
        maxTrials.Description = "With --precision: stop adding trials at this many, whatever the precision reached.";
        var shard = new Option<string>("--shard")
        {
            Description = "Run only shard I of N (I/N, I = 0 … N−1; auto/N takes I from JOB_COMPLETION_INDEX, as in a Kubernetes Indexed Job) into OUT/shard=I; `risksim merge OUT` then builds the outputs of all trials.",
        };
        var command = new Command(
            "run",
            "Run the Monte Carlo simulation and write Parquet results: per trial, per trial × FY, a per-FY summary (mean, sd, percentiles) and the plan.")
        {
            scenario, trials, seed, output, force, threads, fixedInputs, sampling, precision, maxTrials, contingency, quiet, shard, xlsx,
        };
        // The cancellation token fires on Ctrl+C / SIGTERM (see TerminationSignals): the run stops
        // within a trial per thread and the results folder is left as it was.
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandRunner.Guard(error, () =>
        {
            int trialCount = CommonOptions.AtLeastOne(parse, trials);
            int threadCount = CommonOptions.AtLeastOne(parse, threads);

            var options = new RunOptions(
                trialCount,
                parse.GetValue(seed),
                threadCount,
                InputUncertainty: !parse.GetValue(fixedInputs),
                Sampling: parse.GetValue(sampling) == "lhs" ? SamplingMode.LatinHypercube : SamplingMode.MonteCarlo);
            var target = parse.GetValue(precision);
            var stopping = target is { } gbp ? new PrecisionTarget(gbp, parse.GetValue(maxTrials)) : null;
            if (stopping is not null && options.Sampling == SamplingMode.LatinHypercube)
            {
                throw new UserError("--precision needs --sampling mc: a Latin hypercube's strata are fixed by the trial count, so trials cannot be added to it.");
            }

            if (stopping is not null && stopping.MaxTrials < trialCount)
            {
                throw new UserError($"--max-trials ({stopping.MaxTrials}) must be at least --trials ({trialCount}).");
            }

            ShardSpec? shardSpec = null;
            if (parse.GetValue(shard) is { } shardText)
            {
                shardSpec = ShardSpec.TryParse(shardText, Environment.GetEnvironmentVariable, out string? problem) ?? throw new UserError(problem!);
                if (stopping is not null)
                {
                    throw new UserError("--shard cannot go with --precision: each shard's trial count is fixed by --trials and N.");
                }

                if (parse.GetValue(contingency) is not null)
                {
                    throw new UserError("--shard: give --contingency to `risksim merge`, which sees all the trials.");
                }

                if (shardSpec.Count > trialCount)
                {
                    throw new UserError($"--shard {shardSpec}: {shardSpec.Count} shards of {trialCount} trials would leave a shard empty.");
                }
            }

            return Execute(console, parse.GetValue(scenario)!, options, parse.GetValue(output)!, parse.GetValue(force), cancellationToken, stopping, parse.GetValue(contingency), parse.GetValue(quiet), error, shardSpec, parse.GetValue(xlsx));
        })));
        return command;
    }

    /// <summary>Runs and writes the results; returns the exit code.</summary>
    /// <param name="console">Where the summary goes.</param>
    /// <param name="scenarioPath">Scenario file.</param>
    /// <param name="options">Trials, seed, threads.</param>
    /// <param name="outputDirectory">The <c>--out</c> folder as the user gave it.</param>
    /// <param name="force">Replace the results of a folder that is not empty.</param>
    /// <param name="cancellationToken">Ctrl+C / SIGTERM; honoured until the new set starts replacing the old one.</param>
    /// <param name="precision">With <c>--precision</c>: the target and the most trials to run.</param>
    /// <param name="contingencyGbp">With <c>--contingency</c>: the amount whose coverage to report.</param>
    /// <param name="quiet">With <c>--quiet</c>: no progress line.</param>
    /// <param name="error">Where messages and progress go (default stderr).</param>
    /// <param name="shard">With <c>--shard</c>: run only this shard's trials, into <c>OUT/shard=I</c>.</param>
    /// <param name="xlsx">With <c>--xlsx</c>: also write <c>results.xlsx</c>.</param>
    public static int Execute(
        IAnsiConsole console,
        string scenarioPath,
        RunOptions options,
        string outputDirectory,
        bool force = false,
        CancellationToken cancellationToken = default,
        PrecisionTarget? precision = null,
        double? contingencyGbp = null,
        bool quiet = false,
        TextWriter? error = null,
        ShardSpec? shard = null,
        bool xlsx = false)
    {
        error ??= Console.Error;
        ArgumentNullException.ThrowIfNull(options);
        var input = ScenarioInput.Load(scenarioPath);
        var model = input.Model;
        RunMemory.EnsureFits(precision?.MaxTrials ?? options.Trials, model.FinancialYears.Count, model.InputColumns.Count, options.BlockSize, RunMemory.AvailableBytes(), options.Threads);
        RunMemory.EnsureDiskFits(shard is null ? precision?.MaxTrials ?? options.Trials : 0, model.FinancialYears.Count, outputDirectory);
        var clock = Stopwatch.StartNew();
        if (shard is not null)
        {
            var meta = new RunMetadata(input.Scenario.Name, input.Sha256, options.Seed, options.Trials, OutputErrors.EngineVersion(), MonteCarloJob.DesignName(options));
            var plan = PlanRunner.Run(model);
            cancellationToken.ThrowIfCancellationRequested();
            return ExecuteShard(console, error, input, options, shard, meta, plan, Path.Combine(outputDirectory, shard.FolderName), force, quiet, cancellationToken);
        }

        var job = new MonteCarloJob(input.Scenario, model, input.Sha256, OutputErrors.EngineVersion());
        var settings = new MonteCarloJobSettings
        {
            Precision = precision,
            ContingencyGbp = contingencyGbp,
            Progress = quiet ? null : TrialProgress.ForConsole(options.Trials, error),
            FileExporters = FileExporters(xlsx),
        };

        RunResult result;
        var directory = OutputErrors.OpenResults(outputDirectory, force);
        using (directory)
        {
            OutputErrors.ReportLeftovers(directory, error);
            try
            {
                result = job.Run(options, directory, settings, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ResultsFolderException)
            {
                throw OutputErrors.Translate(outputDirectory, e, directory);
            }
        }

        if (result.Metadata is { PrecisionTargetGbp: { } target, PrecisionReachedGbp: { } reached } && reached > target)
        {
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"risksim: --precision not reached: after {result.Metadata.Trials:#,0} trials (--max-trials) the P80 contingency is ±£{reached:#,0}, not ±£{target:#,0}."));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // The signal came while the old set was being replaced: finishing was the only clean outcome.
            error.WriteLine("risksim: the stop signal arrived after the results had started replacing the old ones; the run was completed.");
        }

        RunSummary.Write(console, result, options with { Trials = (int)result.Metadata.Trials }, clock.Elapsed, outputDirectory);
        return 0;
    }

    /// <summary>The file exporters of a run (and of a merge): the HTML report, and the workbook with <c>--xlsx</c>.</summary>
    /// <param name="xlsx">Whether <c>--xlsx</c> was given.</param>
    public static IReadOnlyList<IRunResultFileExporter> FileExporters(bool xlsx) =>
        xlsx ? [new HtmlReportExporter(), new RiskSim.Excel.ExcelWorkbookExporter()] : [new HtmlReportExporter()];

    /// <summary><c>--shard I/N</c>: runs the shard's trials into <c>OUT/shard=I</c> (its own lock and existing-folder rules).</summary>
    private static int ExecuteShard(IAnsiConsole console, TextWriter error, ScenarioInput input, RunOptions options, ShardSpec shard, RunMetadata meta, PlanResult plan, string shardDirectory, bool force, bool quiet, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var directory = OutputErrors.OpenResults(shardDirectory, force);
        (long First, int Trials) range;
        using (directory)
        {
            OutputErrors.ReportLeftovers(directory, error);
            try
            {
                var progress = quiet ? null : TrialProgress.ForConsole(shard.Range(options.Trials).Trials, error);
                try
                {
                    range = ShardRun.Write(input.Model, options, shard, meta, plan, input.Scenario.Reference, directory, progress, cancellationToken, input.Path);
                }
                finally
                {
                    progress?.Finish();
                }

                directory.Commit(meta, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ResultsFolderException)
            {
                throw OutputErrors.Translate(shardDirectory, e, directory);
            }
        }

        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Shard {shard} of '{input.Scenario.Name}': trials {range.First:#,0} to {range.First + range.Trials - 1:#,0} ({range.Trials:#,0} of {options.Trials:#,0}, seed {options.Seed}) in {clock.Elapsed.TotalSeconds:0.0} s, written to {shardDirectory}."));
        console.WriteLine($"When all {shard.Count} shards have finished: risksim merge {Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(shardDirectory))} --out MERGED");
        return 0;
    }
}
