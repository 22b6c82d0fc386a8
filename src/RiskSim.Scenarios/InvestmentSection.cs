using RiskSim.Core.Model;
using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Scenarios;

/// <summary>Reads <c>investment_lines</c>.</summary>
internal static class InvestmentSection
{
    private static readonly string[] LineKeys =
    [
        "id", "label", "planned_start", "amounts_gbp_by_fy", "posts", "recruitment_delay_months", "agency_cover_ratio",
        "benefit_lag_months",
    ];

    private static readonly string[] PostKeys = ["count", "annual_cost_gbp", "end"];

    /// <summary>Reads <c>investment_lines</c>, registering their ids.</summary>
    public static List<InvestmentLine>? ReadLines(NodeReader node, ReadContext context)
    {
        if (node.RequireSequence() is not { } items)
        {
            context.Lines.MarkIncomplete();
            return null;
        }

        var lines = new List<InvestmentLine>();
        foreach (NodeReader item in items)
        {
            if (item.RequireMapping(LineKeys) is not { } map)
            {
                context.Lines.MarkIncomplete();
                continue;
            }

            if (ReadLine(item, map, context) is { } line)
            {
                lines.Add(line);
            }
        }

        return lines.Count == items.Count ? lines : null;
    }

    private static InvestmentLine? ReadLine(NodeReader item, MappingReader map, ReadContext context)
    {
        string? id = context.Lines.ReadDefinition(map);
        string? label = map.Field("label")?.ReadString();
        YearMonth? plannedStart = map.Field("planned_start") is { } p ? context.ReadMonthInHorizon(p) : null;

        NodeReader? amountsNode = map.OptionalField("amounts_gbp_by_fy");
        NodeReader? postsNode = map.OptionalField("posts");
        if (amountsNode is not null && postsNode is not null)
        {
            map.Key("posts")!.Error("give either amounts_gbp_by_fy or posts, not both");
        }
        else if (amountsNode is null && postsNode is null)
        {
            item.Errors.Add(
                item.Node.Start,
                NodeReader.Join(item.Path, "amounts_gbp_by_fy"),
                "missing the planned spend: give amounts_gbp_by_fy (£ per FY) or posts (count, annual_cost_gbp, end)");
        }

        Dictionary<FinancialYear, double>? amounts = amountsNode is null
            ? null
            : context.ReadFyNumbers(amountsNode, Domain.AmountGbp, (key, year, amount) =>
            {
                if (plannedStart is { } start && context.Horizon is { } horizon && amount != 0
                    && LastMonthOrdinal(year, horizon.FyStartMonth) < start.Ordinal)
                {
                    key.Error($"FY {year} ends before the line's planned start {start}, so nothing can be spent in it");
                }
            });
        PostFunding? posts = postsNode is null ? null : ReadPosts(postsNode, plannedStart);

        Input? delay = map.OptionalField("recruitment_delay_months") is { } d
            ? d.ReadValue((id ?? "unknown") + "_recruitment_delay_months", Domain.DelayMonths)
            : Input.Fixed((id ?? "unknown") + "_recruitment_delay_months", 0);
        double? agencyCover = map.OptionalField("agency_cover_ratio")?.ReadNumber(Domain.AgencyCover);
        Input? lag = map.OptionalField("benefit_lag_months") is { } bl
            ? bl.ReadValue((id ?? "unknown") + "_benefit_lag_months", Domain.DelayMonths)
            : Input.Fixed((id ?? "unknown") + "_benefit_lag_months", 0);

        if (id is null || label is null || plannedStart is not { } ps || (amounts is null && posts is null) || delay is null || lag is null)
        {
            return null;
        }

        return new InvestmentLine(id, label, ps, amounts, posts, delay, agencyCover, lag);
    }

    private static PostFunding? ReadPosts(NodeReader node, YearMonth? plannedStart)
    {
        if (node.RequireMapping(PostKeys) is not { } map)
        {
            return null;
        }

        double? count = map.Field("count")?.ReadNumber(Domain.PostCount);
        double? annualCost = map.Field("annual_cost_gbp")?.ReadNumber(Domain.PostCost);
        NodeReader? endNode = map.Field("end");
        YearMonth? end = endNode?.ReadYearMonth();
        if (end is { } e && plannedStart is { } s && e < s)
        {
            endNode!.Error($"posts end ({e}) before the line's planned start ({s})");
            return null;
        }

        return count is { } c && annualCost is { } a && end is { } last ? new PostFunding(c, a, last) : null;
    }

    /// <summary>Ordinal (see <see cref="YearMonth.Ordinal"/>) of the last month of an FY, without building a month that may not exist.</summary>
    private static int LastMonthOrdinal(FinancialYear year, int fyStartMonth) =>
        (year.StartYear * 12) + fyStartMonth - 1 + 11;
}
