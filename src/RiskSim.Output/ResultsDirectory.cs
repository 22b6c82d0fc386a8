using System.Globalization;
using System.Security.Cryptography;
using RiskSim.Core.Results;
using RiskSim.Core.Threading;

namespace RiskSim.Output;

/// <summary>
/// A run's results folder, replaced as a set: it holds either the previous complete set or the new
/// complete set, never a mixture or a truncated file, whatever filesystem it is on.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Create"/> takes an exclusive lock (<see cref="LockFileName"/>, an flock(2) lock on Linux)
/// so a second run into the same folder is refused, removes temporary folders left by runs that were
/// killed, refuses a non-empty folder unless asked to replace it, and makes a temporary folder
/// <em>inside</em> the results folder. Being on the same filesystem, every file of the new set is then
/// moved into place by a rename, which never copies and so cannot run out of space half-way.
/// </para>
/// <para>
/// <see cref="Commit"/> first flushes every new file to disk, hashes it and stages the manifest, all
/// without touching the old set; then it deletes the old manifest, renames the new files over the old
/// ones, deletes old result files that are not in the new set, and renames the manifest in last. A
/// folder without <see cref="ManifestFileName"/> therefore never passes for a complete set.
/// Disposing without committing deletes the temporary folder, the lock file and any folder
/// <see cref="Create"/> made, so a failed or cancelled run leaves nothing behind.
/// </para>
/// </remarks>
public sealed class ResultsDirectory : IDisposable
{
    /// <summary>Name of the manifest that marks a complete set; written last.</summary>
    public const string ManifestFileName = "_manifest.json";

    /// <summary>Name of the lock file held while a run writes into the folder.</summary>
    public const string LockFileName = ".risksim.lock";

    /// <summary>Start of the name of a run's temporary folder inside the results folder.</summary>
    public const string TemporaryPrefix = ".risksim-tmp-";

    // errno values as .NET reports them in IOException.HResult on Linux, and Windows' HRESULTs.
    private const int Enospc = 28;
    private const int Edquot = 122;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    private readonly ResultsFolderLock folderLock;
    private readonly IReadOnlyList<string> createdDirectories;
    private bool committed;
    private bool disposed;

    private ResultsDirectory(
        string finalDirectory,
        string temporaryDirectory,
        ResultsFolderLock folderLock,
        IReadOnlyList<string> createdDirectories,
        IReadOnlyList<string> removedStale,
        IReadOnlyList<string> oldStyle)
    {
        FinalDirectory = finalDirectory;
        TemporaryDirectory = temporaryDirectory;
        this.folderLock = folderLock;
        this.createdDirectories = createdDirectories;
        RemovedStaleTemporaryDirectories = removedStale;
        OldStyleTemporaryDirectories = oldStyle;
    }

    /// <summary>Full path of the folder the files end up in.</summary>
    public string FinalDirectory { get; }

    /// <summary>Full path of the temporary folder (inside <see cref="FinalDirectory"/>) the writers write into.</summary>
    public string TemporaryDirectory { get; }

    /// <summary>Temporary folders of earlier runs that were killed before they could clean up; <see cref="Create"/> deleted them.</summary>
    public IReadOnlyList<string> RemovedStaleTemporaryDirectories { get; }

    /// <summary>
    /// Sibling folders named <c>&lt;folder&gt;.tmp-*</c>, the temporary folders of RiskSim versions before
    /// 0.2. They are reported, not deleted: an older version may still be running and own one.
    /// </summary>
    public IReadOnlyList<string> OldStyleTemporaryDirectories { get; }

    /// <summary>Moves a file over another (same filesystem). Tests replace it to make a commit fail half-way.</summary>
    internal Action<string, string> MoveFile { get; set; } = static (from, to) => File.Move(from, to, overwrite: true);

