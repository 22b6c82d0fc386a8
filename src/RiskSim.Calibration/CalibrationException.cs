namespace RiskSim.Calibration;

/// <summary>
/// A mistake in a calibration template (its <c>calibrate:</c> block, a placeholder, or the
/// scenario at the start values), with a located message (<c>file:line:column: field: message</c>).
/// </summary>
public sealed class CalibrationException : Exception
{
    /// <summary>Creates the exception with a message ready for the user.</summary>
    public CalibrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CalibrationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message (for serialisers).</summary>
    public CalibrationException()
    {
    }
}
