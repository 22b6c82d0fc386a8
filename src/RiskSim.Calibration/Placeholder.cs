using System.Globalization;
using System.Text.RegularExpressions;

namespace RiskSim.Calibration;

/// <summary>
/// A <c>{{…}}</c> in a template: <c>{{NAME}}</c>, <c>{{NAME*0.8}}</c> or <c>{{min(1, NAME*1.2)}}</c>
/// (a range around a fitted plan value, capped where the field's domain ends).
/// </summary>
/// <param name="Index">Character offset of the opening braces in the template text.</param>
/// <param name="Length">Length of the whole placeholder.</param>
/// <param name="Name">Parameter name.</param>
/// <param name="Factor">Multiplier (1 when absent).</param>
/// <param name="Cap">Upper cap from <c>min(cap, …)</c>, or null.</param>
public sealed partial record Placeholder(int Index, int Length, string Name, double Factor, double? Cap)
{
    /// <summary>The text the placeholder stands for, given its parameter's value.</summary>
    public double Evaluate(double value)
    {
        double v = value * Factor;
        return Cap is { } cap ? Math.Min(cap, v) : v;
    }

    /// <summary>Finds every <c>{{…}}</c> in <paramref name="text"/>; a malformed one is reported with its line and column.</summary>
    public static IReadOnlyList<Placeholder> FindAll(string text, string file)
    {
        var found = new List<Placeholder>();
        foreach (Match m in Braces().Matches(text))
        {
            var inner = Form().Match(m.Groups[1].Value);
            if (!inner.Success)
            {
                var (line, column) = LineColumn(text, m.Index);
                throw new CalibrationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{file}:{line}:{column}: placeholder '{m.Value}' is not NAME, NAME*FACTOR or min(CAP, NAME*FACTOR) (NAME in capitals)"));
            }

            double factor = inner.Groups["k"].Success ? double.Parse(inner.Groups["k"].Value, CultureInfo.InvariantCulture) : 1;
            double? cap = inner.Groups["cap"].Success ? double.Parse(inner.Groups["cap"].Value, CultureInfo.InvariantCulture) : null;
            found.Add(new Placeholder(m.Index, m.Length, inner.Groups["name"].Value, factor, cap));
        }

        return found;
    }

    /// <summary>1-based line and column of a character offset.</summary>
    public static (int Line, int Column) LineColumn(string text, int index)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    /// <summary>Formats a value for a scenario file: six significant digits, never exponent notation.</summary>
    public static string Format(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        int digits = Math.Clamp(5 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 15);
        return Math.Round(value, digits).ToString("0.###############", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\{\{(.*?)\}\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"^\s*(?:min\(\s*(?<cap>-?[0-9]+(?:\.[0-9]+)?)\s*,\s*)?(?<name>[A-Z][A-Z0-9_]*)\s*(?:\*\s*(?<k>-?[0-9]+(?:\.[0-9]+)?))?\s*(?(cap)\))\s*$")]
    private static partial Regex Form();
}