    /// <summary>
    /// Opens <paramref name="finalDir"/> for a new result set (creating it and missing parents if needed):
    /// takes the lock, removes temporary folders of killed runs, and creates the temporary folder.
    /// </summary>
    /// <param name="finalDir">Folder that receives the files on <see cref="Commit"/>.</param>
    /// <param name="replaceExisting">
    /// Allow a folder that already holds entries (other than the lock and temporary folders); without it
    /// such a folder is refused and left exactly as it was.
    /// </param>
    /// <exception cref="ResultsFolderException">The folder is not empty, or another run holds its lock.</exception>
    /// <exception cref="IOException">The folder cannot be created or written.</exception>
    public static ResultsDirectory Create(string finalDir, bool replaceExisting = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(finalDir);
        string final = Path.TrimEndingDirectorySeparator(Path.GetFullPath(finalDir));
        string? parent = Path.GetDirectoryName(final);
        if (parent is null)
        {
            throw new ArgumentException($"The results directory cannot be a filesystem root: {final}.", nameof(finalDir));
        }

        var created = MissingDirectories(final);
        Directory.CreateDirectory(final);
        ResultsFolderLock? held = null;
        try
        {
            held = ResultsFolderLock.Acquire(final);

            // With the lock held no other run is writing here, so any temporary folder is a dead run's.
            var removed = new List<string>();
            foreach (string stale in Directory.EnumerateDirectories(final, TemporaryPrefix + "*").Order(StringComparer.Ordinal))
            {
                Directory.Delete(stale, recursive: true);
                removed.Add(stale);
            }

            string[] oldStyle = [.. Directory.EnumerateDirectories(parent, Path.GetFileName(final) + ".tmp-*").Order(StringComparer.Ordinal)];

            string[] entries = [.. Directory.EnumerateFileSystemEntries(final)
                .Select(p => Path.GetFileName(p)!)
                .Where(n => n != LockFileName && !n.StartsWith(TemporaryPrefix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)];
            if (entries.Length > 0 && !replaceExisting)
            {
                string shown = string.Join(", ", entries.Take(4)) + (entries.Length > 4 ? ", …" : "");
                throw new ResultsFolderException(
                    ResultsFolderProblem.NotEmpty,
                    $"{final}: the folder is not empty (it holds {shown}); its results would be replaced.");
            }

            string suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            string temporary = Path.Combine(final, string.Create(CultureInfo.InvariantCulture, $"{TemporaryPrefix}{Environment.ProcessId}-{suffix}"));
            Directory.CreateDirectory(temporary);
            return new ResultsDirectory(final, temporary, held, created, removed, oldStyle);
        }
        catch
        {
            held?.Dispose();
            RemoveIfEmpty(created);
            throw;
        }
    }

    /// <summary>True when <paramref name="exception"/> says the disk (or the user's quota) is full.</summary>
    /// <param name="exception">An exception from a file operation.</param>
    public static bool IsDiskFull(Exception exception) =>
        exception is IOException { HResult: Enospc or Edquot or WindowsDiskFull or WindowsHandleDiskFull };

    /// <summary>
    /// Path of <paramref name="fileName"/> (a bare file name, such as <c>trials.parquet</c>) inside the
    /// temporary folder. The manifest, lock and temporary names are reserved.
    /// </summary>
    /// <param name="fileName">File name without any directory part.</param>
    public string PathFor(string fileName)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (Path.GetFileName(fileName) != fileName || fileName is "." or ".." or ManifestFileName or LockFileName
            || fileName.StartsWith(TemporaryPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Expected a bare result file name, got '{fileName}'.", nameof(fileName));
        }

        if (committed)
        {
            throw new InvalidOperationException("The results directory has already been committed.");
        }

        return Path.Combine(TemporaryDirectory, fileName);
    }

    /// <summary>
    /// Replaces the folder's result set with the files of the temporary folder and writes the manifest
    /// last. Close every writer (dispose the sinks) first.
    /// </summary>
    /// <param name="meta">The run, recorded in the manifest.</param>
    /// <param name="cancellationToken">Honoured until the first file of the old set is touched, not after.</param>
    /// <returns>The manifest written.</returns>
    /// <exception cref="ResultsFolderException">
    /// <see cref="ResultsFolderProblem.NotReplaceable"/> (nothing changed) or
    /// <see cref="ResultsFolderProblem.CommitIncomplete"/> (the manifest is absent).
    /// </exception>
    public ResultsManifest Commit(RunMetadata meta, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed)
        {
            throw new InvalidOperationException("The results directory has already been committed.");
        }

        if (Directory.EnumerateDirectories(TemporaryDirectory).Any())
        {
            throw new InvalidOperationException($"Unexpected subdirectory in {TemporaryDirectory}; only files are committed.");
        }

        // Stage everything first: the new files reach the disk (a crash after the renames must not
        // expose unwritten blocks) and the manifest is complete before the old set is touched.
        string[] files = Directory.GetFiles(TemporaryDirectory);
        Array.Sort(files, StringComparer.Ordinal);
        // Hashing and fsync are most of a large run's commit (about 0.9 GB at 10^6 trials), and each file
        // is independent: all at once, the manifest's entries still in name order.
        cancellationToken.ThrowIfCancellationRequested();
        var entries = new ResultsManifestFile[files.Length];
        ParallelWork.RunAll([.. files.Select((file, i) => (Action)(() => entries[i] = FlushAndDescribe(file)))], Environment.ProcessorCount);
        cancellationToken.ThrowIfCancellationRequested();

        var manifest = new ResultsManifest(
            ResultsManifest.CurrentFormat, meta.ScenarioName, meta.ScenarioSha256, meta.Seed, meta.Trials, meta.EngineVersion,
            RunMetadata.SchemaVersion, DateTimeOffset.UtcNow, entries);
        string stagedManifest = Path.Combine(TemporaryDirectory, ManifestFileName);
        using (var stream = new FileStream(stagedManifest, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(manifest.ToJson()));
            stream.Flush(flushToDisk: true);
        }

        foreach (string name in entries.Select(e => e.Name).Append(ManifestFileName))
        {
            if (Directory.Exists(Path.Combine(FinalDirectory, name)))
            {
                throw new ResultsFolderException(
                    ResultsFolderProblem.NotReplaceable,
                    $"{FinalDirectory}: {name} is a folder, so the new {name} cannot replace it; nothing was changed. Move it away and run again.");
            }
        }

        var oldSet = OldSetNames();
        cancellationToken.ThrowIfCancellationRequested();

        // From here on the old set changes; only renames and deletes follow, which need no free space.
        string current = ManifestFileName;
        try
        {
            File.Delete(Path.Combine(FinalDirectory, ManifestFileName));
            foreach (var entry in entries)
            {
                current = entry.Name;
                MoveFile(Path.Combine(TemporaryDirectory, entry.Name), Path.Combine(FinalDirectory, entry.Name));
            }

            var newSet = entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            foreach (string name in oldSet.Where(n => !newSet.Contains(n)))
            {
                current = name;
                File.Delete(Path.Combine(FinalDirectory, name));
            }

            current = ManifestFileName;
            MoveFile(stagedManifest, Path.Combine(FinalDirectory, ManifestFileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultsFolderException(
                ResultsFolderProblem.CommitIncomplete,
                $"{FinalDirectory}: replacing the results failed half-way, at {current} ({Describe(e)}). The folder may now hold "
                + $"files of two runs; {ManifestFileName} is absent, which marks it as not a complete set.",
                e);
        }

        committed = true;
        TryDelete(TemporaryDirectory);
        return manifest;
    }

    /// <summary>
    /// A plain-words reason for a file-system error, naming the results folder rather than the temporary
    /// folder inside it.
    /// </summary>
    /// <param name="exception">An exception from a file operation on this folder.</param>
    public string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return DescribeIoError(exception, TemporaryDirectory, FinalDirectory);
    }

    /// <summary>
    /// A plain-words reason for a file-system error; any mention of <paramref name="temporaryDirectory"/>
    /// is replaced by <paramref name="finalDirectory"/>, as the temporary folder means nothing to a user.
    /// </summary>
    /// <param name="exception">An exception from a file operation.</param>
    /// <param name="temporaryDirectory">The temporary folder to hide, if any.</param>
    /// <param name="finalDirectory">The folder to name instead.</param>
    public static string DescribeIoError(Exception exception, string? temporaryDirectory, string finalDirectory)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (IsDiskFull(exception))
        {
            return "the disk is full (no space left on device)";
        }

        if (exception is UnauthorizedAccessException)
        {
            return "permission denied";
        }

        string message = exception.Message;
        if (!string.IsNullOrEmpty(temporaryDirectory))
        {
            message = message.Replace(temporaryDirectory, finalDirectory, StringComparison.Ordinal);
        }

        return message.TrimEnd('.');
    }

