using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using static System.FormattableString;

namespace RiskSim.Scenarios;

/// <summary>
/// A pass over the raw YAML events before the document is loaded. YamlDotNet's representation
/// model stops at the first duplicate key, without a path, and some malformed input makes it
/// throw exceptions without a location; this pass reports every duplicate key and undefined
/// alias with its path, and turns a syntax error into a located error.
/// </summary>
internal static class YamlSyntaxCheck
{
    /// <summary>Reports problems to <paramref name="errors"/>; returns whether the text is safe to load.</summary>
    public static bool Run(string text, ErrorCollector errors)
    {
        int before = errors.Count;
        var scanner = new Scanner(new StringReader(text));
        var parser = new Parser(scanner);
        var frames = new Stack<Frame>();

        // Anchor → the number of nodes it stands for, so that an alias counts as what it repeats.
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);

        // Nodes of the document as the representation model will expand them (aliases included).
        long expanded = 0;
        try
        {
            while (parser.MoveNext())
            {
                // Nesting and expansion are checked on the event stream, before any tree is built:
                // deep nesting would exhaust the stack of the recursive loaders, and aliases of
                // aliases ("billion laughs") multiply the nodes the readers walk.
                switch (parser.Current)
                {
                    case DocumentStart:
                        frames.Clear();
                        anchors.Clear();
                        break;
                    case MappingStart start:
                        if (TooDeep(frames, start, errors))
                        {
                            return false;
                        }

                        frames.Push(new MapFrame(EnterNode(frames, start, errors), start.Start, start.Style == MappingStyle.Flow, start.Anchor, expanded));
                        expanded++;
                        break;
                    case SequenceStart start:
                        if (TooDeep(frames, start, errors))
                        {
                            return false;
                        }

                        frames.Push(new SequenceFrame(EnterNode(frames, start, errors), start.Start, start.Style == SequenceStyle.Flow, start.Anchor, expanded));
                        expanded++;
                        break;
                    case Scalar scalar:
                        EnterNode(frames, scalar, errors);
                        expanded++;
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchors[scalar.Anchor.Value] = 1;
                        }

                        break;
                    case AnchorAlias alias:
                        string path = EnterNode(frames, alias, errors);
                        if (anchors.TryGetValue(alias.Value.Value, out long size))
                        {
                            expanded += size;
                        }
                        else
                        {
                            // A collection's anchor is defined at its end, so an alias inside it (a cycle) lands here too.
                            errors.Add(alias.Start, path, $"alias '*{alias.Value.Value}' refers to no anchor defined before it");
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        Frame done = frames.Pop();
                        if (!done.Anchor.IsEmpty)
                        {
                            anchors[done.Anchor.Value] = expanded - done.ExpandedAtStart;
                        }

                        break;
                }

                if (expanded > ScenarioLimits.MaxExpandedNodes)
                {
                    errors.Add(
                        parser.Current!.Start,
                        "",
                        Invariant($"the document expands to more than {ScenarioLimits.MaxExpandedNodes} nodes (counting the nodes each alias repeats); a scenario has a few thousand"));
                    return false;
                }
            }
        }
        catch (Exception) when (IndentationTab(text) is { } tab)
        {
            // YamlDotNet reports a tab in indentation where the scanner gave up (the end of the
            // previous scalar, or 1:1); the tab itself is what the analyst must fix.
            errors.Add(tab, "", "YAML syntax error: a tab is used for indentation here; YAML indents with spaces only");
        }
        catch (YamlException e)
        {
            errors.Add(e.Start, "", "YAML syntax error: " + e.Message);
        }
        catch (Exception)
        {
            // YamlDotNet's scanner throws other exceptions for some malformed input, typically an
            // unclosed '[' or '{': point at the innermost open one if there is one.
            if (frames.Count > 0 && frames.Peek() is { IsFlow: true } open)
            {
                errors.Add(open.Start, open.Path, $"YAML syntax error: this '{open.Opening}' is not closed by '{open.Closing}'");
            }
            else
            {
                errors.Add(
                    scanner.CurrentPosition,
                    "",
                    "YAML syntax error: the text cannot be parsed here; look for an unclosed bracket, brace or quote above this point");
            }
        }

