using System.Globalization;

namespace RiskSim.Scenarios;

/// <summary>
/// The values a field may take. Two kinds of bound: the field's mathematical domain (a rate is
/// in [0, 1], a cost is ≥ 0 …), which a constant and the whole range of a distribution must
/// respect, and the practical limits (a weekly cost is at most £100,000 …) that keep every
/// figure the engine computes finite and countable (docs/scenario-format.md, "Limits"). An
/// unbounded distribution's tail can only ever cross a limit with negligible probability, so
/// its range is judged against the limits from P0.0001 to P99.9999 (see <see cref="DistributionReader"/>).
/// </summary>
/// <param name="Lower">Lower bound of the domain (−∞ for none).</param>
/// <param name="LowerInclusive">Whether <paramref name="Lower"/> itself is allowed.</param>
/// <param name="Upper">Upper bound of the domain (+∞ for none).</param>
/// <param name="UpperInclusive">Whether <paramref name="Upper"/> itself is allowed.</param>
/// <param name="Text">Domain and limits for people, e.g. <c>from 0 to 100000 (£ a week per child)</c>.</param>
/// <param name="LimitLower">Smallest value allowed in practice (inclusive; −∞ for none).</param>
/// <param name="LimitUpper">Largest value allowed in practice (inclusive; +∞ for none).</param>
internal sealed record Domain(
    double Lower,
    bool LowerInclusive,
    double Upper,
    bool UpperInclusive,
    string Text,
    double LimitLower = double.NegativeInfinity,
    double LimitUpper = double.PositiveInfinity)
{
    /// <summary>
    /// A distribution's own parameters (min, mode, mean …): wide enough for any field, narrow
    /// enough that the distribution's arithmetic (max − min, mean + 4.75 sd) cannot overflow.
    /// </summary>
    public static Domain Parameter { get; } = new(-1e15, true, 1e15, true, "from −1e15 to 1e15");

    /// <summary>A normal's sd: positive, and bounded like <see cref="Parameter"/>.</summary>
    public static Domain PositiveParameter { get; } = new(0, false, 1e15, true, "> 0 and at most 1e15");

    /// <summary>A lognormal's median.</summary>
    public static Domain Median { get; } = PositiveParameter;

    /// <summary>A lognormal's sigma: above 3, exp(σ·z) spans more than twelve orders of magnitude between P0.0001 and P99.9999, which no council input needs.</summary>
    public static Domain LogSigma { get; } = new(0, false, 3, true, "> 0 and at most 3");

    /// <summary>In [0, 1] (rates, shares, diverted proportions).</summary>
    public static Domain UnitInterval { get; } = new(0, true, 1, true, "in [0, 1]");

    /// <summary>Weekly cost of one placement: the dearest placements cost about £10,000–£20,000 a week.</summary>
    public static Domain WeeklyCost { get; } = Limited(0, true, 0, 100_000, "(£ a week per child)");

    /// <summary>Annual unit-cost inflation and entry growth: −50 % to +100 % a year (1 + g stays positive).</summary>
    public static Domain AnnualRate { get; } = new(-1, false, double.PositiveInfinity, false, "from −0.5 to 1 (a year)", -0.5, 1);

    /// <summary>Entries per month: England as a whole has about 2,700 children entering care a month.</summary>
    public static Domain EntriesPerMonth { get; } = Limited(0, true, 0, 10_000, "(children a month)");

    /// <summary>A dated step in entries, relative: −0.9 (a tenth of the rate) to +5 (six times it).</summary>
    public static Domain EntryStep { get; } = Limited(-1, false, -0.9, 5, "(relative: 0.2 = 20 % more entries a month)");

    /// <summary>Multiplier on the whole entry level.</summary>
    public static Domain RateMultiplier { get; } = Limited(0, true, 0, 10, "");

    /// <summary>A benefit realisation factor: the share of the planned benefit realised, 0 to 2.</summary>
    public static Domain RealisationFactor { get; } = Limited(0, true, 0, 2, "");

    /// <summary>A relative exit uplift: −1 stops exits; +10 is eleven times the base rate.</summary>
    public static Domain ExitUplift { get; } = Limited(-1, true, -1, 10, "");

    /// <summary>Recruitment delay in months: at most the longest horizon.</summary>
    public static Domain DelayMonths { get; } = Limited(0, true, 0, ScenarioLimits.MaxHorizonMonths, "(months)");

    /// <summary>Planned spend per FY (investment, workforce saving): £0 to £10bn.</summary>
    public static Domain AmountGbp { get; } = Limited(0, true, 0, ScenarioLimits.MaxAmountGbp, "(£)");

    /// <summary>Any-sign £ per FY (pressures, reference rows): up to £10bn either way.</summary>
    public static Domain SignedAmountGbp { get; } =
        new(double.NegativeInfinity, false, double.PositiveInfinity, false, Range(-ScenarioLimits.MaxAmountGbp, ScenarioLimits.MaxAmountGbp, "(£)"), -ScenarioLimits.MaxAmountGbp, ScenarioLimits.MaxAmountGbp);

    /// <summary>Agency cover as a multiple of the planned cost.</summary>
    public static Domain AgencyCover { get; } = Limited(0, true, 0, 10, "");

    /// <summary>Posts in one line.</summary>
    public static Domain PostCount { get; } = new(0, false, 10_000, true, "> 0 and at most 10000 (posts)");

    /// <summary>Annual cost of one post.</summary>
    public static Domain PostCost { get; } = Limited(0, true, 0, 1_000_000, "(£ a year per post)");

    /// <summary>Dirichlet concentration of a mix (see docs/scenario-format.md for why at least 1).</summary>
    public static Domain Concentration { get; } = Limited(0, false, 1, 1_000_000, "");

    /// <summary>
    /// Negative-binomial dispersion k of monthly entries (variance λ + λ²/k). Below 1 most months
    /// would have no entries and a few a burst, which is not how sibling groups arrive; above 1e9 it
    /// is Poisson in all but name.
    /// </summary>
    public static Domain Dispersion { get; } = Limited(0, false, 1, 1e9, "");

    /// <summary>LAC of a reference milestone: above any stock the engine can reach.</summary>
    public static Domain MilestoneLac { get; } = Limited(0, true, 0, 100_000_000, "(children)");

    /// <summary>"a number from 0 to 100000 …".</summary>
    public string NumberPhrase => "a number " + Text;

    /// <summary>Whether the distribution-independent limits are finite on either side.</summary>
    public bool HasLimits => !double.IsNegativeInfinity(LimitLower) || !double.IsPositiveInfinity(LimitUpper);

    /// <summary>Whether <paramref name="x"/> (possibly infinite) is allowed: in the domain and within the limits.</summary>
    public bool Contains(double x) => AboveLower(x) && BelowUpper(x) && x >= LimitLower && x <= LimitUpper;

    /// <summary>Whether <paramref name="x"/> respects the domain's lower bound.</summary>
    public bool AboveLower(double x) =>
        double.IsNegativeInfinity(Lower) || (LowerInclusive ? x >= Lower : x > Lower);

    /// <summary>Whether <paramref name="x"/> respects the domain's upper bound.</summary>
    public bool BelowUpper(double x) =>
        double.IsPositiveInfinity(Upper) || (UpperInclusive ? x <= Upper : x < Upper);

    /// <summary>Formats a number for messages, invariant, with ∞ for infinities and a true minus sign.</summary>
    public static string Format(double x) => x switch
    {
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "−∞",
        < 0 => "−" + (-x).ToString(CultureInfo.InvariantCulture),
        _ => x.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>"from lo to hi unit".</summary>
    public static string Range(double lo, double hi, string unit) =>
        unit.Length == 0 ? $"from {Format(lo)} to {Format(hi)}" : $"from {Format(lo)} to {Format(hi)} {unit}";

    /// <summary>
    /// A domain bounded below by <paramref name="lower"/> (mathematically) and limited to
    /// [<paramref name="limitLower"/>, <paramref name="limitUpper"/>] in practice.
    /// </summary>
    private static Domain Limited(double lower, bool lowerInclusive, double limitLower, double limitUpper, string unit) =>
        new(lower, lowerInclusive, double.PositiveInfinity, false, Range(limitLower, limitUpper, unit), limitLower, limitUpper);
}
