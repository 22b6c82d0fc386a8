using System.Text.RegularExpressions;

namespace RiskSim.Scenarios;

/// <summary>Regular expressions for the scalar forms the format accepts.</summary>
internal static partial class TextPatterns
{
    /// <summary>A decimal number: optional sign, digits with optional point, optional exponent. No hex, no separators.</summary>
    [GeneratedRegex(@"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    public static partial Regex Number();

    /// <summary>The shape of a month, <c>yyyy-MM</c> with MM from 01 to 12; group 1 is the year.</summary>
    [GeneratedRegex("^([0-9]{4})-(?:0[1-9]|1[0-2])$", RegexOptions.CultureInvariant)]
    public static partial Regex MonthShape();

    /// <summary>The shape of an FY, <c>yyyy/yy</c>; group 1 is the start year.</summary>
    [GeneratedRegex("^([0-9]{4})/[0-9]{2}$", RegexOptions.CultureInvariant)]
    public static partial Regex FyShape();

    /// <summary>A snake_case identifier.</summary>
    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    public static partial Regex Id();

    /// <summary>Spellings of NaN and infinity (YAML's and .NET's), after removing a sign.</summary>
    public static bool IsNonFiniteWord(string text)
    {
        string t = text.TrimStart('+', '-').ToLowerInvariant();
        return t is ".nan" or "nan" or ".inf" or "inf" or "infinity" or "∞";
    }
}
