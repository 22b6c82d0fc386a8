using Parquet;
using Parquet.Schema;
using RiskSim.Core.Results;

namespace RiskSim.Output;

/// <summary>
/// A synchronous face on Parquet.Net's asynchronous writer: one output file, written row group by
/// row group from column arrays.
/// </summary>
/// <remarks>
/// Parquet.Net 6 only offers async writes, while <see cref="ITrialSink.Accept"/> is synchronous and
/// runs on the engine's single consumer thread. We block on each task with
/// <c>GetAwaiter().GetResult()</c> rather than spreading async through the engine: Parquet.Net's
/// awaits do not capture a context we depend on, there is no single-threaded SynchronizationContext
/// in the CLI or test runners to deadlock on, and exceptions surface unwrapped (not as
/// AggregateException). The file is local, buffered and written in large column chunks, so the
/// blocked thread waits little. An async API as well would add a second code path without letting
/// the engine do anything useful while it waits (the sink is the consumer of the block pipeline).
/// </remarks>
internal sealed class ParquetFile : IDisposable
{
    private static readonly ParquetOptions Options = new() { CompressionMethod = CompressionMethod.Snappy, DictionaryEncodingSampleSize = 256 };

    private readonly string path;
    private readonly FileStream stream;
    private readonly ParquetWriter writer;
    private bool disposed;

    private ParquetFile(string path, FileStream stream, ParquetWriter writer)
    {
        this.path = path;
        this.stream = stream;
        this.writer = writer;
    }

    /// <summary>Creates (or truncates) <paramref name="path"/> and writes the header.</summary>
    internal static ParquetFile Create(string path, ParquetSchema schema, RunMetadata meta, IReadOnlyList<KeyValuePair<string, string>>? extraMetadata = null)
    {
        var metadata = OutputMetadata.For(meta);
        foreach (var (key, value) in extraMetadata ?? [])
        {
            metadata.Add(key, value);
        }

        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16);
        try
        {
            var writer = ParquetWriter.CreateAsync(schema, stream, Options).GetAwaiter().GetResult();
            writer.CustomMetadata = metadata;
            return new ParquetFile(path, stream, writer);
        }
        catch
        {
            stream.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Replaces the key-value metadata written in the footer when the file is closed.</summary>
    internal void UpdateMetadata(RunMetadata meta) => writer.CustomMetadata = OutputMetadata.For(meta);

    /// <summary>
    /// Writes <paramref name="rows"/> rows with <paramref name="writeColumns"/> as one row group (none
    /// when there are no rows), then closes the file; on failure deletes the partial file.
    /// </summary>
    internal static void WriteSingleRowGroup(string path, ParquetSchema schema, RunMetadata meta, int rows, Action<RowGroup> writeColumns, IReadOnlyList<KeyValuePair<string, string>>? extraMetadata = null)
    {
        var file = Create(path, schema, meta, extraMetadata);
        try
        {
            if (rows > 0)
            {
                using var group = file.BeginRowGroup();
                writeColumns(group);
                group.Complete();
            }
        }
        catch
        {
            file.Abort();
            throw;
        }

        file.Dispose();
    }

    /// <summary>Starts a row group; write every column in schema order, then <see cref="RowGroup.Complete"/>.</summary>
    internal RowGroup BeginRowGroup()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return new RowGroup(writer.CreateRowGroup());
    }

    /// <summary>Writes the footer (with the key-value metadata) and closes the file.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            stream.Dispose();
        }
    }

    /// <summary>
    /// Abandons a file whose writing failed: closes it without a footer and deletes it, without
    /// throwing, so the original exception is the one reported.
    /// </summary>
    internal void Abort()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            stream.Dispose();
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a ResultsDirectory deletes its temporary directory anyway.
        }
    }

    /// <summary>One row group being written.</summary>
    internal sealed class RowGroup : IDisposable
    {
        private readonly ParquetRowGroupWriter inner;

        internal RowGroup(ParquetRowGroupWriter inner) => this.inner = inner;

        /// <summary>Writes a required column (strings as <see cref="ReadOnlyMemory{T}"/> of char).</summary>
        internal void Write<T>(DataField field, ReadOnlyMemory<T> values)
            where T : struct =>
            inner.WriteAsync(field, values).GetAwaiter().GetResult();

        /// <summary>Writes an optional column; null entries become Parquet nulls.</summary>
        internal void WriteNullable<T>(DataField field, ReadOnlyMemory<T?> values)
            where T : struct =>
            inner.WriteAsync(field, values).GetAwaiter().GetResult();

        /// <summary>Checks that every column has been written.</summary>
        internal void Complete() => inner.CompleteValidate();

        /// <summary>Records the row group in the footer.</summary>
        public void Dispose() => inner.Dispose();
    }
}
