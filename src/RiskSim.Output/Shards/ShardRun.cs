using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using RiskSim.Core.Sampling;

namespace RiskSim.Output.Shards;

/// <summary>
/// <c>risksim run --shard I/N</c>: runs exactly the trials of one shard of a run and writes what
/// <c>risksim merge</c> needs into the shard's folder: <c>trials.parquet</c> and <c>yearly.parquet</c>
/// (the shard's rows, as the whole run would write them), <c>plan.parquet</c> (the run's),
/// <c>lac_fan.parquet</c> (the shard's month-end LAC histograms, which add up to the run's fan), and with
/// a realisation factor <c>unadjusted.parquet</c> (the factor-at-plan pass's two figures per trial). No
/// summary: a shard's percentiles are not the run's; the merge builds the run's summary. The scenario
/// file's full path is recorded, so the merge can rebuild <c>result.json</c> and the report from it.
/// </summary>
public static class ShardRun
{
    /// <summary>Runs shard <paramref name="shard"/> of the run <paramref name="options"/> describes (its trial count is the whole run's).</summary>
    /// <param name="model">The compiled scenario.</param>
    /// <param name="options">The whole run's options: total trials, seed, threads, design.</param>
    /// <param name="shard">Which shard.</param>
    /// <param name="meta">The whole run's metadata (its trial count is the total), stored in every file.</param>
    /// <param name="plan">The plan line.</param>
    /// <param name="reference">Published reference figures for plan.parquet, or null.</param>
    /// <param name="directory">The shard's results folder (<c>OUT/shard=I</c>), not yet committed.</param>
    /// <param name="progress">Told the shard's trials finished after each block, or null.</param>
    /// <param name="cancellationToken">Stops between blocks.</param>
    /// <param name="scenarioPath">The scenario file, recorded (as a full path) for <c>risksim merge</c>; or null.</param>
    /// <returns>The shard's first global trial index and its trial count.</returns>
    public static (long First, int Trials) Write(
        CompiledModel model,
        RunOptions options,
        ShardSpec shard,
        RunMetadata meta,
        PlanResult plan,
        ReferenceData? reference,
        ResultsDirectory directory,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default,
        string? scenarioPath = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(directory);
        if (shard.Count > options.Trials)
        {
            throw new ArgumentException($"{shard.Count} shards of {options.Trials} trials would leave a shard empty.", nameof(shard));
        }

        var (first, trials) = shard.Range(options.Trials);
        bool unadjusted = model.RealisationInput >= 0 && options.InputUncertainty;
        double planCumulative = plan.Get(model.FinancialYears.Count - 1, Metric.CumulativePositionGbp);
        var extra = ShardMetadata.For(shard, first, trials, options.BlockSize, planCumulative, unadjusted, scenarioPath is null ? null : Path.GetFullPath(scenarioPath));

        // The design of the whole run (a Latin hypercube's strata depend on the total trial count).
        var design = options.InputUncertainty
            ? InputDesign.Create(options.Sampling, model.InputDimensions, options.Seed, options.Trials)
            : null;
        var range = options with { Trials = trials };
        // With a realisation factor, the factor-at-plan world runs in the same pass (as in a single run),
        // into unadjusted.parquet.
        var fan = new LacFanAccumulator(model.Horizon.MonthCount);
        using (var sink = new TrialsParquetSink(directory, model.InputColumns, meta, model.EventColumns, extra))
        using (var held = unadjusted ? new UnadjustedParquetSink(directory.PathFor(UnadjustedParquetSink.FileName), meta, extra) : null)
        {
            StochasticRunner.RunRange(model, range, design, first, [sink, fan], progress, cancellationToken, held is null ? null : [held]);
        }

        LacFanFile.Write(directory.PathFor(LacFanFile.FileName), fan, meta, extra);

        PlanParquetWriter.Write(directory.PathFor(PlanParquetWriter.FileName), plan, reference, meta);
        return (first, trials);
    }
}
