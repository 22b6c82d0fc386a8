using Parquet;
using Parquet.Schema;

namespace RiskSim.Output.Shards;

/// <summary>Reading a shard's small Parquet files (<c>unadjusted.parquet</c>, <c>lac_fan.parquet</c>) column by column.</summary>
internal static class ShardParquet
{
    /// <summary>
    /// Opens <paramref name="path"/> and hands <paramref name="read"/> the reader and a lookup of the
    /// columns it wants (a missing one, or one of another type, is a <see cref="ShardSetException"/>
    /// naming the file); closes it after.
    /// </summary>
    internal static void Read(string path, Action<ParquetReader, Func<DataField, DataField>> read)
    {
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            var fields = reader.Schema.GetDataFields();
            read(
                reader,
                wanted => fields.FirstOrDefault(f => f.Name == wanted.Name && f.ClrType == wanted.ClrType)
                    ?? throw new ShardSetException($"{path}: no column {wanted.Name}."));
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Reads <paramref name="field"/> of a row group into <paramref name="values"/> (its row count long).</summary>
    internal static void Column<T>(ParquetRowGroupReader group, DataField field, Memory<T> values)
        where T : struct =>
        group.ReadAsync<T>(field, values).AsTask().GetAwaiter().GetResult();
}