    /// <summary>Deletes the temporary folder, the lock and any folder <see cref="Create"/> made, unless <see cref="Commit"/> has run.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!committed)
        {
            TryDelete(TemporaryDirectory);
        }

        folderLock.Dispose();
        if (!committed)
        {
            RemoveIfEmpty(createdDirectories);
        }
    }

    private static ResultsManifestFile FlushAndDescribe(string path)
    {
        // Write access so that Flush(true) reaches fsync(2); the writers closed their streams without it.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16);
        string sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        stream.Flush(flushToDisk: true);
        return new ResultsManifestFile(Path.GetFileName(path), stream.Length, sha);
    }

    /// <summary>The files of the set being replaced, as its manifest lists them (none without a readable manifest).</summary>
    private string[] OldSetNames()
    {
        try
        {
            var old = ResultsManifest.Read(FinalDirectory);
            return old is null
                ? []
                : [.. old.Files.Select(f => f.Name).Where(n => Path.GetFileName(n) == n && n is not (ManifestFileName or LockFileName or "." or ".."))];
        }
        catch (InvalidDataException)
        {
            // Not ours to interpret: same-named files are still replaced, nothing else is deleted.
            return [];
        }
    }

    /// <summary><paramref name="path"/> and its ancestors that do not exist yet, deepest first.</summary>
    private static List<string> MissingDirectories(string path)
    {
        var missing = new List<string>();
        for (string? p = path; p is not null && !Directory.Exists(p) && !File.Exists(p); p = Path.GetDirectoryName(p))
        {
            missing.Add(p);
        }

        return missing;
    }

    private static void RemoveIfEmpty(IReadOnlyList<string> directories)
    {
        foreach (string directory in directories)
        {
            try
            {
                Directory.Delete(directory, recursive: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not empty (another run wrote into it meanwhile) or gone: leave it and its parents.
                return;
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best-effort cleanup: Dispose often runs while another exception unwinds, which must win.
            // A folder left here is removed by the next run into this folder, under the lock.
        }
    }
}
