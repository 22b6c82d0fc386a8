using System.Globalization;

namespace RiskSim.Output;

/// <summary>
/// The exclusive lock a run holds on its results folder: <see cref="ResultsDirectory.LockFileName"/>
/// opened with <see cref="FileShare.None"/>, which .NET on Linux and macOS turns into
/// <c>flock(LOCK_EX | LOCK_NB)</c>, so it excludes other processes (and other opens in this one), and
/// the kernel drops it when the process dies, even by SIGKILL: a stale lock file never blocks anyone.
/// </summary>
internal sealed class ResultsFolderLock : IDisposable
{
    // "Resource temporarily unavailable" (EWOULDBLOCK) on Linux; sharing/lock violation on Windows.
    private const int Ewouldblock = 11;
    private const int WindowsSharingViolation = unchecked((int)0x80070020);
    private const int WindowsLockViolation = unchecked((int)0x80070021);

    private readonly string path;
    private readonly FileStream stream;

    private ResultsFolderLock(string path, FileStream stream)
    {
        this.path = path;
        this.stream = stream;
    }

    /// <summary>Takes the lock of <paramref name="folder"/>, or throws <see cref="ResultsFolderException"/> (busy).</summary>
    internal static ResultsFolderLock Acquire(string folder)
    {
        string path = Path.Combine(folder, ResultsDirectory.LockFileName);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e.HResult is Ewouldblock or WindowsSharingViolation or WindowsLockViolation)
            {
                throw Busy(folder, e);
            }

            // Who holds it, for a person looking at the folder.
            stream.SetLength(0);
            stream.Write(System.Text.Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}\n")));
            stream.Flush();

            // The holder before us deletes the file while still holding it. If we opened that file just
            // before it was deleted, we now lock a file no one else can see, while a third run may lock a
            // new one at the same path. Our write just set our file's modification time; the path must
            // show the same time, or it is another file and we try again.
            if (File.GetLastWriteTimeUtc(stream.SafeFileHandle) == File.GetLastWriteTimeUtc(path))
            {
                return new ResultsFolderLock(path, stream);
            }

            stream.Dispose();
        }

        throw Busy(folder, null);
    }

    /// <summary>Deletes the lock file, then releases the lock (in that order: see <see cref="Acquire"/>).</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A lock file left behind is harmless: the lock itself dies with the file handle.
        }

        stream.Dispose();
    }

    private static ResultsFolderException Busy(string folder, Exception? inner) => new(
        ResultsFolderProblem.Busy,
        $"{folder}: another risksim run is writing into this folder (it holds {ResultsDirectory.LockFileName}); "
        + "wait for it to finish, or choose another folder.",
        inner);
}
