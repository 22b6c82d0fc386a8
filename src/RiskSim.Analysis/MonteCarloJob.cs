using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using RiskSim.Core.Sampling;
using RiskSim.Core.Threading;
using RiskSim.Output;

namespace RiskSim.Analysis;

/// <summary>
/// <c>risksim run</c> without the console: the plan, the trials (into trials/yearly Parquet, the
/// summary, the cumulative positions and the LAC fan), more trials for a precision target, the
/// unadjusted pass, the <see cref="RunResult"/> built once, and every file written into a results
/// folder and committed.
/// </summary>
/// <param name="scenario">The scenario.</param>
/// <param name="model">Its compiled form.</param>
/// <param name="scenarioSha256">Hex SHA-256 of the scenario file (provenance).</param>
/// <param name="engineVersion">RiskSim's version (provenance).</param>
public sealed class MonteCarloJob(Scenario scenario, CompiledModel model, string scenarioSha256, string engineVersion)
{
    /// <summary>The input design's name in metadata: <c>fixed</c>, <c>lhs</c> or <c>mc</c>.</summary>
    public static string DesignName(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !options.InputUncertainty ? "fixed" : options.Sampling == SamplingMode.LatinHypercube ? "lhs" : "mc";
    }

    /// <summary>Runs, writes the results into <paramref name="directory"/> and commits it.</summary>
    /// <param name="options">Trials, seed, threads, design.</param>
    /// <param name="directory">The open results folder (the caller disposes it and reports its errors).</param>
    /// <param name="settings">Precision target, contingency, extra files, progress.</param>
    /// <param name="cancellationToken">Honoured until the new set starts replacing the old one.</param>
    /// <returns>The result; with a precision target, <see cref="RunMetadata.Trials"/> is the count reached.</returns>
    public RunResult Run(RunOptions options, ResultsDirectory directory, MonteCarloJobSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(directory);
        settings ??= new MonteCarloJobSettings();
        var meta = new RunMetadata(scenario.Name, scenarioSha256, options.Seed, options.Trials, engineVersion, DesignName(options));
        var plan = PlanRunner.Run(model);
        double planCumulative = plan.Get(model.FinancialYears.Count - 1, Metric.CumulativePositionGbp);
        cancellationToken.ThrowIfCancellationRequested();

        var positions = new CumulativePositionCollector(options.Trials);
        var fan = new LacFanAccumulator(scenario.Horizon.MonthCount);
        IReadOnlyList<SummaryRow> summary;
        IReadOnlyList<ContingencyCoverage> coverages;
        UnadjustedOutcome? unadjusted;

        // The summary spills its columns to an unlinked temporary file in the results folder (flat memory).
        // With a realisation factor, the same trials with the factor at plan are computed in the same pass;
        // their outcome needs two figures a trial, kept in memory (12 bytes a trial).
        var unadjustedCollector = model.RealisationInput >= 0 && options.InputUncertainty
            ? new UnadjustedCollector(options.Trials)
            : null;
        ITrialSink[]? unadjustedSinks = unadjustedCollector is null ? null : [unadjustedCollector];
        using (var sink = new TrialsParquetSink(directory, model.InputColumns, meta, model.EventColumns))
        using (var accumulator = new SummaryAccumulator(model.FinancialYears, options.Trials, directory.FinalDirectory))
        {
            ITrialSink[] sinks = [sink, accumulator, positions, fan];
            try
            {
                StochasticRunner.Run(model, options, sinks, settings.Progress, cancellationToken, unadjustedSinks);
            }
            finally
            {
                settings.Progress?.Finish();
            }

            if (settings.Precision is { } precision)
            {
                meta = AddTrialsUntilPrecise(options, precision, sinks, accumulator, unadjustedCollector, meta, cancellationToken);
                sink.UpdateMetadata(meta);
                options = options with { Trials = accumulator.Count };
            }

            // Coverage of 0 is the plan's own percentile; then the scenario's contingency lines and the user's amount, if any.
            coverages = ContingencyCoverage.ForRun(accumulator, planCumulative, scenario.Budget, settings.ContingencyGbp);
            summary = accumulator.Build(cancellationToken, options.Threads);
        }

        cancellationToken.ThrowIfCancellationRequested();
        unadjusted = unadjustedCollector?.Build(model.FinancialYears, planCumulative);
        var result = RunResultBuilder.Build(scenario, model, plan, meta, summary, coverages, positions, fan, unadjusted);

        // The files are independent of each other (each reads the finished result and writes its own
        // path), so with several threads they are written at once, longest first: the exporters (the
        // workbook, then the report, about 0.1 s at 50,000 trials), result.json, then the small Parquet
        // files. When the report was started last, it finished about 10 ms later on two threads.
        var writers = ResultFileWriters(result, directory, settings.FileExporters).Reverse().ToList();
        writers.Add(() => SummaryParquetWriter.Write(directory.PathFor(SummaryParquetWriter.FileName), summary, meta, coverages, unadjusted));
        writers.Add(() => PlanParquetWriter.Write(directory.PathFor(PlanParquetWriter.FileName), plan, scenario.Reference, meta));

        ParallelWork.RunAll(writers, options.Threads);

        directory.Commit(meta, cancellationToken);
        return result;
    }

