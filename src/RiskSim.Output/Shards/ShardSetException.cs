namespace RiskSim.Output.Shards;

/// <summary>A folder of shards that cannot be merged: incomplete, inconsistent, or not shards at all. The message says which and why.</summary>
public sealed class ShardSetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ShardSetException()
    {
    }

    /// <summary>Creates the exception with a message for the user.</summary>
    /// <param name="message">What is wrong, naming the shard folder.</param>
    public ShardSetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error reading a file.</param>
    public ShardSetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
