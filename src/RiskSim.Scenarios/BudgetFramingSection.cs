using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;
using YamlDotNet.RepresentationModel;

namespace RiskSim.Scenarios;

/// <summary>Reads <c>budget</c>: the paper's budget framing (baseline, funded growth, contingency lines, row labels).</summary>
internal static class BudgetFramingSection
{
    /// <summary>The value of <c>funded_growth</c> that funds the modelled do-nothing growth.</summary>
    public const string DoNothing = "do_nothing";

    private static readonly string[] Keys = ["baseline_gbp_by_fy", "funded_growth", "contingency", "labels"];
    private static readonly string[] GrowthKeys = ["amounts_gbp_by_fy"];
    private static readonly string[] ContingencyKeys = ["id", "label", "amounts_gbp_by_fy"];

    /// <summary>Reads the section; null when anything in it was wrong (the errors say what).</summary>
    public static BudgetFraming? Read(NodeReader node, ReadContext context)
    {
        if (node.RequireMapping(Keys) is not { } map)
        {
            return null;
        }

        int errorsBefore = node.Errors.Count;
        Dictionary<FinancialYear, Input>? baseline = map.OptionalField("baseline_gbp_by_fy") is { } b
            ? context.ReadFyValues(b, fy => $"budget_baseline_{ReadContext.FyColumn(fy)}_gbp", Domain.AmountGbp)
            : null;
        FundedGrowth? growth = map.OptionalField("funded_growth") is { } g ? ReadFundedGrowth(g, context) : null;
        List<ContingencyLine> contingencies = map.OptionalField("contingency") is { } c ? ReadContingencies(c, context) : [];
        Dictionary<string, string> labels = map.OptionalField("labels") is { } l ? ReadLabels(l) : new(StringComparer.Ordinal);

        return node.Errors.Count == errorsBefore
            ? new BudgetFraming { BaselineGbpByFy = baseline, FundedGrowth = growth, Contingencies = contingencies, Labels = labels }
            : null;
    }

    /// <summary><c>funded_growth: do_nothing</c> or <c>funded_growth: {amounts_gbp_by_fy: {FY: value}}</c>.</summary>
    private static FundedGrowth? ReadFundedGrowth(NodeReader node, ReadContext context)
    {
        if (node.Node is YamlScalarNode)
        {
            string? text = node.ReadString();
            if (text == DoNothing)
            {
                return new FundedGrowth { FollowsDoNothing = true };
            }

            if (text is not null)
            {
                node.Error($"expected '{DoNothing}' (the budget funds the modelled do-nothing growth) or a mapping with amounts_gbp_by_fy, found '{text}'");
            }

            return null;
        }

        if (node.RequireMapping(GrowthKeys) is not { } map)
        {
            return null;
        }

        Dictionary<FinancialYear, Input>? amounts = map.Field("amounts_gbp_by_fy") is { } a
            ? context.ReadFyValues(a, fy => $"funded_growth_{ReadContext.FyColumn(fy)}_gbp", Domain.AmountGbp)
            : null;
        return amounts is null ? null : new FundedGrowth { AmountsGbpByFy = amounts };
    }

    private static List<ContingencyLine> ReadContingencies(NodeReader node, ReadContext context)
    {
        var lines = new List<ContingencyLine>();
        if (node.RequireSequence() is not { } items)
        {
            return lines;
        }

        var ids = new IdRegistry("contingency line");
        foreach (NodeReader item in items)
        {
            if (item.RequireMapping(ContingencyKeys) is not { } map)
            {
                continue;
            }

            string? id = ids.ReadDefinition(map);
            string? label = map.Field("label")?.ReadString();
            Dictionary<FinancialYear, double>? amounts = map.Field("amounts_gbp_by_fy") is { } a
                ? context.ReadFyNumbers(a, Domain.AmountGbp)
                : null;
            if (id is not null && label is not null && amounts is not null)
            {
                lines.Add(new ContingencyLine(id, label, amounts));
            }
        }

        return lines;
    }

    /// <summary>Labels keyed by metric column name; an unknown metric is an error at its key.</summary>
    private static Dictionary<string, string> ReadLabels(NodeReader node)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node.RequireMapping() is not { } map)
        {
            return labels;
        }

        foreach ((string name, NodeReader key, NodeReader value) in map.Entries)
        {
            if (!Metrics.TryParse(name, out _))
            {
                key.Error($"unknown metric '{name}'; expected one of: {string.Join(", ", Metrics.All.Select(m => m.ColumnName()))}");
            }
            else if (value.ReadString() is { } label)
            {
                labels.Add(name, label);
            }
        }

        return labels;
    }
}
