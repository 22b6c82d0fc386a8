using System.Runtime.InteropServices;

namespace RiskSim.Core.Results;

/// <summary>
/// An append-only temporary file of double columns, written a block of rows at a time and read back
/// one whole column at a time. Blocks are gathered in memory into chunks of up to <see cref="ChunkRows"/>
/// rows, and each chunk is stored column after column ([column][row of chunk]), so a column is read back
/// with one positioned read per chunk and no seeking through other columns' rows.
/// </summary>
/// <remarks>
/// <para>
/// The file is removed from its folder as soon as it is opened (on Unix; on Windows it is deleted when
/// closed), so a killed process leaves nothing behind and a results folder never lists it. Its pages
/// live in the operating system's file cache, which is not the process's memory: what the process holds
/// is one block of rows and one chunk while writing, and one column while reading.
/// </para>
/// <para>
/// Why chunks: the run hands over blocks of 64 trials; stored one by one, a column read back took a
/// system call per 512 bytes (15,625 a column at 10⁶ trials, 1.8 million for the 114 columns of a
/// Staffordshire summary), and writing took one per block. A chunk of 4,096 rows makes it 245 reads
/// of 32 KB a column, for a fixed 4,096 × columns × 8 bytes of memory (3.7 MB for 114 columns). The
/// gain is modest: a 10⁶-trial run's kernel CPU went from 2.5 s to 2.1 s (one run each).
/// </para>
/// </remarks>
internal sealed class ColumnSpill : IDisposable
{
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle handle;
    private readonly List<(long Offset, int Rows)> blocks = [];
    private readonly Lock flushing = new();
    private double[] transposed = [];
    private double[] chunk = [];
    private int chunkRows;
    private long length;
    private int pendingRows;

    /// <summary>Rows gathered in memory before they are written (the chunk's capacity; a larger block is written alone).</summary>
    internal const int ChunkRows = 4096;

    /// <summary>Creates an empty spill file of <paramref name="columns"/> columns in <paramref name="directory"/>.</summary>
    internal ColumnSpill(int columns, string directory)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        Columns = columns;
        string path = Path.Combine(directory, $".risksim-tmp-spill-{Environment.ProcessId}-{Guid.NewGuid():N}");
        handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            // The open handle keeps the data; the name goes now, so no crash can leave the file behind.
            File.Delete(path);
        }
    }

    /// <summary>Number of columns.</summary>
    internal int Columns { get; }

    /// <summary>Rows written so far.</summary>
    internal int Rows { get; private set; }

    /// <summary>
    /// A buffer for the next block of <paramref name="rows"/> rows, laid out column after column: column
    /// c is elements [c × rows, (c + 1) × rows). Fill it, then call <see cref="Append"/>.
    /// </summary>
    internal Span<double> NextBlock(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        int size = checked(rows * Columns);
        if (transposed.Length < size)
        {
            transposed = new double[size];
        }

        pendingRows = rows;
        return transposed.AsSpan(0, size);
    }

    /// <summary>Appends the block filled through <see cref="NextBlock"/> (to the chunk in memory, written when full).</summary>
    internal void Append()
    {
        int rows = pendingRows;
        pendingRows = 0;
        if (rows == 0)
        {
            return;
        }

        if (rows > ChunkRows)
        {
            // A block larger than a chunk is stored as it is, after what is gathered.
            Flush();
            Write(transposed, rows);
        }
        else
        {
            if (chunkRows + rows > ChunkRows)
            {
                Flush();
            }

            if (chunk.Length == 0)
            {
                chunk = new double[checked(ChunkRows * Columns)];
            }

            // Column c of the block goes after column c's rows so far: [column][row of chunk].
            for (int c = 0; c < Columns; c++)
            {
                transposed.AsSpan(c * rows, rows).CopyTo(chunk.AsSpan((c * ChunkRows) + chunkRows, rows));
            }

            Volatile.Write(ref chunkRows, chunkRows + rows);
        }

        Rows = checked(Rows + rows);
    }

    /// <summary>Writes the rows gathered in memory (if any) as one stored block.</summary>
    private void Flush()
    {
        int rows = chunkRows;
        if (rows == 0)
        {
            return;
        }

        if (rows < ChunkRows)
        {
            // A part-filled chunk: close the gaps so that its columns are stored back to back, as a
            // block of `rows` rows. Each column moves down (c × rows <= c × ChunkRows), in column order,
            // so no column is overwritten before it has moved; CopyTo allows the overlap.
            for (int c = 1; c < Columns; c++)
            {
                chunk.AsSpan(c * ChunkRows, rows).CopyTo(chunk.AsSpan(c * rows, rows));
            }
        }

        Write(chunk, rows);
        Volatile.Write(ref chunkRows, 0);
    }

    /// <summary>Stores <paramref name="rows"/> rows laid out [column][row] at the start of <paramref name="source"/> as the next block.</summary>
    private void Write(double[] source, int rows)
    {
        int size = rows * Columns;
        RandomAccess.Write(handle, MemoryMarshal.AsBytes(source.AsSpan(0, size)), length);
        blocks.Add((length, rows));
        length += (long)size * sizeof(double);
    }

    /// <summary>Reads column <paramref name="column"/> of every row so far into the start of <paramref name="destination"/>.</summary>
    internal void Read(int column, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)column, (uint)Columns, nameof(column));
        if (destination.Length < Rows)
        {
            throw new ArgumentException($"needs room for {Rows} rows.", nameof(destination));
        }

        // Rows still in memory are written first, once (several columns may be read at once).
        if (Volatile.Read(ref chunkRows) != 0)
        {
            lock (flushing)
            {
                Flush();
            }
        }

        int at = 0;
        foreach (var (offset, rows) in blocks)
        {
            var bytes = MemoryMarshal.AsBytes(destination.Slice(at, rows));
            long from = offset + ((long)column * rows * sizeof(double));
            int read = 0;
            while (read < bytes.Length)
            {
                int n = RandomAccess.Read(handle, bytes[read..], from + read);
                if (n == 0)
                {
                    throw new IOException("the summary's temporary file ended early.");
                }

                read += n;
            }

            at += rows;
        }
    }

    /// <summary>Closes (and so deletes) the file.</summary>
    public void Dispose() => handle.Dispose();
}
