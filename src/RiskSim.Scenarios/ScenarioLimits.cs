namespace RiskSim.Scenarios;

/// <summary>
/// Limits on scenario input, so that any file is read in bounded time and memory and every
/// scenario that validates runs to completion with finite figures. Each is documented, with its
/// reason, in docs/scenario-format.md ("Limits").
/// </summary>
public static class ScenarioLimits
{
    /// <summary>Largest scenario file read, in bytes (1 MiB; Staffordshire is 17 KB). Callers read at most one byte more.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Deepest nesting of YAML collections (a scenario needs 5).</summary>
    public const int MaxDepth = 32;

    /// <summary>Most nodes the document may expand to once aliases are followed (a scenario has a few thousand).</summary>
    public const int MaxExpandedNodes = 100_000;

    /// <summary>Errors listed; the rest are counted.</summary>
    public const int MaxReportedErrors = 50;

    /// <summary>Longest horizon, in months (50 years).</summary>
    public const int MaxHorizonMonths = 600;

    /// <summary>Largest starting stock (England has about 84,000 looked-after children).</summary>
    public const int MaxStock = 1_000_000;

    /// <summary>
    /// Largest entry rate a month, after the rate multiplier and growth, anywhere in the horizon:
    /// with <see cref="MaxStock"/> and <see cref="MaxHorizonMonths"/> the stock stays below
    /// 61 million, far below what the engine counts (int32), and Poisson means far below 1e9.
    /// </summary>
    public const double MaxEntriesPerMonth = 100_000;

    /// <summary>Largest £ amount a year of one line, pressure or reference row (either sign for pressures).</summary>
    public const double MaxAmountGbp = 1e10;

    /// <summary>Most placement types (DfE's SSDA903 return has about 30 placement codes).</summary>
    public const int MaxPlacementTypes = 100;
}
