using Parquet.Schema;
using RiskSim.Core.Results;
using RiskSim.Core.Time;

namespace RiskSim.Output;

/// <summary>
/// Streams trial results to <c>trials.parquet</c> (one row per trial: sampled inputs, breakeven,
/// end-of-horizon LAC and cumulative position) and <c>yearly.parquet</c> (one row per trial × FY with
/// every <see cref="Metric"/>). Each block becomes one row group in each file, and column buffers are
/// reused, so memory is bounded by the block size, not the trial count.
/// </summary>
/// <remarks>
/// Writes are synchronous (see <see cref="ParquetFile"/> for why). The files are complete only once
/// the sink is disposed: dispose it before <see cref="ResultsDirectory.Commit"/>.
/// </remarks>
public sealed class TrialsParquetSink : ITrialSink, IDisposable
{
    /// <summary>File name of the per-trial file.</summary>
    public const string TrialsFileName = "trials.parquet";

    /// <summary>File name of the per-trial, per-FY (long format) file.</summary>
    public const string YearlyFileName = "yearly.parquet";

    private readonly IReadOnlyList<string> inputColumns;

    // trials.parquet
    /// <summary>
    /// A null FY label. Written as a typed constant because in <c>c ? label : null</c> the null
    /// converts to an empty <see cref="ReadOnlyMemory{T}"/> (through the implicit conversion from
    /// a null array), which Parquet would store as "" rather than null.
    /// </summary>
    private static readonly ReadOnlyMemory<char>? NoFy = null;

    private readonly DataField<long> trialField = new("trial", false);
    private readonly DataField<double>[] inputFields;
    private readonly DataField<string> breakevenFyField = new("breakeven_fy", true);
    private readonly DataField<int?> breakevenStartField = new("breakeven_fy_start_year", true);
    private readonly DataField<string> lastingFyField = new("lasting_breakeven_fy", true);
    private readonly DataField<int?> lastingStartField = new("lasting_breakeven_fy_start_year", true);
    private readonly DataField<int> lacEndField = new("lac_end", false);
    private readonly DataField<double> cumulativeField = new("cumulative_position_gbp", false);
    private readonly DataField<string>[] eventFields;

    // yearly.parquet
    private readonly DataField<long> yearlyTrialField = new("trial", false);
    private readonly DataField<string> yearlyFyField = new("fy", false);
    private readonly DataField<int> yearlyFyStartField = new("fy_start_year", false);
    private readonly DataField[] metricFields;

    private readonly ParquetFile trialsFile;
    private readonly ParquetFile yearlyFile;

    // Reused column buffers (grown to the largest block seen).
    private long[] trialBuf = [];
    private double[][] inputBufs;
    private ReadOnlyMemory<char>?[] breakevenBuf = [];
    private int?[] breakevenStartBuf = [];
    private ReadOnlyMemory<char>?[] lastingBuf = [];
    private int?[] lastingStartBuf = [];
    private int[] lacEndBuf = [];
    private double[] cumulativeBuf = [];
    private readonly ReadOnlyMemory<char>?[][] eventBufs;
    private long[] yearlyTrialBuf = [];
    private ReadOnlyMemory<char>[] yearlyFyBuf = [];
    private int[] yearlyFyStartBuf = [];
    private readonly double[][] metricDoubleBufs = CreateBuffers<double>(Metrics.Count);
    private readonly int[][] metricIntBufs = CreateBuffers<int>(Metrics.Count);

    private IReadOnlyList<string>? checkedInputColumns;
    private IReadOnlyList<FinancialYear>? labelYears;
    private ReadOnlyMemory<char>[] fyLabels = [];
    private bool faulted;
    private bool disposed;

