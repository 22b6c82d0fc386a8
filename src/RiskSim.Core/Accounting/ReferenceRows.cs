using RiskSim.Core.Time;

namespace RiskSim.Core.Accounting;

/// <summary>Converts a paper's rows between the two ways councils publish them (levels and increments).</summary>
public static class ReferenceRows
{
    /// <summary>
    /// Levels from year-on-year increments: each FY's level is the sum of the increments of every FY
    /// given up to it (MTFS rows of new savings £2.0m, £2.0m, £1.1m are levels £2.0m, £4.0m, £5.1m).
    /// The first FY given starts from 0, so give the row from the first FY it changes in.
    /// </summary>
    /// <param name="increments">Increments by FY; the FYs must be consecutive (a gap would leave a level unknown).</param>
    /// <returns>Levels by FY, over the same FYs.</returns>
    /// <exception cref="ArgumentException">The FYs are not consecutive.</exception>
    public static IReadOnlyDictionary<FinancialYear, double> LevelsFromIncrements(IReadOnlyDictionary<FinancialYear, double> increments)
    {
        ArgumentNullException.ThrowIfNull(increments);
        if (FirstGap(increments.Keys) is { } gap)
        {
            throw new ArgumentException($"increments must be given for consecutive FYs; {gap} is missing.", nameof(increments));
        }

        var levels = new Dictionary<FinancialYear, double>();
        double level = 0;
        foreach (var (fy, increment) in increments.OrderBy(p => p.Key.StartYear))
        {
            level += increment;
            levels.Add(fy, level);
        }

        return levels;
    }

    /// <summary>Increments from levels: the first FY's level, then each FY's change on the one before.</summary>
    /// <param name="levels">Levels by FY, for consecutive FYs.</param>
    /// <exception cref="ArgumentException">The FYs are not consecutive.</exception>
    public static IReadOnlyDictionary<FinancialYear, double> IncrementsFromLevels(IReadOnlyDictionary<FinancialYear, double> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (FirstGap(levels.Keys) is { } gap)
        {
            throw new ArgumentException($"levels must be given for consecutive FYs; {gap} is missing.", nameof(levels));
        }

        var increments = new Dictionary<FinancialYear, double>();
        double previous = 0;
        foreach (var (fy, level) in levels.OrderBy(p => p.Key.StartYear))
        {
            increments.Add(fy, level - previous);
            previous = level;
        }

        return increments;
    }

    /// <summary>The first FY missing between the earliest and the latest of <paramref name="years"/>, or null.</summary>
    public static FinancialYear? FirstGap(IEnumerable<FinancialYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var starts = years.Select(y => y.StartYear).Order().ToArray();
        for (int i = 1; i < starts.Length; i++)
        {
            if (starts[i] != starts[i - 1] + 1)
            {
                return new FinancialYear(starts[i - 1] + 1);
            }
        }

        return null;
    }
}
