using YamlDotNet.Core;
using static System.FormattableString;

namespace RiskSim.Scenarios;

/// <summary>The ids of one kind of item (placement types, investment lines …): unique, and checked where referred to.</summary>
internal sealed class IdRegistry(string what)
{
    private readonly Dictionary<string, Mark> first = new(StringComparer.Ordinal);

    /// <summary>
    /// False when some item's id could not be read (or the list is missing): references are then
    /// not checked, so that one mistake does not cascade into many.
    /// </summary>
    public bool Complete { get; private set; } = true;

    /// <summary>The ids, in file order.</summary>
    public IReadOnlyCollection<string> Ids => first.Keys;

    /// <summary>Stops reference checks (the ids are not all known).</summary>
    public void MarkIncomplete() => Complete = false;

    /// <summary>Reads an item's own <c>id</c> field and registers it.</summary>
    public string? ReadDefinition(MappingReader map)
    {
        NodeReader? idNode = map.Field("id");
        if (idNode is null)
        {
            Complete = false;
            return null;
        }

        string? id = idNode.ReadId();
        Register(idNode, id);
        return id;
    }

    /// <summary>Records the id read at <paramref name="node"/> (null if unreadable); reports a duplicate.</summary>
    public void Register(NodeReader node, string? id)
    {
        if (id is null)
        {
            Complete = false;
        }
        else if (first.TryGetValue(id, out Mark mark))
        {
            node.Error(Invariant($"duplicate {what} id '{id}' (first used at line {mark.Line})"));
        }
        else
        {
            first.Add(id, node.Node.Start);
        }
    }

    /// <summary>Reads an id that must refer to a registered item.</summary>
    public string? ReadReference(NodeReader node)
    {
        string? id = node.ReadId();
        if (id is not null && Complete && !first.ContainsKey(id))
        {
            string known = first.Count == 0 ? "none are defined" : "known: " + string.Join(", ", first.Keys);
            string hint = MappingReader.ClosestKey(id, first.Keys) is { } close ? $"; did you mean '{close}'?" : "";
            node.Error($"unknown {what} '{id}'; {known}{hint}");
            return null;
        }

        return id;
    }

    /// <summary>Reads a list of references, each once.</summary>
    public IReadOnlyList<string>? ReadReferenceList(NodeReader node)
    {
        IReadOnlyList<NodeReader>? items = node.RequireSequence();
        if (items is null)
        {
            return null;
        }

        var ids = new List<string>();
        bool ok = true;
        foreach (NodeReader item in items)
        {
            string? id = ReadReference(item);
            if (id is null)
            {
                ok = false;
            }
            else if (ids.Contains(id))
            {
                item.Error($"{what} '{id}' is listed twice");
                ok = false;
            }
            else
            {
                ids.Add(id);
            }
        }

        return ok ? ids : null;
    }
}
