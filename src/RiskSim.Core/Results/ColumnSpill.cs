using System.Runtime.InteropServices;

namespace RiskSim.Core.Results;

/// <summary>
/// An append-only temporary file of double columns, written a block of rows at a time and read back
/// one whole column at a time. Each block is stored column after column ([column][row of block]), so a
/// column is read back with one positioned read per block and no seeking through other columns' rows.
/// </summary>
/// <remarks>
/// The file is removed from its folder as soon as it is opened (on Unix; on Windows it is deleted when
/// closed), so a killed process leaves nothing behind and a results folder never lists it. Its pages
/// live in the operating system's file cache, which is not the process's memory: what the process holds
/// is one block of rows while writing and one column while reading.
/// </remarks>
internal sealed class ColumnSpill : IDisposable
{
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle handle;
    private readonly List<(long Offset, int Rows)> blocks = [];
    private double[] transposed = [];
    private long length;
    private int pendingRows;

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

    /// <summary>Appends the block filled through <see cref="NextBlock"/>.</summary>
    internal void Append()
    {
        int rows = pendingRows;
        pendingRows = 0;
        if (rows == 0)
        {
            return;
        }

        int size = rows * Columns;
        RandomAccess.Write(handle, MemoryMarshal.AsBytes(transposed.AsSpan(0, size)), length);
        blocks.Add((length, rows));
        length += (long)size * sizeof(double);
        Rows = checked(Rows + rows);
    }

    /// <summary>Reads column <paramref name="column"/> of every row so far into the start of <paramref name="destination"/>.</summary>
    internal void Read(int column, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)column, (uint)Columns, nameof(column));
        if (destination.Length < Rows)
        {
            throw new ArgumentException($"needs room for {Rows} rows.", nameof(destination));
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
