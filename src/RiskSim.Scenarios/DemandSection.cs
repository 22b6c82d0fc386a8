using RiskSim.Core.Model;
using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;
using static System.FormattableString;

namespace RiskSim.Scenarios;

/// <summary>Reads <c>horizon</c>, <c>stock</c> and <c>entries</c>.</summary>
internal static class DemandSection
{
    private static readonly string[] HorizonKeys = ["start", "end", "fy_start_month"];
    private static readonly string[] StockKeys = ["total", "mix_concentration"];
    private static readonly string[] EntriesKeys = ["per_month", "per_month_by_fy", "annual_growth", "rate_multiplier", "step", "dispersion", "mix", "mix_concentration"];
    private static readonly string[] StepKeys = ["month", "size"];

    /// <summary>The value of <c>entries.mix</c> that gives entrants the starting stock's shares.</summary>
    public const string SameAsStock = "same_as_stock";

    /// <summary>
    /// Whether <c>entries.mix</c> is <c>same_as_stock</c>, looked at without reporting anything
    /// (the placement types are read first and need to know; <see cref="Read"/> reports errors).
    /// </summary>
    public static bool EntryMixIsSameAsStock(NodeReader? entriesNode) =>
        entriesNode?.Node is YamlDotNet.RepresentationModel.YamlMappingNode map
        && map.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode("mix"), out var value)
        && value is YamlDotNet.RepresentationModel.YamlScalarNode { Value: SameAsStock };

    /// <summary>Reads <c>horizon</c>.</summary>
    public static Horizon? ReadHorizon(NodeReader node)
    {
        if (node.RequireMapping(HorizonKeys) is not { } map)
        {
            return null;
        }

        YearMonth? start = map.Field("start")?.ReadYearMonth();
        NodeReader? endNode = map.Field("end");
        YearMonth? end = endNode?.ReadYearMonth();
        int? fyStartMonth = map.OptionalField("fy_start_month") is { } fy ? fy.ReadInt(1, 12) : 4;
        if (start is not { } s || end is not { } e || fyStartMonth is not { } f)
        {
            return null;
        }

        if (e < s)
        {
            endNode!.Error($"end {e} is before start {s}");
            return null;
        }

        int months = e.Ordinal - s.Ordinal + 1;
        if (months > ScenarioLimits.MaxHorizonMonths)
        {
            endNode!.Error(Invariant(
                $"the horizon {s} to {e} is {months} months long; at most {ScenarioLimits.MaxHorizonMonths} months (50 years) are supported"));
            return null;
        }

        return CoreCall.Try(node, () => new Horizon(s, e, f));
    }

    /// <summary>Reads <c>stock</c> and <c>entries</c> (either may be missing, already reported).</summary>
    public static Demand? Read(NodeReader? stockNode, NodeReader? entriesNode, ReadContext context)
    {
        int? total = null;
        double? stockConcentration = null;
        if (stockNode?.RequireMapping(StockKeys) is { } stock)
        {
            total = stock.Field("total")?.ReadInt(0, ScenarioLimits.MaxStock);
            stockConcentration = stock.OptionalField("mix_concentration")?.ReadNumber(Domain.Concentration);
        }

        if (entriesNode?.RequireMapping(EntriesKeys) is not { } entries)
        {
            return null;
        }

        NodeReader? perMonthNode = entries.OptionalField("per_month");
        NodeReader? byFyNode = entries.OptionalField("per_month_by_fy");
        if (perMonthNode is not null && byFyNode is not null)
        {
            entries.Key("per_month_by_fy")!.Error("give either per_month or per_month_by_fy, not both");
        }
        else if (perMonthNode is null && byFyNode is null)
        {
            entriesNode.Errors.Add(
                entriesNode.Node.Start,
                NodeReader.Join(entriesNode.Path, "per_month"),
                "missing the entry rate: give per_month (one rate) or per_month_by_fy (a rate for each FY)");
        }

        Input? perMonth = perMonthNode?.ReadValue("entries_per_month", Domain.EntriesPerMonth);
        Dictionary<FinancialYear, Input>? byFy = byFyNode is null
            ? null
            : context.ReadFyValues(byFyNode, fy => "entries_per_month_" + ReadContext.FyColumn(fy), Domain.EntriesPerMonth);
        if (byFy is not null && context.Horizon is { } horizon)
        {
            var missing = horizon.FinancialYears.Where(fy => !byFy.ContainsKey(fy)).ToList();
            if (missing.Count > 0)
            {
                byFyNode!.Error(
                    $"no entry rate for {string.Join(", ", missing)}; give one for every FY of the horizon "
                    + $"({horizon.FinancialYears[0]} to {horizon.FinancialYears[^1]})");
            }
        }

        Input? growth = entries.OptionalField("annual_growth") is { } g
            ? g.ReadValue("entries_annual_growth", Domain.AnnualRate)
            : Input.Fixed("entries_annual_growth", 0);
        Input? multiplier = entries.OptionalField("rate_multiplier") is { } m
            ? m.ReadValue("entries_rate_multiplier", Domain.RateMultiplier)
            : Input.Fixed("entries_rate_multiplier", 1);
        double? entryConcentration = entries.OptionalField("mix_concentration")?.ReadNumber(Domain.Concentration);
        if (entries.OptionalField("mix") is { } mixNode && mixNode.ReadString() is { } mix && mix != SameAsStock)
        {
            mixNode.Error($"unknown entry mix '{mix}'; the allowed value is {SameAsStock} (or leave mix out and give each type's entry_share)");
        }

        EntryStep? step = null;
        bool stepBad = false;
        if (entries.OptionalField("step") is { } stepNode)
        {
            step = ReadStep(stepNode, context.Horizon);
            stepBad = step is null;
        }

        // Negative binomial dispersion k: variance = mean + mean²/k; absent means Poisson.
        double? dispersion = entries.OptionalField("dispersion")?.ReadNumber(Domain.Dispersion);

        if (total is not { } t || (perMonth is null && byFy is null) || growth is null || multiplier is null || stepBad)
        {
            return null;
        }

        if (!CheckPeakEntryRate(entriesNode, perMonth, byFy, growth, multiplier, step, context.Horizon, context.EntryEventFactor))
        {
            return null;
        }

        return new Demand(t, perMonth, byFy, growth, multiplier, stockConcentration, entryConcentration, dispersion, step);
    }

    /// <summary>
    /// Reads <c>entries.step</c>: <c>month</c> (inside the horizon, after its first month: a step
    /// in the first month is just a higher <c>per_month</c>) and <c>size</c> (a *value*, relative).
    /// </summary>
    private static EntryStep? ReadStep(NodeReader node, Horizon? horizon)
    {
        if (node.RequireMapping(StepKeys) is not { } map)
        {
            return null;
        }

        NodeReader? monthNode = map.Field("month");
        YearMonth? month = monthNode?.ReadYearMonth();
        Input? size = map.Field("size")?.ReadValue("entries_step_size", Domain.EntryStep);
        if (month is not { } m || size is null)
        {
            return null;
        }

        if (horizon is { } h && (m <= h.Start || m > h.End))
        {
            monthNode!.Error($"the step month {m} must be after the horizon's first month {h.Start} and no later than its last {h.End}");
            return null;
        }

        return new EntryStep(m, size);
    }

    /// <summary>
    /// Each factor of the entry rate is within its own range, but their product is what the
    /// engine draws from: per month × multiplier × growth over the horizon, at each input's
    /// practical maximum, must stay within <see cref="ScenarioLimits.MaxEntriesPerMonth"/>
    /// (which keeps Poisson means and the stock countable).
    /// </summary>
    private static bool CheckPeakEntryRate(
        NodeReader entriesNode, Input? perMonth, Dictionary<FinancialYear, Input>? byFy, Input growth, Input multiplier, EntryStep? step, Horizon? horizon, double eventFactor)
    {
        double rate = perMonth is not null
            ? DistributionReader.UpperTail(perMonth)
            : byFy!.Values.Select(DistributionReader.UpperTail).DefaultIfEmpty(0).Max();
        double g = DistributionReader.UpperTail(growth);
        double years = (horizon?.MonthCount ?? 1) / 12.0;
        double growthFactor = g > 0 ? Math.Pow(1 + g, years) : 1;
        double stepFactor = step is null ? 1 : Math.Max(1, 1 + DistributionReader.UpperTail(step.Size));
        double peak = rate * DistributionReader.UpperTail(multiplier) * growthFactor * stepFactor * eventFactor;
        if (peak <= ScenarioLimits.MaxEntriesPerMonth)
        {
            return true;
        }

        entriesNode.Error(
            Invariant($"the entry rate can reach {peak:G4} a month (per month up to {rate:G4} × rate_multiplier up to {DistributionReader.UpperTail(multiplier):G4} ")
            + Invariant($"× growth of up to {g:G4} a year over {years:G3} years = {growthFactor:G4}")
            + (stepFactor > 1 ? Invariant($" × step up to {stepFactor:G4}") : "")
            + (eventFactor > 1 ? Invariant($" × risk events' demand factors {eventFactor:G4}") : "")
            + Invariant($"); RiskSim counts at most {ScenarioLimits.MaxEntriesPerMonth} a month: lower one of them"));
        return false;
    }
}
