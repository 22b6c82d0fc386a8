using System.Globalization;
using System.Security.Cryptography;

namespace RiskSim.Output;

/// <summary>
/// Writes a run's result files atomically from the reader's point of view: writers write into a
/// sibling temporary directory (<c>&lt;finalDir&gt;.tmp-&lt;random&gt;</c>) and <see cref="Commit"/> moves
/// the finished files into the final directory. Disposing without committing deletes the temporary
/// directory, so a failed or cancelled run leaves nothing partial behind.
/// </summary>
/// <remarks>
/// Each file is moved with a single rename, so a reader sees either the old file or the complete new
/// one; the set of files is not swapped as one unit (a crash during <see cref="Commit"/> may leave
/// some files new and some old). Close every writer (dispose the sinks) before committing.
/// </remarks>
public sealed class ResultsDirectory : IDisposable
{
    private bool committed;
    private bool disposed;

    private ResultsDirectory(string finalDirectory, string temporaryDirectory)
    {
        FinalDirectory = finalDirectory;
        TemporaryDirectory = temporaryDirectory;
    }

    /// <summary>Full path of the directory the files end up in.</summary>
    public string FinalDirectory { get; }

    /// <summary>Full path of the temporary directory the writers write into.</summary>
    public string TemporaryDirectory { get; }

    /// <summary>
    /// Creates the temporary directory beside <paramref name="finalDir"/> (its parent is created if
    /// needed; <paramref name="finalDir"/> itself is only created by <see cref="Commit"/>).
    /// </summary>
    /// <param name="finalDir">Directory that receives the files on <see cref="Commit"/>.</param>
    public static ResultsDirectory Create(string finalDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(finalDir);
        string final = Path.TrimEndingDirectorySeparator(Path.GetFullPath(finalDir));
        if (Path.GetDirectoryName(final) is null)
        {
            throw new ArgumentException($"The results directory cannot be a filesystem root: {final}.", nameof(finalDir));
        }

        string suffix = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLower(CultureInfo.InvariantCulture);
        string temporary = final + ".tmp-" + suffix;
        Directory.CreateDirectory(temporary);
        return new ResultsDirectory(final, temporary);
    }

    /// <summary>Path of <paramref name="fileName"/> (a bare file name, such as <c>trials.parquet</c>) inside the temporary directory.</summary>
    /// <param name="fileName">File name without any directory part.</param>
    public string PathFor(string fileName)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (Path.GetFileName(fileName) != fileName || fileName is "." or "..")
        {
            throw new ArgumentException($"Expected a bare file name, got '{fileName}'.", nameof(fileName));
        }

        if (committed)
        {
            throw new InvalidOperationException("The results directory has already been committed.");
        }

        return Path.Combine(TemporaryDirectory, fileName);
    }

    /// <summary>
    /// Moves every file of the temporary directory into <see cref="FinalDirectory"/> (created if
    /// needed; same-named files are replaced) and deletes the temporary directory.
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed)
        {
            throw new InvalidOperationException("The results directory has already been committed.");
        }

        if (Directory.EnumerateDirectories(TemporaryDirectory).Any())
        {
            throw new InvalidOperationException($"Unexpected subdirectory in {TemporaryDirectory}; only files are committed.");
        }

        Directory.CreateDirectory(FinalDirectory);
        string[] files = Directory.GetFiles(TemporaryDirectory);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (string file in files)
        {
            File.Move(file, Path.Combine(FinalDirectory, Path.GetFileName(file)), overwrite: true);
        }

        Directory.Delete(TemporaryDirectory, recursive: true);
        committed = true;
    }

    /// <summary>Deletes the temporary directory and its files unless <see cref="Commit"/> has run.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (committed)
        {
            return;
        }

        try
        {
            if (Directory.Exists(TemporaryDirectory))
            {
                Directory.Delete(TemporaryDirectory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best-effort cleanup: Dispose often runs while another exception unwinds, which must win.
        }
    }
}
