using YamlDotNet.RepresentationModel;

namespace RiskSim.Scenarios;

/// <summary>
/// The fields of one YAML mapping, looked up by name. Missing required fields and unknown keys
/// are reported against the mapping; values are handed out as <see cref="NodeReader"/>s.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields = new(StringComparer.Ordinal);
    private readonly List<(YamlScalarNode Key, YamlNode Value)> ordered = [];

    /// <summary>Indexes the mapping's fields; a key that is not text is reported.</summary>
    public MappingReader(NodeReader owner, YamlMappingNode mapping)
    {
        Owner = owner;
        foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
        {
            if (pair.Key is YamlScalarNode { Value: { } name } key)
            {
                // Duplicates were reported (and loading refused) before this point.
                fields.TryAdd(name, (key, pair.Value));
                ordered.Add((key, pair.Value));
            }
            else
            {
                owner.Errors.Add(pair.Key.Start, owner.Path, "a key must be plain text, not a list or mapping");
            }
        }
    }

    /// <summary>The mapping itself.</summary>
    public NodeReader Owner { get; }

    /// <summary>The fields in file order: name, and cursors on the key and the value (both carry the field's path).</summary>
    public IEnumerable<(string Name, NodeReader Key, NodeReader Value)> Entries =>
        ordered.Select(f => (f.Key.Value!, Owner.Child(f.Key.Value!, f.Key), Owner.Child(f.Key.Value!, f.Value)));

    /// <summary>Reports each key not in <paramref name="allowed"/>.</summary>
    public void CheckKeys(IReadOnlyCollection<string> allowed, Func<string, string?>? hint = null)
    {
        foreach ((YamlScalarNode key, _) in ordered)
        {
            string name = key.Value!;
            if (allowed.Contains(name))
            {
                continue;
            }

            string advice = hint?.Invoke(name)
                ?? (ClosestKey(name, allowed) is { } close ? $"did you mean '{close}'?" : null)
                ?? "allowed: " + string.Join(", ", allowed);
            Owner.Errors.Add(key.Start, NodeReader.Join(Owner.Path, name), $"unknown field '{name}'; {advice}");
        }
    }

    /// <summary>Whether the field is present.</summary>
    public bool Has(string name) => fields.ContainsKey(name);

    /// <summary>A required field's value; reports it missing (at the mapping) and returns null when absent.</summary>
    public NodeReader? Field(string name)
    {
        if (fields.TryGetValue(name, out var field))
        {
            return Owner.Child(name, field.Value);
        }

        Owner.Errors.Add(Owner.Node.Start, NodeReader.Join(Owner.Path, name), $"missing required field '{name}'");
        return null;
    }

    /// <summary>An optional field's value, or null when absent.</summary>
    public NodeReader? OptionalField(string name) =>
        fields.TryGetValue(name, out var field) ? Owner.Child(name, field.Value) : null;

    /// <summary>A cursor on the key of a present field (for errors about the field as a whole).</summary>
    public NodeReader? Key(string name) =>
        fields.TryGetValue(name, out var field) ? Owner.Child(name, field.Key) : null;

    /// <summary>The allowed key nearest to a misspelt one (edit distance ≤ 2), if any.</summary>
    internal static string? ClosestKey(string name, IReadOnlyCollection<string> allowed)
    {
        string? best = null;
        int bestDistance = 3;
        foreach (string candidate in allowed)
        {
            int d = EditDistance(name, candidate);
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
