using RiskSim.Core.Model;

namespace RiskSim.Scenarios;

/// <summary>Reads the top-level mapping of a scenario, section by section, in dependency order.</summary>
internal static class ScenarioReader
{
    /// <summary>The only schema this loader reads.</summary>
    public const string Schema = "risksim/scenario/1";

    private static readonly string[] TopKeys =
    [
        "schema", "name", "description", "horizon", "stock", "entries", "placement_types", "step_downs",
        "investment_lines", "effects", "realisation", "workforce_saving", "pressures", "budget", "reference",
        "risk_events", "correlations", "correlation_repair",
    ];

    /// <summary>Reads the document root; returns null when anything was wrong (the errors say what).</summary>
    public static Scenario? Read(NodeReader root)
    {
        if (root.RequireMapping(TopKeys) is not { } map)
        {
            return null;
        }

        var context = new ReadContext();
        NodeReader? schemaNode = map.Field("schema");
        if (schemaNode?.ReadString() is { } schema && schema != Schema)
        {
            schemaNode.Error($"unsupported schema '{schema}'; this version reads '{Schema}'");
        }

        string? name = map.Field("name")?.ReadString();
        string? description = map.OptionalField("description")?.ReadString();
        context.Horizon = map.Field("horizon") is { } h ? DemandSection.ReadHorizon(h) : null;

        // Types and lines first: later sections refer to their ids.
        List<PlacementType>? types = null;
        if (map.Field("placement_types") is { } typesNode)
        {
            types = PlacementSection.ReadTypes(typesNode, context, DemandSection.EntryMixIsSameAsStock(map.Field("entries")));
        }
        else
        {
            context.Types.MarkIncomplete();
        }

        List<InvestmentLine>? lines = map.OptionalField("investment_lines") is { } linesNode
            ? InvestmentSection.ReadLines(linesNode, context)
            : [];
        NodeReader? eventsNode = map.OptionalField("risk_events");
        List<RiskEvent>? riskEvents = eventsNode is null ? [] : RiskSection.ReadEvents(eventsNode, context, types);
        Demand? demand = DemandSection.Read(map.Field("stock"), map.Field("entries"), context);
        List<StepDown>? stepDowns = map.OptionalField("step_downs") is { } s ? PlacementSection.ReadStepDowns(s, context) : [];
        List<ProgrammeEffect>? effects = map.OptionalField("effects") is { } e ? EffectSection.ReadEffects(e, context) : [];
        NodeReader? realisationNode = map.OptionalField("realisation");
        Realisation? realisation = realisationNode is null ? null : RealisationSection.Read(realisationNode, context, effects);
        NodeReader? workforceNode = map.OptionalField("workforce_saving");
        WorkforceSaving? workforce = workforceNode is null ? null : BudgetSection.ReadWorkforce(workforceNode, context);
        List<Pressure>? pressures = map.OptionalField("pressures") is { } p ? BudgetSection.ReadPressures(p, context) : [];
        NodeReader? budgetNode = map.OptionalField("budget");
        BudgetFraming? budget = budgetNode is null ? null : BudgetFramingSection.Read(budgetNode, context);
        NodeReader? referenceNode = map.OptionalField("reference");
        ReferenceData? reference = referenceNode is null ? null : BudgetSection.ReadReference(referenceNode, context);
        NodeReader? correlationsNode = map.OptionalField("correlations");
        List<RankCorrelation>? correlations = correlationsNode is null ? [] : RiskSection.ReadCorrelations(correlationsNode);
        NodeReader? repairNode = map.OptionalField("correlation_repair");
        bool? repair = repairNode is null ? false : RiskSection.ReadRepair(repairNode);

        if (name is null || context.Horizon is not { } horizon || types is null || demand is null || stepDowns is null
            || lines is null || effects is null || pressures is null
            || (realisationNode is not null && realisation is null) || (workforceNode is not null && workforce is null) || (referenceNode is not null && reference is null) || (budgetNode is not null && budget is null)
            || riskEvents is null || correlations is null || repair is null)
        {
            return null;
        }

        return new Scenario
        {
            Name = name,
            Description = description,
            Horizon = horizon,
            PlacementTypes = types,
            Demand = demand,
            StepDowns = stepDowns,
            InvestmentLines = lines,
            Effects = effects,
            Realisation = realisation,
            Workforce = workforce,
            Pressures = pressures,
            Budget = budget,
            Reference = reference,
            RiskEvents = riskEvents,
            Correlations = correlations,
            RepairCorrelations = repair.Value,
        };
    }
}
