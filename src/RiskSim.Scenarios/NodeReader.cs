using System.Globalization;
using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RiskSim.Scenarios;

/// <summary>
/// A cursor on one YAML node: it knows the node's path in the document and where to report
/// errors. Each <c>Read…</c> method either returns the value or reports a located error and
/// returns null, so that reading carries on and finds further mistakes.
/// </summary>
internal sealed class NodeReader
{
    /// <summary>First year RiskSim.Core's months and FYs accept.</summary>
    private const int MinYear = 1900;

    /// <summary>Last year RiskSim.Core's months and FYs accept.</summary>
    private const int MaxYear = 2200;

    /// <summary>Creates a cursor on <paramref name="node"/> at <paramref name="path"/>.</summary>
    public NodeReader(YamlNode node, string path, ErrorCollector errors)
    {
        Node = node;
        Path = path;
        Errors = errors;
    }

    /// <summary>The node.</summary>
    public YamlNode Node { get; }

    /// <summary>Path such as <c>placement_types[2].weekly_cost_gbp</c> ("" for the root).</summary>
    public string Path { get; }

    /// <summary>Where errors go.</summary>
    public ErrorCollector Errors { get; }

    /// <summary>Whether the node is an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => Node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>Appends a field name to a path.</summary>
    public static string Join(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    /// <summary>Appends a list index to a path.</summary>
    public static string Index(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>
    /// The comment at the end of this node's line (a flow mapping such as <c>{dist: pert, …}   # source</c>),
    /// else at the end of the line above when that is the node's key (a block mapping); null when neither has one.
    /// </summary>
    public string? LineComment()
    {
        var lines = Errors.Lines;
        int line = (int)Node.Start.Line - 1;
        if (line < 0 || line >= lines.Count)
        {
            return null;
        }

        return TrailingComment(lines[line], (int)Node.Start.Column - 1)
            ?? (line > 0 && lines[line - 1].TrimEnd().Split('#')[0].TrimEnd().EndsWith(':') ? TrailingComment(lines[line - 1], 0) : null);
    }

    /// <summary>The text after the first <c>#</c> that starts a comment at or after <paramref name="from"/> (outside quotes).</summary>
    private static string? TrailingComment(string line, int from)
    {
        char quote = '\0';
        for (int i = Math.Max(0, from); i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                string text = line[(i + 1)..].Trim();
                return text.Length > 0 ? text : null;
            }
        }

        return null;
    }

    /// <summary>Reports an error at this node.</summary>
    public void Error(string message) => Errors.Add(Node.Start, Path, message);

    /// <summary>A cursor on a child node named <paramref name="name"/>.</summary>
    public NodeReader Child(string name, YamlNode node) => new(node, Join(Path, name), Errors);

    /// <summary>
    /// Requires a mapping. With <paramref name="allowedKeys"/>, any other key is reported
    /// (<paramref name="unknownKeyHint"/> may add advice for a given key).
    /// </summary>
    public MappingReader? RequireMapping(IReadOnlyCollection<string>? allowedKeys = null, Func<string, string?>? unknownKeyHint = null)
    {
        if (Node is not YamlMappingNode mapping)
        {
            Error($"expected a mapping (field: value lines), found {Describe()}");
            return null;
        }

        var reader = new MappingReader(this, mapping);
        if (allowedKeys is not null)
        {
            reader.CheckKeys(allowedKeys, unknownKeyHint);
        }

        return reader;
    }

    /// <summary>Requires a list; returns cursors on its items (paths <c>…[i]</c>).</summary>
    public IReadOnlyList<NodeReader>? RequireSequence()
    {
        if (Node is not YamlSequenceNode sequence)
        {
            Error($"expected a list, found {Describe()}");
            return null;
        }

        return sequence.Children.Select((item, i) => new NodeReader(item, Index(Path, i), Errors)).ToList();
    }

    /// <summary>Reads non-empty text (a scalar of any style).</summary>
    public string? ReadString()
    {
        if (Node is not YamlScalarNode scalar || IsNull || string.IsNullOrEmpty(scalar.Value))
        {
            Error($"expected text, found {Describe()}");
            return null;
        }

        return scalar.Value;
    }

    /// <summary>Reads a snake_case identifier (<c>[a-z][a-z0-9_]*</c>).</summary>
    public string? ReadId()
    {
        string? text = ReadString();
        if (text is null)
        {
            return null;
        }

        if (!TextPatterns.Id().IsMatch(text))
        {
            Error($"'{text}' is not a valid id: use snake_case, a lower-case letter then lower-case letters, digits or '_'");
            return null;
        }

        return text;
    }

    /// <summary>Reads a plain number in <paramref name="domain"/>.</summary>
    public double? ReadNumber(Domain domain)
    {
        switch (ParseNumber(out double value))
        {
            case NumberParse.Ok when domain.Contains(value):
                return value;
            case NumberParse.Ok:
                Error($"must be {domain.Text}, found {Describe()}");
                return null;
            case NumberParse.NonFinite:
                Error($"NaN and infinity are not allowed, found {Describe()}; expected {domain.NumberPhrase}");
                return null;
            default:
                Error($"expected {domain.NumberPhrase}, found {Describe()}");
                return null;
        }
    }

    /// <summary>Reads a whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int? ReadInt(int min, int max = int.MaxValue)
    {
        string range = max == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"≥ {min}")
            : string.Create(CultureInfo.InvariantCulture, $"from {min} to {max}");
        NumberParse parse = ParseNumber(out double value);
        if (parse != NumberParse.Ok || value != Math.Floor(value))
        {
            Error($"expected a whole number {range}, found {Describe()}");
            return null;
        }

        if (value < min || value > max)
        {
            Error(value > max && max == int.MaxValue ? $"is too large, found {Describe()}" : $"must be {range}, found {Describe()}");
            return null;
        }

        return (int)value;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public bool? ReadBool()
    {
        if (Node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Error($"expected true or false, found {Describe()}");
        return null;
    }

    /// <summary>Reads a month written <c>yyyy-MM</c>.</summary>
    public YearMonth? ReadYearMonth()
    {
        if (Node is YamlScalarNode { Value: { } text } && YearMonth.TryParse(text, out YearMonth month))
        {
            return month;
        }

        if (YearOutOfRange(TextPatterns.MonthShape()) is { } message)
        {
            Error(message);
            return null;
        }

        Error($"expected a month as yyyy-MM (e.g. 2020-04), found {Describe()}");
        return null;
    }

    /// <summary>Reads a financial year written <c>2023/24</c>.</summary>
    public FinancialYear? ReadFy()
    {
        if (Node is YamlScalarNode { Value: { } text } && FinancialYear.TryParse(text, out FinancialYear year))
        {
            return year;
        }

        if (YearOutOfRange(TextPatterns.FyShape()) is { } message)
        {
            Error(message);
            return null;
        }

        Error($"expected a financial year such as 2023/24, found {Describe()}");
        return null;
    }

    /// <summary>
    /// Reads a *value*: a plain number (a constant) or a distribution mapping, which must stay in
    /// <paramref name="domain"/>. The result is named <paramref name="inputName"/> (its trials column).
    /// </summary>
    public Input? ReadValue(string inputName, Domain domain)
    {
        if (Node is YamlMappingNode)
        {
            return DistributionReader.Read(this, inputName, domain);
        }

        switch (ParseNumber(out double value))
        {
            case NumberParse.Ok when domain.Contains(value):
                return new Input(inputName, new Constant(value));
            case NumberParse.Ok:
                Error($"must be {domain.Text}, found {Describe()}");
                return null;
            case NumberParse.NonFinite:
                Error($"NaN and infinity are not allowed, found {Describe()}; expected {domain.NumberPhrase} or a distribution mapping");
                return null;
            default:
                Error($"expected {domain.NumberPhrase} or a distribution mapping, found {Describe()}");
                return null;
        }
    }

    /// <summary>
    /// When the node has the shape of a month or FY (<paramref name="shape"/> captures the year)
    /// but its year is outside what RiskSim supports, says so; otherwise null.
    /// </summary>
    private string? YearOutOfRange(System.Text.RegularExpressions.Regex shape)
    {
        if (Node is YamlScalarNode { Value: { } text } && shape.Match(text) is { Success: true } match)
        {
            int year = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            if (year is < MinYear or > MaxYear)
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"year {year} is out of range: years from {MinYear} to {MaxYear} are supported, found {Describe()}");
            }
        }

        return null;
    }