        return errors.Count == before;
    }

    /// <summary>
    /// The first tab in the leading whitespace of a line, if any. Asked only once the parser has
    /// failed: block YAML never allows a tab there, whereas flow YAML may (and then parses).
    /// </summary>
    private static Mark? IndentationTab(string text)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\n':
                    line++;
                    lineStart = i + 1;
                    break;
                case '\t':
                    return new Mark(i, line, i - lineStart + 1);
                case ' ' or '\r':
                    break;
                default:
                    // Past this line's indentation: skip to its end.
                    int end = text.IndexOf('\n', i);
                    i = end < 0 ? text.Length : end - 1;
                    break;
            }
        }

        return null;
    }

    /// <summary>Reports a collection that would open one level deeper than <see cref="ScenarioLimits.MaxDepth"/>.</summary>
    private static bool TooDeep(Stack<Frame> frames, ParsingEvent start, ErrorCollector errors)
    {
        if (frames.Count < ScenarioLimits.MaxDepth)
        {
            return false;
        }

        errors.Add(
            start.Start,
            frames.Peek().Path,
            Invariant($"the YAML is nested more than {ScenarioLimits.MaxDepth} levels deep; a scenario needs 5"));
        return true;
    }

    /// <summary>Works out the path of a node starting now and, for a mapping key, checks it is new.</summary>
    private static string EnterNode(Stack<Frame> frames, ParsingEvent node, ErrorCollector errors)
    {
        if (frames.Count == 0)
        {
            return "";
        }

        switch (frames.Peek())
        {
            case MapFrame map when map.ExpectingKey:
                map.ExpectingKey = false;
                if (node is Scalar key)
                {
                    if (map.Keys.TryGetValue(key.Value, out Mark first))
                    {
                        errors.Add(
                            key.Start,
                            NodeReader.Join(map.Path, key.Value),
                            Invariant($"duplicate key '{key.Value}' (first given at line {first.Line}); a key may appear once in a mapping"));
                    }
                    else
                    {
                        map.Keys.Add(key.Value, key.Start);
                    }

                    map.CurrentKey = key.Value;
                }
                else
                {
                    map.CurrentKey = "?";
                }

                return NodeReader.Join(map.Path, map.CurrentKey);
            case MapFrame map:
                map.ExpectingKey = true;
                return NodeReader.Join(map.Path, map.CurrentKey);
            case SequenceFrame sequence:
                return NodeReader.Index(sequence.Path, sequence.Next++);
            default:
                return "";
        }
    }

    private abstract class Frame(string path, Mark start, bool isFlow, AnchorName anchor, long expandedAtStart)
    {
        public AnchorName Anchor { get; } = anchor;

        public long ExpandedAtStart { get; } = expandedAtStart;

        public string Path { get; } = path;

        public Mark Start { get; } = start;

        public bool IsFlow { get; } = isFlow;

        public abstract char Opening { get; }

        public abstract char Closing { get; }
    }

    private sealed class MapFrame(string path, Mark start, bool isFlow, AnchorName anchor, long expandedAtStart)
        : Frame(path, start, isFlow, anchor, expandedAtStart)
    {
        public Dictionary<string, Mark> Keys { get; } = new(StringComparer.Ordinal);

        public bool ExpectingKey { get; set; } = true;

        public string CurrentKey { get; set; } = "";

        public override char Opening => '{';

        public override char Closing => '}';
    }

    private sealed class SequenceFrame(string path, Mark start, bool isFlow, AnchorName anchor, long expandedAtStart)
        : Frame(path, start, isFlow, anchor, expandedAtStart)
    {
        public int Next { get; set; }

        public override char Opening => '[';

        public override char Closing => ']';
    }
}
