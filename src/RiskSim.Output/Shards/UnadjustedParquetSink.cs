using Parquet.Schema;
using RiskSim.Core.Results;

namespace RiskSim.Output.Shards;

/// <summary>
/// Writes a shard's <c>unadjusted.parquet</c>: per trial of the "unadjusted" pass (the realisation factor
/// held at plan), the two figures its summary needs, the cumulative position at the horizon and the
/// breakeven FY index, so that <c>risksim merge</c> rebuilds that summary exactly without re-running.
/// </summary>
public sealed class UnadjustedParquetSink : ITrialSink, IDisposable
{
    /// <summary>The file name in a shard's folder.</summary>
    public const string FileName = "unadjusted.parquet";

    internal static readonly DataField<long> TrialField = new("trial", false);
    internal static readonly DataField<double> CumulativeField = new("cumulative_position_gbp", false);
    internal static readonly DataField<int> BreakevenField = new("breakeven_fy_index", false);

    private readonly ParquetFile file;
    private long[] trials = [];
    private double[] cumulative = [];
    private int[] breakeven = [];
    private bool faulted;
    private bool disposed;

    /// <summary>Creates the file at <paramref name="path"/>.</summary>
    /// <param name="path">File to create.</param>
    /// <param name="meta">Provenance stored in the key-value metadata.</param>
    /// <param name="extraMetadata">Further key-value pairs (the shard's range).</param>
    public UnadjustedParquetSink(string path, RunMetadata meta, IReadOnlyList<KeyValuePair<string, string>>? extraMetadata = null)
    {
        file = ParquetFile.Create(path, new ParquetSchema(TrialField, CumulativeField, BreakevenField), meta, extraMetadata);
    }

    /// <inheritdoc />
    public void Accept(TrialBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        ObjectDisposedException.ThrowIf(disposed, this);
        int n = block.Count;
        if (n == 0)
        {
            return;
        }

        if (trials.Length < n)
        {
            trials = new long[n];
            cumulative = new double[n];
            breakeven = new int[n];
        }

        int last = block.FinancialYears.Count - 1;
        for (int t = 0; t < n; t++)
        {
            trials[t] = block.FirstTrial + t;
            cumulative[t] = block.Get(t, last, Metric.CumulativePositionGbp);
            breakeven[t] = block.BreakevenFyIndex[t];
        }

        try
        {
            using var group = file.BeginRowGroup();
            group.Write<long>(TrialField, trials.AsMemory(0, n));
            group.Write<double>(CumulativeField, cumulative.AsMemory(0, n));
            group.Write<int>(BreakevenField, breakeven.AsMemory(0, n));
            group.Complete();
        }
        catch
        {
            faulted = true;
            throw;
        }
    }

    /// <summary>Writes the footer and closes the file (drops it after a failed write).</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (faulted)
        {
            file.Abort();
        }
        else
        {
            file.Dispose();
        }
    }
}
