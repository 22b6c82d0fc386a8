using System.Security.Cryptography;
using System.Text;

namespace RiskSim.Output;

/// <summary>
/// Rewrites one derived file of a committed result set in place (e.g. <c>report.html</c> rebuilt
/// from <c>result.json</c> by <c>risksim report</c>), keeping the set honest: under the folder's
/// lock, written into a temporary folder inside it, renamed over the old file, and its new size and
/// SHA-256 recorded in <c>_manifest.json</c> (itself replaced by a rename), so
/// <see cref="ResultsManifest.Check"/> still passes afterwards. The data files are not touched.
/// </summary>
public static class ResultsFileRefresh
{
    /// <summary>Replaces (or adds) <paramref name="fileName"/> in the complete set at <paramref name="folder"/>.</summary>
    /// <param name="folder">A results folder holding a complete set (a manifest).</param>
    /// <param name="fileName">Bare name of the derived file, e.g. <c>report.html</c>.</param>
    /// <param name="write">Writes the new file at the path it is given.</param>
    /// <returns>The updated manifest.</returns>
    /// <exception cref="ResultsFolderException">Another run holds the folder (<see cref="ResultsFolderProblem.Busy"/>), or it holds no complete set.</exception>
    public static ResultsManifest Replace(string folder, string fileName, Action<string> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(write);
        if (Path.GetFileName(fileName) != fileName || fileName is ResultsDirectory.ManifestFileName or ResultsDirectory.LockFileName
            || fileName.StartsWith(ResultsDirectory.TemporaryPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Expected a bare result file name, got '{fileName}'.", nameof(fileName));
        }

        string final = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        using var held = ResultsFolderLock.Acquire(final);
        ResultsManifest? read;
        try
        {
            read = ResultsManifest.Read(final);
        }
        catch (InvalidDataException e)
        {
            throw new ResultsFolderException(
                ResultsFolderProblem.NotReplaceable,
                $"{e.Message} So {folder} holds no complete result set; nothing was changed. Run `risksim run` again.",
                e);
        }

        var manifest = read ?? throw new ResultsFolderException(
            ResultsFolderProblem.NotReplaceable,
            $"{folder}: has no {ResultsDirectory.ManifestFileName}, so it holds no complete result set; nothing was changed. Run `risksim run` again.");

        // A temporary folder with the run's prefix: if this is killed, the next run removes it.
        string temporary = Path.Combine(final, ResultsDirectory.TemporaryPrefix + "refresh-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(temporary);
        try
        {
            string staged = Path.Combine(temporary, fileName);
            write(staged);
            ResultsManifestFile entry;
            using (var stream = new FileStream(staged, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                entry = new ResultsManifestFile(fileName, stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
                stream.Flush(flushToDisk: true);
            }

            var updated = manifest with
            {
                Files = [.. manifest.Files.Where(f => f.Name != fileName).Append(entry).OrderBy(f => f.Name, StringComparer.Ordinal)],
            };
            string stagedManifest = Path.Combine(temporary, ResultsDirectory.ManifestFileName);
            using (var stream = new FileStream(stagedManifest, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encoding.UTF8.GetBytes(updated.ToJson()));
                stream.Flush(flushToDisk: true);
            }

            // The file first, then the manifest that describes it: each a rename, so a reader sees the
            // old file or the new one; a crash between the two leaves a manifest whose check names the file.
            File.Move(staged, Path.Combine(final, fileName), overwrite: true);
            File.Move(stagedManifest, Path.Combine(final, ResultsDirectory.ManifestFileName), overwrite: true);
            return updated;
        }
        finally
        {
            Directory.Delete(temporary, recursive: true);
        }
    }
}