    /// <summary>
    /// The writers of the files read from the finished result: <c>result.json</c>, then each exporter's
    /// file (the report, the workbook), as <c>run</c> and <c>merge</c> write them.
    /// </summary>
    /// <param name="result">The finished result.</param>
    /// <param name="directory">The results folder being written.</param>
    /// <param name="exporters">The file exporters asked for.</param>
    public static IEnumerable<Action> ResultFileWriters(RunResult result, ResultsDirectory directory, IEnumerable<IRunResultFileExporter> exporters)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(exporters);
        return exporters
            .Select(e => (Action)(() => e.Write(result, directory.PathFor(e.FileName))))
            .Prepend(() => RunResultJson.WriteFile(result, directory.PathFor(RunResultJson.FileName)));
    }

    /// <summary>
    /// <c>--precision</c>: adds blocks of <see cref="RunOptions.Trials"/> trials (trial indices
    /// continuing where the last block stopped, so the result equals one run of the final count)
    /// until the 95 % interval of the cumulative position's P80 at the horizon (the P80 contingency
    /// less a constant, the plan) has a half-width at or below the target, or the cap is reached.
    /// </summary>
    private RunMetadata AddTrialsUntilPrecise(
        RunOptions options,
        PrecisionTarget precision,
        IReadOnlyList<ITrialSink> sinks,
        SummaryAccumulator accumulator,
        UnadjustedCollector? unadjusted,
        RunMetadata meta,
        CancellationToken cancellationToken)
    {
        int last = model.FinancialYears.Count - 1;
        var design = InputDesign.Create(SamplingMode.MonteCarlo, model.InputDimensions, options.Seed, options.Trials);
        double halfWidth = accumulator.IntervalSoFar(last, Metric.CumulativePositionGbp, 0.8).HalfWidth;
        while (halfWidth > precision.HalfWidthGbp && accumulator.Count < precision.MaxTrials)
        {
            int more = Math.Min(options.Trials, precision.MaxTrials - accumulator.Count);
            accumulator.Expect(more);
            StochasticRunner.RunRange(
                model,
                options with { Trials = more },
                options.InputUncertainty ? design : null,
                accumulator.Count,
                sinks,
                cancellationToken: cancellationToken,
                unadjustedSinks: unadjusted is null ? null : [unadjusted]);
            halfWidth = accumulator.IntervalSoFar(last, Metric.CumulativePositionGbp, 0.8).HalfWidth;
        }

        return meta with { Trials = accumulator.Count, PrecisionTargetGbp = precision.HalfWidthGbp, PrecisionReachedGbp = halfWidth };
    }
}
