using System.Reflection;
using RiskSim.Output;

namespace RiskSim.Cli;

/// <summary>Turns a failure to write the results into a <see cref="UserError"/> naming the user's <c>--out</c> folder.</summary>
public static class OutputErrors
{
    /// <summary>
    /// The user error for <paramref name="exception"/>, raised while writing into <paramref name="outputDirectory"/>.
    /// The internal temporary folder is never named: it is gone by the time the user reads the message.
    /// </summary>
    /// <param name="outputDirectory">The folder as the user gave it.</param>
    /// <param name="exception">What the file system said.</param>
    /// <param name="directory">The results folder, when it was opened (to map its temporary paths back).</param>
    public static UserError Translate(string outputDirectory, Exception exception, ResultsDirectory? directory = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ResultsFolderException { Problem: ResultsFolderProblem.NotEmpty } e => new UserError(
                $"{e.Message} Pass --force to replace them, or choose another --out folder."),
            ResultsFolderException { Problem: ResultsFolderProblem.CommitIncomplete } e => new UserError(
                $"{e.Message} Run again with --force to write a complete set."),
            ResultsFolderException e => new UserError(e.Message),
            _ when ResultsDirectory.IsDiskFull(exception) => new UserError(
                $"{outputDirectory}: cannot write results: the disk is full (no space left on device). "
                + "The results already there are unchanged; free some space or choose another --out folder."),
            _ => new UserError($"{outputDirectory}: cannot write results: {Reason(exception, outputDirectory, directory)}. "
                + "The results already there are unchanged."),
        };
    }

    private static string Reason(Exception exception, string outputDirectory, ResultsDirectory? directory)
    {
        string reason = directory?.Describe(exception) ?? ResultsDirectory.DescribeIoError(exception, null, outputDirectory);

        // Belt and braces: a path inside the temporary folder must not show even if a message holds one.
        int at = reason.IndexOf(ResultsDirectory.TemporaryPrefix, StringComparison.Ordinal);
        return at < 0 ? reason : reason[..at].TrimEnd('/', '\\', '\'', ' ', ':');
    }

    /// <summary>
    /// Opens the results folder of a command (lock, stale temporary folders, refusal of a
    /// non-empty folder without <c>--force</c>), turning every failure into a plain <see cref="UserError"/>.
    /// </summary>
    /// <param name="outputDirectory">The <c>--out</c> folder as the user gave it.</param>
    /// <param name="force">Replace the results of a folder that is not empty.</param>
    public static ResultsDirectory OpenResults(string outputDirectory, bool force)
    {
        try
        {
            return ResultsDirectory.Create(outputDirectory, replaceExisting: force);
        }
        catch (ResultsFolderException e)
        {
            throw Translate(outputDirectory, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserError($"{outputDirectory}: cannot create the output directory: {ResultsDirectory.DescribeIoError(e, null, outputDirectory)}.");
        }
    }

    /// <summary>The engine's version for provenance metadata (without the source-revision suffix).</summary>
    public static string EngineVersion() =>
        typeof(RiskSim.Core.Engine.CompiledModel).Assembly
            .GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? "unknown";

    /// <summary>Says what was found of earlier runs that were killed, so nothing is removed silently.</summary>
    /// <param name="directory">The opened results folder.</param>
    /// <param name="error">Where to say it (stderr).</param>
    public static void ReportLeftovers(ResultsDirectory directory, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(error);
        foreach (string stale in directory.RemovedStaleTemporaryDirectories)
        {
            error.WriteLine($"risksim: removed {stale}, the unfinished temporary folder of an earlier run that was killed.");
        }

        foreach (string old in directory.OldStyleTemporaryDirectories)
        {
            error.WriteLine($"risksim: note: {old} looks like the unfinished temporary folder of an older RiskSim run; delete it if no such run is still going.");
        }
    }
}
