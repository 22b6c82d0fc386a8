using RiskSim.Core.Model;
using RiskSim.Core.Uncertainty;
using static System.FormattableString;

namespace RiskSim.Scenarios;

/// <summary>Reads <c>placement_types</c> and <c>step_downs</c>.</summary>
internal static class PlacementSection
{
    private const double ShareTolerance = 1e-6;

    private static readonly string[] TypeKeys =
        ["id", "label", "stock_share", "entry_share", "weekly_cost_gbp", "unit_cost_inflation", "budget_inflation", "exit_rate", "source"];

    private static readonly string[] StepDownKeys = ["from", "to", "monthly_rate"];

    /// <summary>
    /// Reads <c>placement_types</c>, registering their ids; checks each share set sums to 1. When
    /// <paramref name="entriesSameAsStock"/> (<c>entries.mix: same_as_stock</c>), entrants take the
    /// stock shares and a type may not give its own <c>entry_share</c>.
    /// </summary>
    public static List<PlacementType>? ReadTypes(NodeReader node, ReadContext context, bool entriesSameAsStock = false)
    {
        if (node.RequireSequence() is not { } items)
        {
            context.Types.MarkIncomplete();
            return null;
        }

        if (items.Count == 0)
        {
            node.Error("at least one placement type is required");
            return null;
        }

        if (items.Count > ScenarioLimits.MaxPlacementTypes)
        {
            // The Dirichlet mix and the month loop scale with the number of types; no council has this many.
            node.Error(Invariant($"{items.Count} placement types given; at most {ScenarioLimits.MaxPlacementTypes} are supported"));
            context.Types.MarkIncomplete();
            return null;
        }

        var types = new List<PlacementType>();
        var stockShares = new List<double?>();
        var entryShares = new List<double?>();
        foreach (NodeReader item in items)
        {
            if (item.RequireMapping(TypeKeys) is not { } map)
            {
                context.Types.MarkIncomplete();
                stockShares.Add(null);
                entryShares.Add(null);
                continue;
            }

            string? id = context.Types.ReadDefinition(map);
            string prefix = id ?? "unknown";
            string? label = map.Field("label")?.ReadString();
            double? stockShare = map.Field("stock_share")?.ReadNumber(Domain.UnitInterval);
            double? entryShare;
            if (entriesSameAsStock)
            {
                map.Key("entry_share")?.Error("entries.mix is same_as_stock, so entrants take the stock shares: remove entry_share (or drop entries.mix)");
                entryShare = stockShare;
            }
            else
            {
                entryShare = map.Field("entry_share")?.ReadNumber(Domain.UnitInterval);
            }

            Input? weeklyCost = map.Field("weekly_cost_gbp")?.ReadValue(prefix + "_weekly_cost_gbp", Domain.WeeklyCost);
            Input? inflation = map.OptionalField("unit_cost_inflation") is { } i
                ? i.ReadValue(prefix + "_unit_cost_inflation", Domain.AnnualRate)
                : Input.Fixed(prefix + "_unit_cost_inflation", 0);
            // Without budget_inflation the budget (standstill) follows the same prices as the placements.
            Input? budgetInflation = map.OptionalField("budget_inflation") is { } b
                ? b.ReadValue(prefix + "_budget_inflation", Domain.AnnualRate)
                : null;
            Input? exitRate = map.Field("exit_rate")?.ReadValue(prefix + "_exit_rate", Domain.UnitInterval);
            map.OptionalField("source")?.ReadString();
            stockShares.Add(stockShare);
            entryShares.Add(entryShare);
            if (id is not null && label is not null && stockShare is { } s && entryShare is { } e
                && weeklyCost is not null && inflation is not null && exitRate is not null
                && (budgetInflation is not null || !map.Has("budget_inflation")))
            {
                types.Add(new PlacementType(id, label, s, e, weeklyCost, inflation, exitRate, budgetInflation));
            }
        }

        CheckSum(node, "stock_share", stockShares);
        if (!entriesSameAsStock)
        {
            CheckSum(node, "entry_share", entryShares);
        }
        return types.Count == items.Count ? types : null;
    }

    /// <summary>Reads <c>step_downs</c>: pairs of known, different types, each pair once.</summary>
    public static List<StepDown>? ReadStepDowns(NodeReader node, ReadContext context)
    {
        if (node.RequireSequence() is not { } items)
        {
            return null;
        }

        var stepDowns = new List<StepDown>();
        var pairs = new HashSet<(string, string)>();
        foreach (NodeReader item in items)
        {
            if (item.RequireMapping(StepDownKeys) is not { } map)
            {
                continue;
            }

            (string? from, string? to) = ReadFromTo(map, context);
            Input? rate = map.Field("monthly_rate")?.ReadValue(
                $"step_down_{from ?? "unknown"}_to_{to ?? "unknown"}_rate", Domain.UnitInterval);
            if (from is null || to is null)
            {
                continue;
            }

            if (!pairs.Add((from, to)))
            {
                item.Error($"the step-down from {from} to {to} is given twice; a pair appears once");
            }
            else if (rate is not null)
            {
                stepDowns.Add(new StepDown(from, to, rate));
            }
        }

        return stepDowns.Count == items.Count ? stepDowns : null;
    }

    /// <summary>Reads <c>from</c> and <c>to</c>: known placement types, different from each other.</summary>
    public static (string? From, string? To) ReadFromTo(MappingReader map, ReadContext context)
    {
        string? from = map.Field("from") is { } f ? context.Types.ReadReference(f) : null;
        NodeReader? toNode = map.Field("to");
        string? to = toNode is null ? null : context.Types.ReadReference(toNode);
        if (from is not null && from == to)
        {
            toNode!.Error($"'to' must differ from 'from' (both are {from})");
            return (from, null);
        }

        return (from, to);
    }

    private static void CheckSum(NodeReader node, string field, List<double?> shares)
    {
        if (shares.Count == 0 || shares.Any(s => s is null))
        {
            return;
        }

        double sum = shares.Sum(s => s!.Value);
        if (Math.Abs(sum - 1) > ShareTolerance)
        {
            node.Error(Invariant($"the {field} values sum to {Math.Round(sum, 9)}; they must sum to 1 (within 1e-6)"));
        }
    }
}
