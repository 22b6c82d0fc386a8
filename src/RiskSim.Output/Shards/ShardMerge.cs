using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using RiskSim.Core.Time;

namespace RiskSim.Output.Shards;

/// <summary>
/// <c>risksim merge</c>: rebuilds every output of a sharded run from its shards, as one run of all the
/// trials writes it. The shards' trials are read back in global trial order and handed, in blocks of the
/// run's block size, to the same <see cref="TrialsParquetSink"/> and <see cref="SummaryAccumulator"/> a
/// run uses, so <c>trials.parquet</c> and <c>yearly.parquet</c> are re-encoded into the same row groups
/// with the same metadata (byte for byte the single run's files) and the summary sees the same values in
/// the same order (the same bits).
/// </summary>
public static class ShardMerge
{
    /// <summary>Merges <paramref name="set"/> into <paramref name="target"/> (not committed: the caller commits with <see cref="ShardSet.Meta"/>).</summary>
    /// <param name="set">A complete, consistent set (<see cref="ShardSet.Open"/>).</param>
    /// <param name="target">The merged results folder.</param>
    /// <param name="contingencyGbp">A contingency whose coverage to store, as <c>run --contingency</c>; or null.</param>
    /// <param name="progress">Told the trials merged so far after each block, or null.</param>
    /// <param name="cancellationToken">Checked between blocks.</param>
    /// <param name="budget">
    /// The scenario's budget framing when the scenario is at hand: its contingency lines' coverage is
    /// stored as a single run stores it. Without it only the plan's and <paramref name="contingencyGbp"/>'s are.
    /// </param>
    /// <param name="threads">Summary columns built at once (as <c>run --threads</c>); the result is the same bits for any value.</param>
    public static MergeResult Merge(
        ShardSet set,
        ResultsDirectory target,
        double? contingencyGbp = null,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default,
        Core.Model.BudgetFraming? budget = null,
        int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(target);
        var meta = set.Meta;
        var years = ShardReader.ReadYears(set.Shards[0].Folder);
        int total = checked((int)meta.Trials);

        var readers = new List<ShardReader>(set.Shards.Count);
        try
        {
            foreach (var shard in set.Shards)
            {
                readers.Add(ShardReader.Open(shard.Folder, years));
            }

            var inputs = readers[0].InputColumns;
            var events = readers[0].EventColumns;
            for (int i = 1; i < readers.Count; i++)
            {
                if (!readers[i].InputColumns.SequenceEqual(inputs, StringComparer.Ordinal) || !readers[i].EventColumns.SequenceEqual(events, StringComparer.Ordinal))
                {
                    throw new ShardSetException($"{set.Shards[i].Folder}: its trials.parquet has other columns than {set.Shards[0].Folder}'s.");
                }
            }

            IReadOnlyList<SummaryRow> summary;
            IReadOnlyList<ContingencyCoverage> coverages;
            var positions = new CumulativePositionCollector(total);
            using (var sink = new TrialsParquetSink(target, inputs, meta, events))
            using (var accumulator = new SummaryAccumulator(years, total, target.FinalDirectory))
            {
                var buffer = new TrialBlockBuffer(Math.Min(set.BlockSize, total), inputs, years, events);
                int shard = 0;
                for (long first = 0; first < total; first += set.BlockSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int count = (int)Math.Min(set.BlockSize, total - first);
                    int filled = 0;
                    while (filled < count)
                    {
                        if (shard >= readers.Count)
                        {
                            throw new ShardSetException($"{set.Root}: the shards hold fewer trials than the {total} of the run.");
                        }

                        int got = readers[shard].CopyTo(buffer.Block, filled, count - filled, first + filled);
                        if (got == 0)
                        {
                            shard++;
                        }

                        filled += got;
                    }

                    buffer.SetRange(first, count);
                    sink.Accept(buffer.Block);
                    accumulator.Accept(buffer.Block);
                    positions.Accept(buffer.Block);
                    progress?.Report(first + count);
                }

                if (readers.Any(r => !r.Exhausted))
                {
                    throw new ShardSetException($"{set.Root}: the shards hold more trials than the {total} of the run.");
                }

                coverages = ContingencyCoverage.ForRun(accumulator, set.PlanCumulativeGbp, budget, contingencyGbp);
                summary = accumulator.Build(cancellationToken, threads);
            }

            var unadjusted = set.HasUnadjusted ? ReadUnadjusted(set, years, total) : null;
            SummaryParquetWriter.Write(target.PathFor(SummaryParquetWriter.FileName), summary, meta, coverages, unadjusted);

            // Every shard's plan.parquet is the run's (same bytes, checked by ShardSet.Open).
            File.Copy(Path.Combine(set.Shards[0].Folder, PlanParquetWriter.FileName), target.PathFor(PlanParquetWriter.FileName), overwrite: true);
            return new MergeResult(meta, set.Shards.Count, years, summary, coverages, unadjusted, positions, MergeFans(set));
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    /// <summary>
    /// The run's LAC fan: the shards' histograms added (exactly one run's, in any order); null when a
    /// shard has no <c>lac_fan.parquet</c> (written by a RiskSim before the merge rebuilt the report).
    /// </summary>
    private static LacFanAccumulator? MergeFans(ShardSet set)
    {
        if (!set.Shards.All(s => File.Exists(Path.Combine(s.Folder, LacFanFile.FileName))))
        {
            return null;
        }

        LacFanAccumulator? fan = null;
        foreach (var shard in set.Shards)
        {
            var part = LacFanFile.Read(Path.Combine(shard.Folder, LacFanFile.FileName), shard.Trials);
            if (fan is null)
            {
                fan = part;
            }
            else
            {
                try
                {
                    fan.Merge(part);
                }
                catch (ArgumentException e)
                {
                    throw new ShardSetException($"{shard.Folder}: its {LacFanFile.FileName} does not fit the first shard's ({e.Message}).", e);
                }
            }
        }

        return fan;
    }

    /// <summary>The unadjusted pass's outcome from the shards' <c>unadjusted.parquet</c> (two figures per trial held in memory).</summary>
    private static UnadjustedOutcome ReadUnadjusted(ShardSet set, IReadOnlyList<FinancialYear> years, int total)
    {
        var cumulative = new double[total];
        var breakeven = new int[total];
        long next = 0;
        foreach (var shard in set.Shards)
        {
            string path = Path.Combine(shard.Folder, UnadjustedParquetSink.FileName);
            ShardParquet.Read(path, (reader, field) =>
            {
                var trialField = field(UnadjustedParquetSink.TrialField);
                var cumulativeField = field(UnadjustedParquetSink.CumulativeField);
                var breakevenField = field(UnadjustedParquetSink.BreakevenField);
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    int n = checked((int)group.RowCount);
                    if (next + n > total)
                    {
                        throw new ShardSetException($"{path}: more trials than the run's {total}.");
                    }

                    var trial = new long[n];
                    ShardParquet.Column<long>(group, trialField, trial);
                    ShardParquet.Column<double>(group, cumulativeField, cumulative.AsMemory((int)next, n));
                    ShardParquet.Column<int>(group, breakevenField, breakeven.AsMemory((int)next, n));
                    for (int k = 0; k < n; k++)
                    {
                        if (trial[k] != next + k)
                        {
                            throw new ShardSetException($"{path}: trial {trial[k]} where trial {next + k} was expected.");
                        }
                    }

                    next += n;
                }
            });
        }

        if (next != total)
        {
            throw new ShardSetException($"{set.Root}: the shards' {UnadjustedParquetSink.FileName} hold {next} trials, not {total}.");
        }

        return UnadjustedSummary.From(years, cumulative, breakeven, set.PlanCumulativeGbp);
    }
}