    /// <summary>Describes the node for "found …" in messages.</summary>
    public string Describe() => Node switch
    {
        YamlScalarNode when IsNull => "nothing",
        YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar => $"'{Shorten(scalar.Value)}'",
        YamlScalarNode scalar => $"the quoted text '{Shorten(scalar.Value)}'",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "an unsupported node",
    };

    /// <summary>Keeps messages to one short line when a long or multi-line text is quoted back.</summary>
    private static string Shorten(string? text)
    {
        const int MaxLength = 40;
        string oneLine = (text ?? "").ReplaceLineEndings(" ");
        return oneLine.Length <= MaxLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxLength), "…");
    }

    /// <summary>Parses a plain scalar as an invariant decimal number (no NaN, infinity, hex or separators).</summary>
    private NumberParse ParseNumber(out double value)
    {
        value = 0;
        if (Node is not YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } text })
        {
            return NumberParse.NotANumber;
        }

        if (TextPatterns.IsNonFiniteWord(text))
        {
            return NumberParse.NonFinite;
        }

        if (!TextPatterns.Number().IsMatch(text)
            || !double.TryParse(
                text,
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture,
                out value))
        {
            return NumberParse.NotANumber;
        }

        return double.IsFinite(value) ? NumberParse.Ok : NumberParse.NonFinite;
    }

    private enum NumberParse
    {
        NotANumber,
        NonFinite,
        Ok,
    }
}
