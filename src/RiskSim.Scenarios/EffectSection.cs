using RiskSim.Core.Model;
using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Scenarios;

/// <summary>Reads <c>effects</c> (programme world only).</summary>
internal static class EffectSection
{
    private const string OneInOneOutKind = "one_in_one_out";

    private static readonly string[] CommonKeys = ["id", "kind", "lines", "start", "ramp_months", "end"];

    private static readonly Dictionary<string, string[]> KeysByKind = new(StringComparer.Ordinal)
    {
        ["entry_diversion"] = [.. CommonKeys, "size", "types"],
        ["growth_diversion"] = [.. CommonKeys, "size", "types"],
        ["exit_uplift"] = [.. CommonKeys, "size", "types"],
        ["step_down"] = [.. CommonKeys, "size", "from", "to"],
        [OneInOneOutKind] = ["id", "kind", "lines", "start", "end", "types"],
    };

    private static readonly string[] AllKeys = KeysByKind.Values.SelectMany(k => k).Distinct().ToArray();

    /// <summary>Reads <c>effects</c>; line and type references must be defined.</summary>
    public static List<ProgrammeEffect>? ReadEffects(NodeReader node, ReadContext context)
    {
        if (node.RequireSequence() is not { } items)
        {
            return null;
        }

        var effects = new List<ProgrammeEffect>();
        foreach (NodeReader item in items)
        {
            if (item.RequireMapping() is { } map && ReadEffect(map, context) is { } effect)
            {
                effects.Add(effect);
            }
        }

        return effects.Count == items.Count ? effects : null;
    }

    private static ProgrammeEffect? ReadEffect(MappingReader map, ReadContext context)
    {
        NodeReader? kindNode = map.Field("kind");
        string? kind = kindNode?.ReadString();
        if (kind is not null && !KeysByKind.ContainsKey(kind))
        {
            kindNode!.Error($"unknown effect kind '{kind}'; expected one of: {string.Join(", ", KeysByKind.Keys)}");
            kind = null;
        }

        map.CheckKeys(kind is null ? AllKeys : KeysByKind[kind], key => UnknownKeyHint(kind, key));

        string? id = context.Effects.ReadDefinition(map);
        IReadOnlyList<string>? lines = map.Field("lines") is { } l ? context.Lines.ReadReferenceList(l) : null;
        YearMonth? start = map.Field("start") is { } s ? context.ReadMonthInHorizon(s) : null;
        int? ramp = kind != OneInOneOutKind && map.OptionalField("ramp_months") is { } r ? r.ReadInt(0, ScenarioLimits.MaxHorizonMonths) : 0;
        NodeReader? endNode = map.OptionalField("end");
        YearMonth? end = endNode is null ? null : context.ReadMonthInHorizon(endNode);
        if (end is { } e && start is { } st && e < st)
        {
            endNode!.Error($"end {e} is before start {st}");
        }

        Input? size = kind is null or OneInOneOutKind
            ? null
            : map.Field("size")?.ReadValue($"effect_{id ?? "unknown"}_size", SizeDomain(kind));
        IReadOnlyList<string>? types = kind switch
        {
            "exit_uplift" or "entry_diversion" or "growth_diversion" => map.OptionalField("types") is { } t ? context.Types.ReadReferenceList(t) : [],
            OneInOneOutKind => ReadOneInOneOutTypes(map, context),
            _ => [],
        };
        (string? from, string? to) = kind == "step_down" ? PlacementSection.ReadFromTo(map, context) : (null, null);

        if (id is null || lines is null || start is not { } first || ramp is not { } rampMonths || types is null)
        {
            return null;
        }

        return kind switch
        {
            "entry_diversion" when size is not null => new EntryDiversion
            {
                Id = id,
                Lines = lines,
                Start = first,
                RampMonths = rampMonths,
                End = end,
                Size = size,
                Types = types,
            },
            "growth_diversion" when size is not null => new GrowthDiversion
            {
                Id = id,
                Lines = lines,
                Start = first,
                RampMonths = rampMonths,
                End = end,
                Size = size,
                Types = types,
            },
            "exit_uplift" when size is not null => new ExitUplift
            {
                Id = id,
                Lines = lines,
                Start = first,
                RampMonths = rampMonths,
                End = end,
                Size = size,
                Types = types,
            },
            "step_down" when size is not null && from is not null && to is not null => new StepDownUplift
            {
                Id = id,
                Lines = lines,
                Start = first,
                RampMonths = rampMonths,
                End = end,
                Size = size,
                From = from,
                To = to,
            },
            OneInOneOutKind => new OneInOneOut
            {
                Id = id,
                Lines = lines,
                Start = first,
                RampMonths = 0,
                End = end,
                Types = types,
            },
            _ => null,
        };
    }

    /// <summary>entry_diversion, growth_diversion and step_down sizes are proportions; an exit uplift is relative and may be down to −1.</summary>
    private static Domain SizeDomain(string kind) => kind == "exit_uplift" ? Domain.ExitUplift : Domain.UnitInterval;

    /// <summary>A one_in_one_out effect needs a non-empty <c>types</c> list.</summary>
    private static IReadOnlyList<string>? ReadOneInOneOutTypes(MappingReader map, ReadContext context)
    {
        NodeReader? typesNode = map.Field("types");
        IReadOnlyList<string>? types = typesNode is null ? null : context.Types.ReadReferenceList(typesNode);
        if (types is { Count: 0 })
        {
            typesNode!.Error("one_in_one_out needs at least one placement type");
            return null;
        }

        return types;
    }

    private static string? UnknownKeyHint(string? kind, string key)
    {
        if (kind == OneInOneOutKind && key is "size" or "ramp_months")
        {
            return "a one_in_one_out effect has no size and no ramp: from its start it holds its types' stock";
        }

        return kind is not null && AllKeys.Contains(key)
            ? $"an effect of kind {kind} takes: {string.Join(", ", KeysByKind[kind])}"
            : null;
    }
}
