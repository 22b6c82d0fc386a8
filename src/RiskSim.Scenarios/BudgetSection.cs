using RiskSim.Core.Accounting;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;
using YamlDotNet.RepresentationModel;
using static System.FormattableString;

namespace RiskSim.Scenarios;

/// <summary>Reads <c>workforce_saving</c>, <c>pressures</c> and <c>reference</c>.</summary>
internal static class BudgetSection
{
    private static readonly string[] WorkforceKeys = ["amounts_gbp_by_fy", "scales_with_lac_reduction"];
    private static readonly string[] PressureKeys = ["id", "label", "amounts_gbp_by_fy"];
    private static readonly string[] ReferenceKeys = ["rows", "lac_milestones", "breakeven_fy"];
    private static readonly string[] MilestoneKeys = ["month", "lac"];
    private static readonly string[] RowKeys = ["basis", "amounts_gbp_by_fy"];

    /// <summary>Reads <c>workforce_saving</c>.</summary>
    public static WorkforceSaving? ReadWorkforce(NodeReader node, ReadContext context)
    {
        if (node.RequireMapping(WorkforceKeys) is not { } map)
        {
            return null;
        }

        Dictionary<FinancialYear, double>? amounts = map.Field("amounts_gbp_by_fy") is { } a
            ? context.ReadFyNumbers(a, Domain.AmountGbp)
            : null;
        bool? scales = map.OptionalField("scales_with_lac_reduction") is { } s ? s.ReadBool() : true;
        return amounts is not null && scales is { } scalesWithLac ? new WorkforceSaving(amounts, scalesWithLac) : null;
    }

    /// <summary>Reads <c>pressures</c>.</summary>
    public static List<Pressure>? ReadPressures(NodeReader node, ReadContext context)
    {
        if (node.RequireSequence() is not { } items)
        {
            return null;
        }

        var pressures = new List<Pressure>();
        foreach (NodeReader item in items)
        {
            if (item.RequireMapping(PressureKeys) is not { } map)
            {
                continue;
            }

            string? id = context.Pressures.ReadDefinition(map);
            string? label = map.Field("label")?.ReadString();
            Dictionary<FinancialYear, Input>? amounts = map.Field("amounts_gbp_by_fy") is { } a
                ? context.ReadFyValues(a, fy => $"pressure_{id ?? "unknown"}_{ReadContext.FyColumn(fy)}_gbp", Domain.SignedAmountGbp)
                : null;
            if (id is not null && label is not null && amounts is not null)
            {
                pressures.Add(new Pressure(id, label, amounts));
            }
        }

        return pressures.Count == items.Count ? pressures : null;
    }

    /// <summary>Reads <c>reference</c>: rows keyed by metric column names, LAC milestones and the breakeven FY.</summary>
    public static ReferenceData? ReadReference(NodeReader node, ReadContext context)
    {
        if (node.RequireMapping(ReferenceKeys) is not { } map)
        {
            return null;
        }

        int errorsBefore = node.Errors.Count;
        var rows = new Dictionary<string, IReadOnlyDictionary<FinancialYear, double>>(StringComparer.Ordinal);
        var bases = new Dictionary<string, ReferenceBasis>(StringComparer.Ordinal);
        if (map.OptionalField("rows")?.RequireMapping() is { } rowsMap)
        {
            foreach ((string name, NodeReader key, NodeReader value) in rowsMap.Entries)
            {
                if (!Metrics.TryParse(name, out _))
                {
                    key.Error($"unknown metric '{name}'; expected one of: {string.Join(", ", Metrics.All.Select(m => m.ColumnName()))}");
                }
                else if (ReadRow(value, context) is { } row)
                {
                    rows.Add(name, row.Levels);
                    bases.Add(name, row.Basis);
                }
            }
        }

        var milestones = new List<LacMilestone>();
        var milestoneLines = new Dictionary<YearMonth, long>();
        if (map.OptionalField("lac_milestones")?.RequireSequence() is { } items)
        {
            foreach (NodeReader item in items)
            {
                if (item.RequireMapping(MilestoneKeys) is not { } milestone)
                {
                    continue;
                }

                NodeReader? monthNode = milestone.Field("month");
                YearMonth? month = ReadMilestoneMonth(monthNode, context);
                if (month is { } given && !milestoneLines.TryAdd(given, monthNode!.Node.Start.Line))
                {
                    // Two targets for one month cannot both be met; plan mode would compare against either.
                    monthNode.Error(Invariant($"the milestone for {given} is given twice (first at line {milestoneLines[given]}); give each month once"));
                    month = null;
                }

                double? lac = milestone.Field("lac")?.ReadNumber(Domain.MilestoneLac);
                if (month is { } m && lac is { } children)
                {
                    milestones.Add(new LacMilestone(m, children));
                }
            }
        }

        FinancialYear? breakeven = map.OptionalField("breakeven_fy") is { } b ? context.ReadFyInHorizon(b) : null;
        return node.Errors.Count == errorsBefore ? new ReferenceData(rows, milestones, breakeven) { Bases = bases } : null;
    }

