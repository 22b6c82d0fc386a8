using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Core.Model;

/// <summary>
/// Something the programme changes in the programme world (never in the do-nothing world).
/// It starts at <see cref="Start"/> plus the largest recruitment delay among <see cref="Lines"/>,
/// then ramps linearly to full size over <see cref="RampMonths"/> months, and stops after <see cref="End"/>.
/// </summary>
public abstract record ProgrammeEffect
{
    /// <summary>Identifier (snake_case); the effect's size becomes input <c>effect_&lt;id&gt;</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Investment line ids whose people deliver this effect.</summary>
    public required IReadOnlyList<string> Lines { get; init; }

    /// <summary>Planned first month of the effect.</summary>
    public required YearMonth Start { get; init; }

    /// <summary>Months to reach full size (0 = full at once).</summary>
    public required int RampMonths { get; init; }

    /// <summary>Last month of the effect, or null for the rest of the horizon.</summary>
    public YearMonth? End { get; init; }
}

/// <summary>
/// Diverts a share of would-be entrants (e.g. to early help): λ is multiplied by (1 − size), or,
/// with <see cref="Types"/>, only the entry rate into those types, λ · share_k · (1 − size).
/// </summary>
public sealed record EntryDiversion : ProgrammeEffect
{
    /// <summary>Share of entries diverted at full effect, 0 to 1.</summary>
    public required Input Size { get; init; }

    /// <summary>Placement type ids whose would-be entrants are diverted; empty means all entrants.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];
}

/// <summary>
/// Diverts a share of the entries above the horizon's first-month rate, i.e. of the do-nothing
/// growth in demand ("new demand is managed at the earliest levels of support"):
/// λ becomes λ − size · max(0, λ − λ(first month)), before any <see cref="EntryDiversion"/>.
/// With <see cref="Types"/>, only the growth part of the entries into those types is diverted.
/// </summary>
public sealed record GrowthDiversion : ProgrammeEffect
{
    /// <summary>Share of the growth in entries diverted at full effect, 0 to 1.</summary>
    public required Input Size { get; init; }

    /// <summary>Placement type ids whose share of the growth is diverted; empty means all entrants.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];
}

/// <summary>Raises the exit rate of the given types: h is multiplied by (1 + size).</summary>
public sealed record ExitUplift : ProgrammeEffect
{
    /// <summary>Relative uplift at full effect (0.2 = exits 20 % more likely).</summary>
    public required Input Size { get; init; }

    /// <summary>Placement type ids affected; empty means all.</summary>
    public required IReadOnlyList<string> Types { get; init; }
}

/// <summary>Adds a monthly step-down rate from one type to another (e.g. residential → fostering).</summary>
public sealed record StepDownUplift : ProgrammeEffect
{
    /// <summary>Additional monthly probability of moving, at full effect.</summary>
    public required Input Size { get; init; }

    /// <summary>Type children move out of.</summary>
    public required string From { get; init; }

    /// <summary>Type children move into.</summary>
    public required string To { get; init; }
}

/// <summary>
/// From <see cref="ProgrammeEffect.Start"/>, each child leaving one of <see cref="Types"/> is replaced by
/// one new entrant into it, so its stock stops changing; the other entrants are split over the
/// remaining types by their entry shares. Total entries are unchanged.
/// </summary>
public sealed record OneInOneOut : ProgrammeEffect
{
    /// <summary>Placement type ids held one-in-one-out.</summary>
    public required IReadOnlyList<string> Types { get; init; }
}