    /// <summary>Creates <see cref="TrialsFileName"/> and <see cref="YearlyFileName"/> in <paramref name="directory"/>.</summary>
    /// <param name="directory">Where the files are written until committed.</param>
    /// <param name="inputColumns">Names of the sampled inputs, as in <see cref="TrialBlock.InputColumns"/>.</param>
    /// <param name="meta">Provenance stored in the files' key-value metadata.</param>
    /// <param name="eventColumns">Names of the risk-event columns (<c>event_&lt;id&gt;_fy</c>), as in <see cref="TrialBlock.EventColumns"/>; none when null.</param>
    /// <param name="extraMetadata">Key-value pairs stored after <paramref name="meta"/>'s (a shard's range); none when null.</param>
    public TrialsParquetSink(ResultsDirectory directory, IReadOnlyList<string> inputColumns, RunMetadata meta, IReadOnlyList<string>? eventColumns = null, IReadOnlyList<KeyValuePair<string, string>>? extraMetadata = null)
        : this(
            (directory ?? throw new ArgumentNullException(nameof(directory))).PathFor(TrialsFileName),
            directory.PathFor(YearlyFileName),
            inputColumns,
            meta,
            eventColumns,
            extraMetadata)
    {
    }

    /// <summary>Creates (or replaces) the two files at the given paths.</summary>
    /// <param name="trialsPath">Path of the per-trial file.</param>
    /// <param name="yearlyPath">Path of the per-trial, per-FY file.</param>
    /// <param name="inputColumns">Names of the sampled inputs, as in <see cref="TrialBlock.InputColumns"/>; every block must carry the same names.</param>
    /// <param name="meta">Provenance stored in the files' key-value metadata.</param>
    /// <param name="eventColumns">Names of the risk-event columns; none when null.</param>
    /// <param name="extraMetadata">Key-value pairs stored after <paramref name="meta"/>'s; none when null.</param>
    public TrialsParquetSink(string trialsPath, string yearlyPath, IReadOnlyList<string> inputColumns, RunMetadata meta, IReadOnlyList<string>? eventColumns = null, IReadOnlyList<KeyValuePair<string, string>>? extraMetadata = null)
    {
        ArgumentNullException.ThrowIfNull(trialsPath);
        ArgumentNullException.ThrowIfNull(yearlyPath);
        ArgumentNullException.ThrowIfNull(inputColumns);
        ArgumentNullException.ThrowIfNull(meta);

        this.inputColumns = [.. inputColumns];
        inputFields = new DataField<double>[inputColumns.Count];
        inputBufs = CreateBuffers<double>(inputColumns.Count);
        for (int i = 0; i < inputFields.Length; i++)
        {
            inputFields[i] = new DataField<double>(inputColumns[i], false);
        }

        metricFields = new DataField[Metrics.Count];
        foreach (Metric m in Metrics.All)
        {
            metricFields[(int)m] = IsWholeChildren(m)
                ? new DataField<int>(m.ColumnName(), false)
                : new DataField<double>(m.ColumnName(), false);
        }

        // A risk event's first FY of occurrence: an FY label like "2021/22", null when it never occurred.
        eventFields = [.. (eventColumns ?? []).Select(name => new DataField<string>(name, true))];
        eventBufs = new ReadOnlyMemory<char>?[eventFields.Length][];
        for (int e = 0; e < eventBufs.Length; e++)
        {
            eventBufs[e] = [];
        }

        var trialsSchema = new ParquetSchema(
            [trialField, .. inputFields, breakevenFyField, breakevenStartField, lastingFyField, lastingStartField, lacEndField, cumulativeField, .. eventFields]);
        RequireUniqueNames(trialsSchema, nameof(inputColumns));
        var yearlySchema = new ParquetSchema([yearlyTrialField, yearlyFyField, yearlyFyStartField, .. metricFields]);

        trialsFile = ParquetFile.Create(trialsPath, trialsSchema, meta, extraMetadata);
        try
        {
            yearlyFile = ParquetFile.Create(yearlyPath, yearlySchema, meta, extraMetadata);
        }
        catch
        {
            trialsFile.Abort();
            throw;
        }
    }

    /// <summary>
    /// Replaces the files' key-value metadata before they are closed: a run that adds trials until a
    /// precision is reached knows its final trial count only at the end.
    /// </summary>
    public void UpdateMetadata(RunMetadata meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ObjectDisposedException.ThrowIf(disposed, this);
        trialsFile.UpdateMetadata(meta);
        yearlyFile.UpdateMetadata(meta);
    }

    /// <inheritdoc />
    public void Accept(TrialBlock block)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentNullException.ThrowIfNull(block);
        if (block.Count == 0)
        {
            return;
        }