    /// <summary>
    /// One reference row: a map FY → £ (levels), or <c>{basis: level|increment, amounts_gbp_by_fy: {…}}</c>.
    /// Increments are converted to levels here, once, so everything downstream compares levels.
    /// </summary>
    private static (IReadOnlyDictionary<FinancialYear, double> Levels, ReferenceBasis Basis)? ReadRow(NodeReader node, ReadContext context)
    {
        if (node.Node is not YamlMappingNode mapping || !mapping.Children.Keys.Any(k => k is YamlScalarNode { Value: "basis" or "amounts_gbp_by_fy" }))
        {
            return context.ReadFyNumbers(node, Domain.SignedAmountGbp) is { } levels ? (levels, ReferenceBasis.Level) : null;
        }

        if (node.RequireMapping(RowKeys) is not { } map)
        {
            return null;
        }

        ReferenceBasis? basis = ReferenceBasis.Level;
        if (map.OptionalField("basis") is { } basisNode)
        {
            basis = basisNode.ReadString() switch
            {
                "level" => ReferenceBasis.Level,
                "increment" => ReferenceBasis.Increment,
                null => null,
                string other => Unknown(basisNode, other),
            };
        }

        NodeReader? amountsNode = map.Field("amounts_gbp_by_fy");
        if (amountsNode is null || context.ReadFyNumbers(amountsNode, Domain.SignedAmountGbp) is not { } amounts || basis is not { } b)
        {
            return null;
        }

        if (b == ReferenceBasis.Level)
        {
            return (amounts, b);
        }

        if (ReferenceRows.FirstGap(amounts.Keys) is { } gap)
        {
            amountsNode.Error($"an increment row needs every FY from its first to its last (each level is the running sum); {gap} is missing");
            return null;
        }

        return (ReferenceRows.LevelsFromIncrements(amounts), b);

        static ReferenceBasis? Unknown(NodeReader node, string found)
        {
            node.Error($"expected 'level' (each FY's value is the row's level) or 'increment' (each FY's value is the change on the FY before), found '{found}'");
            return null;
        }
    }

    /// <summary>A milestone is LAC at the end of a month, so the month before the horizon start (the opening stock) is allowed.</summary>
    private static YearMonth? ReadMilestoneMonth(NodeReader? node, ReadContext context)
    {
        if (node?.ReadYearMonth() is not { } month)
        {
            return null;
        }

        if (context.Horizon is { } h && (month.Ordinal < h.Start.Ordinal - 1 || month > h.End))
        {
            node.Error($"month {month} is outside the horizon: a milestone is LAC at the end of a month, from the month before {h.Start} to {h.End}");
            return null;
        }

        return month;
    }
}
