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
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart:
                        frames.Clear();
                        anchors.Clear();
                        break;
                    case MappingStart start:
                        frames.Push(new MapFrame(EnterNode(frames, start, errors), start.Start, start.Style == MappingStyle.Flow));
                        AddAnchor(anchors, start);
                        break;
                    case SequenceStart start:
                        frames.Push(new SequenceFrame(EnterNode(frames, start, errors), start.Start, start.Style == SequenceStyle.Flow));
                        AddAnchor(anchors, start);
                        break;
                    case Scalar scalar:
                        EnterNode(frames, scalar, errors);
                        AddAnchor(anchors, scalar);
                        break;
                    case AnchorAlias alias:
                        string path = EnterNode(frames, alias, errors);
                        if (!anchors.Contains(alias.Value.Value))
                        {
                            errors.Add(alias.Start, path, $"alias '*{alias.Value.Value}' refers to no anchor defined before it");
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        frames.Pop();
                        break;
                }
            }
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

    private static void AddAnchor(HashSet<string> anchors, NodeEvent node)
    {
        if (!node.Anchor.IsEmpty)
        {
            anchors.Add(node.Anchor.Value);
        }
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

    private abstract class Frame(string path, Mark start, bool isFlow)
    {
        public string Path { get; } = path;

        public Mark Start { get; } = start;

        public bool IsFlow { get; } = isFlow;

        public abstract char Opening { get; }

        public abstract char Closing { get; }
    }

    private sealed class MapFrame(string path, Mark start, bool isFlow) : Frame(path, start, isFlow)
    {
        public Dictionary<string, Mark> Keys { get; } = new(StringComparer.Ordinal);

        public bool ExpectingKey { get; set; } = true;

        public string CurrentKey { get; set; } = "";

        public override char Opening => '{';

        public override char Closing => '}';
    }

    private sealed class SequenceFrame(string path, Mark start, bool isFlow) : Frame(path, start, isFlow)
    {
        public int Next { get; set; }

        public override char Opening => '[';

        public override char Closing => ']';
    }
}
