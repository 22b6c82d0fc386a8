namespace RiskSim.Scenarios;

/// <summary>Runs a RiskSim.Core constructor and turns its argument complaint into a located error.</summary>
internal static class CoreCall
{
    /// <summary>Returns <paramref name="create"/>'s result, or reports its exception at <paramref name="at"/> and returns null.</summary>
    public static T? Try<T>(NodeReader at, Func<T> create)
        where T : class
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            at.Error(Clean(e.Message));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArithmeticException)
        {
            at.Error(Clean(e.Message));
            return null;
        }
    }

    /// <summary>Keeps the first line of an exception message, without .NET's "(Parameter 'x')" suffix.</summary>
    private static string Clean(string message)
    {
        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        string first = newline < 0 ? message : message[..newline];
        int parameter = first.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return (parameter < 0 ? first : first[..parameter]).TrimEnd();
    }
}
