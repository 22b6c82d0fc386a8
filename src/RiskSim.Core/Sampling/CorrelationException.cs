namespace RiskSim.Core.Sampling;

/// <summary>Declared rank correlations that cannot hold together (or name an input that is not sampled).</summary>
public sealed class CorrelationException : ArgumentException
{
    /// <summary>Creates the exception with a message naming the offending inputs.</summary>
    public CorrelationException(string message)
        : base(message)
    {
    }
}
