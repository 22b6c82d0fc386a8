using System.Globalization;
using RiskSim.Core.Model;

namespace RiskSim.Scenarios;

/// <summary>Reads <c>risk_events</c>, <c>correlations</c> and <c>correlation_repair</c> (docs/scenario-format.md).</summary>
internal static class RiskSection
{
    private static readonly string[] EventKeys = ["id", "label", "probability_per_fy", "impact", "source"];
    private static readonly string[] ImpactKeys = ["input", "multiply", "months"];
    private static readonly string[] CorrelationKeys = ["inputs", "rank", "source"];

    /// <summary>An event's factor: above 0, at most 10 (a tenfold change is beyond any named risk).</summary>
    private static readonly Domain Multiply = new(0, false, 10, true, "> 0 and at most 10");

    /// <summary>Reads the risk events; types must have been read (impacts name a type's input).</summary>
    public static List<RiskEvent>? ReadEvents(NodeReader node, ReadContext context, IReadOnlyList<PlacementType>? types)
    {
        if (node.RequireSequence() is not { } items)
        {
            return null;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<RiskEvent>();
        bool ok = true;
        foreach (var item in items)
        {
            if (item.RequireMapping(EventKeys) is not { } map)
            {
                ok = false;
                continue;
            }

            NodeReader? idNode = map.Field("id");
            string? id = idNode?.ReadId();
            if (id is not null && !ids.Add(id))
            {
                idNode!.Error($"risk event '{id}' is defined twice");
                id = null;
            }

            map.OptionalField("label")?.ReadString();
            map.OptionalField("source")?.ReadString();
            double? p = map.Field("probability_per_fy")?.ReadNumber(Domain.UnitInterval);
            NodeReader? impactNode = map.Field("impact");
            MappingReader? impact = impactNode?.RequireMapping(ImpactKeys);
            NodeReader? inputNode = impact?.Field("input");
            string? input = inputNode?.ReadString();
            double? multiply = impact?.Field("multiply")?.ReadNumber(Multiply);
            int? months = impact?.Field("months")?.ReadInt(1, ScenarioLimits.MaxHorizonMonths);
            if (input is not null && !ActsMonthly(input, types))
            {
                inputNode!.Error(
                    $"'{input}' does not vary month by month; expected entries_rate_multiplier, or <type>_weekly_cost_gbp or <type>_exit_rate"
                    + (types is null ? "" : $" for a type among {string.Join(", ", types.Select(t => t.Id))}"));
                input = null;
            }

            if (id is null || p is null || input is null || multiply is null || months is null)
            {
                ok = false;
                continue;
            }

            events.Add(new RiskEvent(id, p.Value, input, multiply.Value, months.Value));
            if (input == "entries_rate_multiplier")
            {
                // Impacts of different events multiply; the demand limit must allow for all at once.
                context.EntryEventFactor *= multiply.Value;
            }
        }

        return ok ? events : null;
    }

    /// <summary>Reads the declared rank correlations (input names are checked when the model is compiled).</summary>
    public static List<RankCorrelation>? ReadCorrelations(NodeReader node)
    {
        if (node.RequireSequence() is not { } items)
        {
            return null;
        }

        var result = new List<RankCorrelation>();
        bool ok = true;
        foreach (var item in items)
        {
            if (item.RequireMapping(CorrelationKeys) is not { } map)
            {
                ok = false;
                continue;
            }

            map.OptionalField("source")?.ReadString();
            NodeReader? inputsNode = map.Field("inputs");
            var names = inputsNode?.RequireSequence()?.Select(n => n.ReadString()).ToList();
            double? rank = map.Field("rank")?.ReadNumber(new Domain(-1, true, 1, true, "from −1 to 1 (a Spearman rank correlation)"));
            if (names is not null && names.Count != 2)
            {
                inputsNode!.Error(string.Create(CultureInfo.InvariantCulture, $"expected two input names, e.g. [entries_rate_multiplier, residential_weekly_cost_gbp], found {names.Count}"));
                names = null;
            }

            if (names is null || names.Any(n => n is null) || rank is null)
            {
                ok = false;
                continue;
            }

            result.Add(new RankCorrelation(names[0]!, names[1]!, rank.Value));
        }

        return ok ? result : null;
    }

    /// <summary>Reads <c>correlation_repair</c>: <c>nearest</c> (repair) or <c>none</c> (refuse), the default.</summary>
    public static bool? ReadRepair(NodeReader node)
    {
        string? value = node.ReadString();
        switch (value)
        {
            case "nearest":
                return true;
            case "none":
                return false;
            case null:
                return null;
            default:
                node.Error($"expected 'nearest' (use the nearest valid correlation matrix) or 'none' (refuse), found '{value}'");
                return null;
        }
    }

    private static bool ActsMonthly(string input, IReadOnlyList<PlacementType>? types) =>
        input == "entries_rate_multiplier"
        || (types ?? []).Any(t => input == $"{t.Id}_weekly_cost_gbp" || input == $"{t.Id}_exit_rate");
}
