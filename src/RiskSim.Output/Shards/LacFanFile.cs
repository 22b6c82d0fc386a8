using Parquet;
using Parquet.Schema;
using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;

namespace RiskSim.Output.Shards;

/// <summary>
/// A shard's <c>lac_fan.parquet</c>: its LAC fan as histogram cells (month index, LAC, trials), so
/// that <c>risksim merge</c> adds the shards' histograms into exactly the fan of one run of all the
/// trials (month-end LAC is not in <c>trials.parquet</c>). A few thousand rows whatever the trial count.
/// </summary>
public static class LacFanFile
{
    /// <summary>The file name in a shard's folder.</summary>
    public const string FileName = "lac_fan.parquet";

    /// <summary>Key-value metadata: the horizon's months (a month with no cells would otherwise go unseen).</summary>
    internal const string MonthsKey = "risksim.lac_fan.months";

    private static readonly DataField<int> MonthField = new("month_index", false);
    private static readonly DataField<int> LacField = new("lac", false);
    private static readonly DataField<long> TrialsField = new("trials", false);

    /// <summary>Writes <paramref name="fan"/>'s cells to <paramref name="path"/>.</summary>
    /// <param name="path">File to create.</param>
    /// <param name="fan">The shard's fan.</param>
    /// <param name="meta">Provenance stored in the key-value metadata.</param>
    /// <param name="extraMetadata">Further key-value pairs (the shard's range).</param>
    public static void Write(string path, LacFanAccumulator fan, RunMetadata meta, IReadOnlyList<KeyValuePair<string, string>>? extraMetadata = null)
    {
        ArgumentNullException.ThrowIfNull(fan);
        var cells = fan.Cells().ToArray();
        var months = cells.Select(c => c.Month).ToArray();
        var lac = cells.Select(c => c.Lac).ToArray();
        var trials = cells.Select(c => c.Trials).ToArray();
        ParquetFile.WriteSingleRowGroup(
            path,
            new ParquetSchema(MonthField, LacField, TrialsField),
            meta,
            cells.Length,
            group =>
            {
                group.Write<int>(MonthField, months);
                group.Write<int>(LacField, lac);
                group.Write<long>(TrialsField, trials);
            },
            [.. extraMetadata ?? [], new(MonthsKey, fan.MonthCount.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
    }

    /// <summary>Reads a shard's fan of <paramref name="trials"/> trials.</summary>
    /// <exception cref="ShardSetException">The file is unreadable, lacks a column or its month count, or its cells do not add up.</exception>
    public static LacFanAccumulator Read(string path, long trials)
    {
        var cells = new List<(int Month, int Lac, long Trials)>();
        int months = 0;
        try
        {
            ShardParquet.Read(path, (reader, field) =>
            {
                if (!reader.CustomMetadata.TryGetValue(MonthsKey, out string? monthsText)
                    || !int.TryParse(monthsText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out months)
                    || months <= 0)
                {
                    throw new ShardSetException($"{path}: no valid {MonthsKey} in its metadata; run the shard again.");
                }

                var monthField = field(MonthField);
                var lacField = field(LacField);
                var trialsField = field(TrialsField);
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    int n = checked((int)group.RowCount);
                    var month = new int[n];
                    var lac = new int[n];
                    var count = new long[n];
                    ShardParquet.Column<int>(group, monthField, month);
                    ShardParquet.Column<int>(group, lacField, lac);
                    ShardParquet.Column<long>(group, trialsField, count);
                    for (int k = 0; k < n; k++)
                    {
                        cells.Add((month[k], lac[k], count[k]));
                    }
                }
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ParquetException)
        {
            throw new ShardSetException($"{path}: cannot be read as Parquet ({e.Message}); run the shard again.", e);
        }

        try
        {
            return LacFanAccumulator.FromCells(months, trials, cells);
        }
        catch (ArgumentException e)
        {
            throw new ShardSetException($"{path}: not this shard's LAC fan ({e.Message}); run the shard again.", e);
        }
    }
}
