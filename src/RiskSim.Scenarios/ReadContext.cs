using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Scenarios;

/// <summary>What the section readers share: the horizon (once read) and the ids defined so far.</summary>
internal sealed class ReadContext
{
    /// <summary>The horizon, or null if it could not be read (range checks are then skipped).</summary>
    public Horizon? Horizon { get; set; }

    /// <summary>The product of the entry-demand factors of the risk events, for the peak entry-rate check.</summary>
    public double EntryEventFactor { get; set; } = 1;

    /// <summary>Placement type ids.</summary>
    public IdRegistry Types { get; } = new("placement type");

    /// <summary>Investment line ids.</summary>
    public IdRegistry Lines { get; } = new("investment line");

    /// <summary>Effect ids.</summary>
    public IdRegistry Effects { get; } = new("effect");

    /// <summary>Pressure ids.</summary>
    public IdRegistry Pressures { get; } = new("pressure");

    /// <summary>The trials-column form of an FY: <c>2020/21</c> → <c>2020_21</c>.</summary>
    public static string FyColumn(FinancialYear year) => year.Label.Replace('/', '_');

    /// <summary>Reads a month that must lie inside the horizon.</summary>
    public YearMonth? ReadMonthInHorizon(NodeReader node)
    {
        YearMonth? month = node.ReadYearMonth();
        if (month is { } m && Horizon is { } h && !h.Contains(m))
        {
            node.Error($"month {m} is outside the horizon ({h.Start} to {h.End})");
            return null;
        }

        return month;
    }

    /// <summary>Reads an FY that must be one of the horizon's.</summary>
    public FinancialYear? ReadFyInHorizon(NodeReader node)
    {
        FinancialYear? year = node.ReadFy();
        if (year is { } y && Horizon is { } h && !h.Contains(y))
        {
            node.Error($"FY {y} is outside the horizon, whose FYs are {h.FinancialYears[0]} to {h.FinancialYears[^1]}");
            return null;
        }

        return year;
    }

    /// <summary>Reads a map FY → *value*; input names come from <paramref name="inputName"/>. Null if anything in it was wrong.</summary>
    public Dictionary<FinancialYear, Input>? ReadFyValues(NodeReader node, Func<FinancialYear, string> inputName, Domain domain)
    {
        int errorsBefore = node.Errors.Count;
        var result = new Dictionary<FinancialYear, Input>();
        foreach ((_, FinancialYear year, NodeReader value) in ReadFyEntries(node))
        {
            if (value.ReadValue(inputName(year), domain) is { } input)
            {
                result.Add(year, input);
            }
        }

        return node.Errors.Count == errorsBefore ? result : null;
    }

    /// <summary>
    /// Reads a map FY → plain number in <paramref name="domain"/>; <paramref name="check"/> may
    /// reject an entry (reporting at its key). Null if anything in it was wrong.
    /// </summary>
    public Dictionary<FinancialYear, double>? ReadFyNumbers(
        NodeReader node, Domain domain, Action<NodeReader, FinancialYear, double>? check = null)
    {
        int errorsBefore = node.Errors.Count;
        var result = new Dictionary<FinancialYear, double>();
        foreach ((NodeReader key, FinancialYear year, NodeReader value) in ReadFyEntries(node))
        {
            if (value.ReadNumber(domain) is { } amount)
            {
                check?.Invoke(key, year, amount);
                result.Add(year, amount);
            }
        }

        return node.Errors.Count == errorsBefore ? result : null;
    }

    /// <summary>The entries of a mapping keyed by FYs of the horizon; bad keys are reported and skipped.</summary>
    private List<(NodeReader Key, FinancialYear Year, NodeReader Value)> ReadFyEntries(NodeReader node)
    {
        var entries = new List<(NodeReader Key, FinancialYear Year, NodeReader Value)>();
        if (node.RequireMapping() is not { } map)
        {
            return entries;
        }

        foreach ((_, NodeReader key, NodeReader value) in map.Entries)
        {
            if (ReadFyInHorizon(key) is { } year)
            {
                entries.Add((key, year, value));
            }
        }

        return entries;
    }
}
