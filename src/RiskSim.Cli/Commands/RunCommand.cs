using System.Globalization;
using System.CommandLine;
using System.Diagnostics;
using RiskSim.Cli.Rendering;
using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Core.Sampling;
using RiskSim.Output;
using RiskSim.Output.Shards;

namespace RiskSim.Cli.Commands;

/// <summary><c>risksim run SCENARIO</c>: the stochastic run, written to Parquet, with a short summary on screen.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
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
            scenario, trials, seed, output, force, threads, fixedInputs, sampling, precision, maxTrials, contingency, quiet, shard,
        };
        // The cancellation token fires on Ctrl+C / SIGTERM (see TerminationSignals): the run stops
        // within a trial per thread and the results folder is left as it was.
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandRunner.Guard(() =>
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

            return Execute(parse.GetValue(scenario)!, options, parse.GetValue(output)!, parse.GetValue(force), cancellationToken, stopping, parse.GetValue(contingency), parse.GetValue(quiet), shardSpec);
        })));
        return command;
    }

    /// <summary>Runs and writes the results; returns the exit code.</summary>
    /// <param name="scenarioPath">Scenario file.</param>
    /// <param name="options">Trials, seed, threads.</param>
    /// <param name="outputDirectory">The <c>--out</c> folder as the user gave it.</param>
    /// <param name="force">Replace the results of a folder that is not empty.</param>
    /// <param name="cancellationToken">Ctrl+C / SIGTERM; honoured until the new set starts replacing the old one.</param>
    /// <param name="precision">With <c>--precision</c>: the target and the most trials to run.</param>
    /// <param name="contingencyGbp">With <c>--contingency</c>: the amount whose coverage to report.</param>
    /// <param name="quiet">With <c>--quiet</c>: no progress line.</param>
    /// <param name="shard">With <c>--shard</c>: run only this shard's trials, into <c>OUT/shard=I</c>.</param>
    public static int Execute(
        string scenarioPath,
        RunOptions options,
        string outputDirectory,
        bool force = false,
        CancellationToken cancellationToken = default,
        PrecisionTarget? precision = null,
        double? contingencyGbp = null,
        bool quiet = false,
        ShardSpec? shard = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var input = ScenarioInput.Load(scenarioPath);
        var model = input.Model;
        RunMemory.EnsureFits(precision?.MaxTrials ?? options.Trials, model.FinancialYears.Count, model.InputColumns.Count, options.BlockSize, RunMemory.AvailableBytes());
        RunMemory.EnsureDiskFits(shard is null ? precision?.MaxTrials ?? options.Trials : 0, model.FinancialYears.Count, outputDirectory);
        string design = !options.InputUncertainty ? "fixed" : options.Sampling == SamplingMode.LatinHypercube ? "lhs" : "mc";
        var meta = new RunMetadata(input.Scenario.Name, input.Sha256, options.Seed, options.Trials, OutputErrors.EngineVersion(), design);
        var clock = Stopwatch.StartNew();
        var plan = PlanRunner.Run(model);
        double planCumulative = plan.Get(model.FinancialYears.Count - 1, Metric.CumulativePositionGbp);
        cancellationToken.ThrowIfCancellationRequested();
        if (shard is not null)
        {
            return ExecuteShard(input, options, shard, meta, plan, Path.Combine(outputDirectory, shard.FolderName), force, quiet, cancellationToken);
        }

        var directory = OutputErrors.OpenResults(outputDirectory, force);

        IReadOnlyList<SummaryRow> summary;
        IReadOnlyList<ContingencyCoverage> coverages;
        UnadjustedOutcome? unadjusted = null;

        // With a realisation factor: the same trials with the factor at plan, computed in the same pass.
        using var unadjustedAccumulator = model.RealisationInput >= 0 && options.InputUncertainty
            ? new SummaryAccumulator(model.FinancialYears, options.Trials, directory.FinalDirectory)
            : null;
        ITrialSink[]? unadjustedSinks = unadjustedAccumulator is null ? null : [unadjustedAccumulator];
        using (directory)
        {
            OutputErrors.ReportLeftovers(directory);
            try
            {
                using (var sink = new TrialsParquetSink(directory, model.InputColumns, meta, model.EventColumns))
                {
                    using var accumulator = new SummaryAccumulator(model.FinancialYears, options.Trials, directory.FinalDirectory);
                    var progress = quiet ? null : TrialProgress.ForConsole(options.Trials);
                    try
                    {
                        StochasticRunner.Run(model, options, [sink, accumulator], progress, cancellationToken, unadjustedSinks);
                    }
                    finally
                    {
                        progress?.Finish();
                    }

                    if (precision is not null)
                    {
                        meta = AddTrialsUntilPrecise(model, options, precision, sink, accumulator, meta, cancellationToken, unadjustedAccumulator);
                        sink.UpdateMetadata(meta);
                        options = options with { Trials = accumulator.Count };
                    }

                    // Coverage of 0 is the plan's own percentile; then the scenario's contingency lines and the user's amount, if any.
                    coverages = ContingencyCoverage.ForRun(accumulator, planCumulative, input.Scenario.Budget, contingencyGbp);
                    summary = accumulator.Build(cancellationToken);
                }

                unadjusted = unadjustedAccumulator is null ? null : Unadjusted(model, unadjustedAccumulator, planCumulative, cancellationToken);

                SummaryParquetWriter.Write(directory.PathFor(SummaryParquetWriter.FileName), summary, meta, coverages, unadjusted);
                PlanParquetWriter.Write(directory.PathFor(PlanParquetWriter.FileName), plan, input.Scenario.Reference, meta);
                directory.Commit(meta, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ResultsFolderException)
            {
                throw OutputErrors.Translate(outputDirectory, e, directory);
            }
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // The signal came while the old set was being replaced: finishing was the only clean outcome.
            Console.Error.WriteLine("risksim: the stop signal arrived after the results had started replacing the old ones; the run was completed.");
        }

        RunSummary.Write(input.Scenario, plan, summary, options, clock.Elapsed, outputDirectory, coverages, unadjusted);
        return 0;
    }

    /// <summary><c>--shard I/N</c>: runs the shard's trials into <c>OUT/shard=I</c> (its own lock and existing-folder rules).</summary>
    private static int ExecuteShard(ScenarioInput input, RunOptions options, ShardSpec shard, RunMetadata meta, PlanResult plan, string shardDirectory, bool force, bool quiet, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var directory = OutputErrors.OpenResults(shardDirectory, force);
        (long First, int Trials) range;
        using (directory)
        {
            OutputErrors.ReportLeftovers(directory);
            try
            {
                var progress = quiet ? null : TrialProgress.ForConsole(shard.Range(options.Trials).Trials);
                try
                {
                    range = ShardRun.Write(input.Model, options, shard, meta, plan, input.Scenario.Reference, directory, progress, cancellationToken);
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

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Shard {shard} of '{input.Scenario.Name}': trials {range.First:#,0} to {range.First + range.Trials - 1:#,0} ({range.Trials:#,0} of {options.Trials:#,0}, seed {options.Seed}) in {clock.Elapsed.TotalSeconds:0.0} s, written to {shardDirectory}."));
        Console.WriteLine($"When all {shard.Count} shards have finished: risksim merge {Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(shardDirectory))} --out MERGED");
        return 0;
    }

    /// <summary>
    /// <c>--precision</c>: adds blocks of <see cref="RunOptions.Trials"/> trials (trial indices
    /// continuing where the last block stopped, so the result equals one run of the final count)
    /// until the 95 % interval of the cumulative position's P80 at the horizon (the P80 contingency
    /// less a constant, the plan) has a half-width at or below the target, or the cap is reached.
    /// </summary>
    private static RunMetadata AddTrialsUntilPrecise(
        CompiledModel model,
        RunOptions options,
        PrecisionTarget precision,
        TrialsParquetSink sink,
        SummaryAccumulator accumulator,
        RunMetadata meta,
        CancellationToken cancellationToken,
        SummaryAccumulator? unadjusted)
    {
        int last = model.FinancialYears.Count - 1;
        var design = InputDesign.Create(SamplingMode.MonteCarlo, model.InputDimensions, options.Seed, options.Trials);
        double halfWidth = accumulator.IntervalSoFar(last, Metric.CumulativePositionGbp, 0.8).HalfWidth;
        while (halfWidth > precision.HalfWidthGbp && accumulator.Count < precision.MaxTrials)
        {
            int more = Math.Min(options.Trials, precision.MaxTrials - accumulator.Count);
            accumulator.Expect(more);
            unadjusted?.Expect(more);
            StochasticRunner.RunRange(
                model,
                options with { Trials = more },
                options.InputUncertainty ? design : null,
                accumulator.Count,
                [sink, accumulator],
                cancellationToken: cancellationToken,
                unadjustedSinks: unadjusted is null ? null : [unadjusted]);
            halfWidth = accumulator.IntervalSoFar(last, Metric.CumulativePositionGbp, 0.8).HalfWidth;
        }

        if (halfWidth > precision.HalfWidthGbp)
        {
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"risksim: --precision not reached: after {accumulator.Count:#,0} trials (--max-trials) the P80 contingency is ±£{halfWidth:#,0}, not ±£{precision.HalfWidthGbp:#,0}."));
        }

        return meta with { Trials = accumulator.Count, PrecisionTargetGbp = precision.HalfWidthGbp, PrecisionReachedGbp = halfWidth };
    }

    /// <summary>
    /// With a realisation factor and uncertain inputs: the summary of the same trials (same seed, design
    /// and flows) with the factor held at its plan value, filled in the run's own pass (see
    /// <see cref="StochasticRunner.RunRange"/>), giving the cumulative position as the paper assumes.
    /// </summary>
    private static UnadjustedOutcome Unadjusted(CompiledModel model, SummaryAccumulator accumulator, double planCumulative, CancellationToken cancellationToken)
    {
        var coverage = ContingencyCoverage.Of(accumulator, planCumulative, 0);
        int last = model.FinancialYears.Count - 1;
        string metric = Metric.CumulativePositionGbp.ColumnName();
        var rows = accumulator.Build(cancellationToken);
        var row = rows.First(r => r.Fy == model.FinancialYears[last] && r.Metric == metric);
        var breakeven = model.FinancialYears
            .Select(fy => rows.First(r => r.Fy == fy && r.Metric == SummaryAccumulator.BreakevenByFyMetric).Mean)
            .ToArray();
        return new UnadjustedOutcome(row.P50, row.P80, row.P90, row.P80Ci, coverage, breakeven);
    }
}
