using Parquet;
using Parquet.Schema;
using RiskSim.Core.Results;
using RiskSim.Core.Time;

namespace RiskSim.Output.Shards;

/// <summary>
/// Reads one shard's <c>trials.parquet</c> and <c>yearly.parquet</c> back, row group by row group (one
/// engine block each, so memory is a block), and copies trials into a <see cref="TrialBlock"/> exactly
/// as the engine had filled it: inputs, per-FY metrics, breakeven FY and risk events.
/// </summary>
internal sealed class ShardReader : IDisposable
{
    private readonly string folder;
    private readonly FileStream trialsStream;
    private readonly FileStream yearlyStream;
    private readonly ParquetReader trials;
    private readonly ParquetReader yearly;
    private readonly DataField[] trialsFields;
    private readonly DataField[] yearlyFields;
    private readonly Dictionary<string, int> fyIndex;
    private readonly int fyCount;

    private int group = -1;
    private int rows;
    private int position;
    private long[] trialIndex = [];
    private double[][] inputs = [];
    private string?[] breakeven = [];
    private string?[][] events = [];
    private double[][] metrics = [];

    private ShardReader(string folder, FileStream trialsStream, FileStream yearlyStream, ParquetReader trials, ParquetReader yearly, IReadOnlyList<FinancialYear> years)
    {
        this.folder = folder;
        this.trialsStream = trialsStream;
        this.yearlyStream = yearlyStream;
        this.trials = trials;
        this.yearly = yearly;
        trialsFields = trials.Schema.GetDataFields();
        yearlyFields = yearly.Schema.GetDataFields();
        fyCount = years.Count;
        fyIndex = years.Select((fy, i) => (fy.Label, i)).ToDictionary(p => p.Label, p => p.i, StringComparer.Ordinal);

        int be = Array.FindIndex(trialsFields, f => f.Name == "breakeven_fy");
        int cum = Array.FindIndex(trialsFields, f => f.Name == "cumulative_position_gbp");
        if (trialsFields.Length == 0 || trialsFields[0].Name != "trial" || be < 1 || cum < be)
        {
            throw new ShardSetException($"{folder}: trials.parquet does not have the columns RiskSim writes.");
        }

        InputColumns = [.. trialsFields[1..be].Select(f => f.Name)];
        EventColumns = [.. trialsFields[(cum + 1)..].Select(f => f.Name)];
    }

    /// <summary>Names of the sampled-input columns.</summary>
    internal IReadOnlyList<string> InputColumns { get; }

    /// <summary>Names of the risk-event columns.</summary>
    internal IReadOnlyList<string> EventColumns { get; }

    /// <summary>Opens the shard's two files.</summary>
    internal static ShardReader Open(string folder, IReadOnlyList<FinancialYear> years)
    {
        FileStream? t = null;
        FileStream? y = null;
        try
        {
            t = File.OpenRead(Path.Combine(folder, TrialsParquetSink.TrialsFileName));
            y = File.OpenRead(Path.Combine(folder, TrialsParquetSink.YearlyFileName));
            var tr = ParquetReader.CreateAsync(t).GetAwaiter().GetResult();
            var yr = ParquetReader.CreateAsync(y).GetAwaiter().GetResult();
            return new ShardReader(folder, t, y, tr, yr, years);
        }
        catch
        {
            t?.Dispose();
            y?.Dispose();
            throw;
        }
    }

