using System.Globalization;

namespace RiskSim.Scenarios;

/// <summary>
/// The values a field may take (a rate is in [0, 1], a cost is ≥ 0 …). A constant must lie in
/// it, and so must the whole range of a distribution.
/// </summary>
/// <param name="Lower">Lower bound (−∞ for none).</param>
/// <param name="LowerInclusive">Whether <paramref name="Lower"/> itself is allowed.</param>
/// <param name="Upper">Upper bound (+∞ for none).</param>
/// <param name="UpperInclusive">Whether <paramref name="Upper"/> itself is allowed.</param>
/// <param name="Text">The domain for people, e.g. <c>≥ 0</c>; empty for any number.</param>
internal sealed record Domain(double Lower, bool LowerInclusive, double Upper, bool UpperInclusive, string Text)
{
    /// <summary>Any finite number.</summary>
    public static Domain Any { get; } = new(double.NegativeInfinity, false, double.PositiveInfinity, false, "");

    /// <summary>≥ 0 (costs, amounts, delays).</summary>
    public static Domain NonNegative { get; } = new(0, true, double.PositiveInfinity, false, "≥ 0");

    /// <summary>&gt; 0 (concentrations, post counts, distribution scales).</summary>
    public static Domain Positive { get; } = new(0, false, double.PositiveInfinity, false, "> 0");

    /// <summary>In [0, 1] (rates, shares, diverted proportions).</summary>
    public static Domain UnitInterval { get; } = new(0, true, 1, true, "in [0, 1]");

    /// <summary>&gt; −1 (inflation and growth: 1 + g must stay positive).</summary>
    public static Domain AboveMinusOne { get; } = new(-1, false, double.PositiveInfinity, false, "> −1");

    /// <summary>≥ −1 (a relative uplift; −1 stops exits altogether).</summary>
    public static Domain AtLeastMinusOne { get; } = new(-1, true, double.PositiveInfinity, false, "≥ −1");

    /// <summary>"a number ≥ 0", or "a number" for <see cref="Any"/>.</summary>
    public string NumberPhrase => Text.Length == 0 ? "a number" : "a number " + Text;

    /// <summary>Whether <paramref name="x"/> (possibly infinite) is allowed.</summary>
    public bool Contains(double x) => AboveLower(x) && BelowUpper(x);

    /// <summary>Whether <paramref name="x"/> respects the lower bound.</summary>
    public bool AboveLower(double x) =>
        double.IsNegativeInfinity(Lower) || (LowerInclusive ? x >= Lower : x > Lower);

    /// <summary>Whether <paramref name="x"/> respects the upper bound.</summary>
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
}