        CheckInputColumns(block.InputColumns);
        if (block.FinancialYears.Count == 0)
        {
            throw new ArgumentException("The block has no financial years.", nameof(block));
        }

        try
        {
            WriteTrials(block);
            WriteYearly(block);
        }
        catch
        {
            // A row group may be half written; Dispose must not hide this exception with another.
            faulted = true;
            throw;
        }
    }

    /// <summary>Writes the files' footers and closes them.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (faulted)
        {
            // A row group may be half written: the files are unusable, so drop them quietly.
            trialsFile.Abort();
            yearlyFile.Abort();
            return;
        }

        try
        {
            trialsFile.Dispose();
        }
        catch
        {
            yearlyFile.Abort();
            throw;
        }

        yearlyFile.Dispose();
    }

    /// <summary>LAC stocks are counts of children in stochastic mode, so they are stored as int32.</summary>
    internal static bool IsWholeChildren(Metric metric) => metric is Metric.LacEnd or Metric.LacEndDoNothing;

    /// <summary>Converts a stock that must be a whole number of children.</summary>
    internal static int ToWholeChildren(double value, Metric metric, long trial)
    {
        if (!double.IsFinite(value) || Math.Floor(value) != value || value < int.MinValue || value > int.MaxValue)
        {
            throw new InvalidOperationException(
                $"Trial {trial}: {metric.ColumnName()} = {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not a whole number of children.");
        }

        return (int)value;
    }

    private static void RequireUniqueNames(ParquetSchema schema, string paramName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in schema.DataFields)
        {
            if (string.IsNullOrEmpty(field.Name) || !seen.Add(field.Name))
            {
                throw new ArgumentException($"Input column '{field.Name}' is empty or clashes with another column.", paramName);
            }
        }
    }

    private void CheckInputColumns(IReadOnlyList<string> columns)
    {
        if (ReferenceEquals(columns, checkedInputColumns))
        {
            return;
        }

        if (!columns.SequenceEqual(inputColumns, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"The block's input columns ({string.Join(", ", columns)}) differ from the sink's ({string.Join(", ", inputColumns)}).",
                nameof(columns));
        }

        checkedInputColumns = columns;
    }

    private ReadOnlyMemory<char>[] LabelsFor(IReadOnlyList<FinancialYear> years)
    {
        if (!ReferenceEquals(years, labelYears))
        {
            fyLabels = new ReadOnlyMemory<char>[years.Count];
            for (int fy = 0; fy < years.Count; fy++)
            {
                fyLabels[fy] = years[fy].Label.AsMemory();
            }

            labelYears = years;
        }

        return fyLabels;
    }

    private void WriteTrials(TrialBlock block)
    {
        int n = block.Count;
        int inputCount = inputFields.Length;
        int lastFy = block.FinancialYears.Count - 1;
        var labels = LabelsFor(block.FinancialYears);
        Grow(ref trialBuf, n);
        Grow(ref breakevenBuf, n);
        Grow(ref breakevenStartBuf, n);
        Grow(ref lastingBuf, n);
        Grow(ref lastingStartBuf, n);
        Grow(ref lacEndBuf, n);
        Grow(ref cumulativeBuf, n);
        for (int e = 0; e < eventBufs.Length; e++)
        {
            Grow(ref eventBufs[e], n);
        }

        if (block.EventColumns.Count != eventFields.Length)
        {
            throw new ArgumentException($"the block has {block.EventColumns.Count} event columns; the file was created with {eventFields.Length}.", nameof(block));
        }

        for (int c = 0; c < inputCount; c++)
        {
            Grow(ref inputBufs[c], n);
        }

        double[] inputs = block.Inputs;
        for (int t = 0; t < n; t++)
        {
            long trial = checked(block.FirstTrial + t);
            trialBuf[t] = trial;
            for (int c = 0; c < inputCount; c++)
            {
                inputBufs[c][t] = inputs[(t * inputCount) + c];
            }

            int breakeven = block.BreakevenFyIndex[t];
            if (breakeven >= 0)
            {
                breakevenBuf[t] = labels[breakeven];
                breakevenStartBuf[t] = block.FinancialYears[breakeven].StartYear;
            }
            else
            {
                breakevenBuf[t] = null;
                breakevenStartBuf[t] = null;
            }

            int lasting = block.LastingBreakevenFyIndex(t);
            lastingBuf[t] = lasting >= 0 ? labels[lasting] : NoFy;
            lastingStartBuf[t] = lasting >= 0 ? block.FinancialYears[lasting].StartYear : null;
            lacEndBuf[t] = ToWholeChildren(block.Get(t, lastFy, Metric.LacEnd), Metric.LacEnd, trial);
            cumulativeBuf[t] = block.Get(t, lastFy, Metric.CumulativePositionGbp);
            for (int e = 0; e < eventFields.Length; e++)
            {
                int first = block.EventFirstFyIndex[(t * eventFields.Length) + e];
                eventBufs[e][t] = first >= 0 ? labels[first] : NoFy;
            }
        }

        using var group = trialsFile.BeginRowGroup();
        group.Write<long>(trialField, trialBuf.AsMemory(0, n));
        for (int c = 0; c < inputCount; c++)
        {
            group.Write<double>(inputFields[c], inputBufs[c].AsMemory(0, n));
        }

        group.WriteNullable<ReadOnlyMemory<char>>(breakevenFyField, breakevenBuf.AsMemory(0, n));
        group.WriteNullable<int>(breakevenStartField, breakevenStartBuf.AsMemory(0, n));
        group.WriteNullable<ReadOnlyMemory<char>>(lastingFyField, lastingBuf.AsMemory(0, n));
        group.WriteNullable<int>(lastingStartField, lastingStartBuf.AsMemory(0, n));
        group.Write<int>(lacEndField, lacEndBuf.AsMemory(0, n));
        group.Write<double>(cumulativeField, cumulativeBuf.AsMemory(0, n));
        for (int e = 0; e < eventFields.Length; e++)
        {
            group.WriteNullable<ReadOnlyMemory<char>>(eventFields[e], eventBufs[e].AsMemory(0, n));
        }

        group.Complete();
    }

    private void WriteYearly(TrialBlock block)
    {
        int years = block.FinancialYears.Count;
        int rows = checked(block.Count * years);
        var labels = LabelsFor(block.FinancialYears);
        Grow(ref yearlyTrialBuf, rows);
        Grow(ref yearlyFyBuf, rows);
        Grow(ref yearlyFyStartBuf, rows);

        for (int t = 0; t < block.Count; t++)
        {
            long trial = checked(block.FirstTrial + t);
            for (int fy = 0; fy < years; fy++)
            {
                int r = (t * years) + fy;
                yearlyTrialBuf[r] = trial;
                yearlyFyBuf[r] = labels[fy];
                yearlyFyStartBuf[r] = block.FinancialYears[fy].StartYear;
            }
        }

        using var group = yearlyFile.BeginRowGroup();
        group.Write<long>(yearlyTrialField, yearlyTrialBuf.AsMemory(0, rows));
        group.Write<ReadOnlyMemory<char>>(yearlyFyField, yearlyFyBuf.AsMemory(0, rows));
        group.Write<int>(yearlyFyStartField, yearlyFyStartBuf.AsMemory(0, rows));

        // Row r of the long format is (trial-in-block × FYs + fy), exactly the block's Yearly layout.
        double[] yearly = block.Yearly;
        int stride = Metrics.Count;
        foreach (Metric metric in Metrics.All)
        {
            int m = (int)metric;
            if (IsWholeChildren(metric))
            {
                int[] buf = Grow(ref metricIntBufs[m], rows);
                for (int r = 0; r < rows; r++)
                {
                    buf[r] = ToWholeChildren(yearly[(r * stride) + m], metric, checked(block.FirstTrial + (r / years)));
                }

                group.Write<int>(metricFields[m], buf.AsMemory(0, rows));
            }
            else
            {
                double[] buf = Grow(ref metricDoubleBufs[m], rows);
                for (int r = 0; r < rows; r++)
                {
                    buf[r] = yearly[(r * stride) + m];
                }

                group.Write<double>(metricFields[m], buf.AsMemory(0, rows));
            }
        }

        group.Complete();
    }

    private static T[][] CreateBuffers<T>(int count)
    {
        var buffers = new T[count][];
        Array.Fill(buffers, []);
        return buffers;
    }

    private static T[] Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[length];
        }

        return buffer;
    }
}
