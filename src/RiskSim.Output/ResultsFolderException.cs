namespace RiskSim.Output;

/// <summary>What stopped a results folder from being opened or committed.</summary>
public enum ResultsFolderProblem
{
    /// <summary>The folder already holds entries and replacing them was not asked for.</summary>
    NotEmpty,

    /// <summary>Another run holds the folder's lock.</summary>
    Busy,

    /// <summary>A result file's place is taken by something that cannot be replaced; nothing was changed.</summary>
    NotReplaceable,

    /// <summary>The commit failed after it had started replacing files; the manifest is absent.</summary>
    CommitIncomplete,
}

/// <summary>
/// A results folder could not be used or completed. The message is in plain words and names the
/// user's folder (never the internal temporary folder), so a command line can print it as is.
/// </summary>
public sealed class ResultsFolderException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What went wrong.</param>
    /// <param name="message">Plain-words description naming the folder.</param>
    /// <param name="innerException">The underlying file-system error, if any.</param>
    public ResultsFolderException(ResultsFolderProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    /// <summary>What went wrong.</summary>
    public ResultsFolderProblem Problem { get; }
}
