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
}
