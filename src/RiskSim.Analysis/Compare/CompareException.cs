namespace RiskSim.Analysis.Compare;

/// <summary>The two runs cannot be compared, or a results folder cannot be read as a run: a message for the user.</summary>
public sealed class CompareException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CompareException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public CompareException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CompareException()
    {
    }
}