    /// <summary>The horizon's FYs, from the first trial's rows of the shard's <c>yearly.parquet</c>.</summary>
    internal static IReadOnlyList<FinancialYear> ReadYears(string folder)
    {
        using var stream = File.OpenRead(Path.Combine(folder, TrialsParquetSink.YearlyFileName));
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            var fields = reader.Schema.GetDataFields();
            using var g = reader.OpenRowGroupReader(0);
            int n = checked((int)g.RowCount);
            var trial = Read<long>(g, fields, "trial", n);
            var start = Read<int>(g, fields, "fy_start_year", n);
            var years = new List<FinancialYear>();
            for (int r = 0; r < n && trial[r] == trial[0]; r++)
            {
                years.Add(new FinancialYear(start[r]));
            }

            return years;
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Copies up to <paramref name="want"/> trials into <paramref name="block"/> from slot
    /// <paramref name="slot"/>, checking that they are trials <paramref name="expectedTrial"/>, … in
    /// order; returns how many were copied (0 when the shard is exhausted).
    /// </summary>
    internal int CopyTo(TrialBlock block, int slot, int want, long expectedTrial)
    {
        if (position == rows)
        {
            if (group + 1 >= trials.RowGroupCount)
            {
                return 0;
            }

            Load(group + 1);
        }

        int n = Math.Min(want, rows - position);
        int inputCount = inputs.Length;
        int eventCount = events.Length;
        int stride = fyCount * Metrics.Count;
        for (int k = 0; k < n; k++)
        {
            int r = position + k;
            int s = slot + k;
            if (trialIndex[r] != expectedTrial + k)
            {
                throw new ShardSetException($"{folder}: trial {trialIndex[r]} where trial {expectedTrial + k} was expected; the shard's files are damaged.");
            }

            for (int c = 0; c < inputCount; c++)
            {
                block.Inputs[(s * inputCount) + c] = inputs[c][r];
            }

            block.BreakevenFyIndex[s] = FyIndexOf(breakeven[r]);
            for (int e = 0; e < eventCount; e++)
            {
                block.EventFirstFyIndex[(s * eventCount) + e] = FyIndexOf(events[e][r]);
            }

            for (int fy = 0; fy < fyCount; fy++)
            {
                int from = (r * fyCount) + fy;
                int to = (s * stride) + (fy * Metrics.Count);
                for (int m = 0; m < Metrics.Count; m++)
                {
                    block.Yearly[to + m] = metrics[m][from];
                }
            }
        }

        position += n;
        return n;
    }

    /// <summary>True when every row has been copied.</summary>
    internal bool Exhausted => position == rows && group + 1 >= trials.RowGroupCount;

    public void Dispose()
    {
        trials.DisposeAsync().AsTask().GetAwaiter().GetResult();
        yearly.DisposeAsync().AsTask().GetAwaiter().GetResult();
        trialsStream.Dispose();
        yearlyStream.Dispose();
    }

    private int FyIndexOf(string? label)
    {
        if (label is null)
        {
            return -1;
        }

        return fyIndex.TryGetValue(label, out int i)
            ? i
            : throw new ShardSetException($"{folder}: FY '{label}' is not in the horizon.");
    }

    private void Load(int g)
    {
        if (g >= yearly.RowGroupCount)
        {
            throw new ShardSetException($"{folder}: yearly.parquet has fewer row groups than trials.parquet.");
        }

        using var t = trials.OpenRowGroupReader(g);
        using var y = yearly.OpenRowGroupReader(g);
        int n = checked((int)t.RowCount);
        if (y.RowCount != (long)n * fyCount)
        {
            throw new ShardSetException($"{folder}: row group {g} of yearly.parquet has {y.RowCount} rows, not {n} trials × {fyCount} FYs.");
        }

        trialIndex = Read<long>(t, trialsFields, "trial", n);
        inputs = [.. InputColumns.Select(c => Read<double>(t, trialsFields, c, n))];
        breakeven = ReadStrings(t, trialsFields, "breakeven_fy", n);
        events = [.. EventColumns.Select(c => ReadStrings(t, trialsFields, c, n))];

        int m = n * fyCount;
        var yearlyTrial = Read<long>(y, yearlyFields, "trial", m);
        for (int r = 0; r < m; r++)
        {
            if (yearlyTrial[r] != trialIndex[r / fyCount])
            {
                throw new ShardSetException($"{folder}: yearly.parquet's rows do not follow trials.parquet's (row group {g}).");
            }
        }

        metrics = new double[Metrics.Count][];
        foreach (Metric metric in Metrics.All)
        {
            string name = metric.ColumnName();
            var field = yearlyFields.FirstOrDefault(f => f.Name == name)
                ?? throw new ShardSetException($"{folder}: yearly.parquet has no column {name}.");
            metrics[(int)metric] = field.ClrType == typeof(int)
                ? Array.ConvertAll(Read<int>(y, yearlyFields, name, m), v => (double)v)
                : Read<double>(y, yearlyFields, name, m);
        }

        group = g;
        rows = n;
        position = 0;
    }

    private static T[] Read<T>(ParquetRowGroupReader group, DataField[] fields, string name, int n)
        where T : struct
    {
        var field = fields.FirstOrDefault(f => f.Name == name && f.ClrType == typeof(T) && !f.IsNullable)
            ?? throw new ShardSetException($"no required {typeof(T).Name} column '{name}' in the shard's files.");
        var values = new T[n];
        group.ReadAsync<T>(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
        return values;
    }

    private static string?[] ReadStrings(ParquetRowGroupReader group, DataField[] fields, string name, int n)
    {
        var field = fields.FirstOrDefault(f => f.Name == name)
            ?? throw new ShardSetException($"no column '{name}' in the shard's files.");
        var values = new string?[n];
        group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
        return values;
    }
}
