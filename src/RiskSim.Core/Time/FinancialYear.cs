using System.Globalization;

namespace RiskSim.Core.Time;

/// <summary>
/// An English local-government financial year, written <c>2023/24</c>: it starts in
/// <see cref="StartYear"/> (in April, or the scenario's FY start month) and ends the next year.
/// </summary>
public readonly record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    /// <summary>The label used in papers and outputs, e.g. <c>2023/24</c>.</summary>
    public string Label => string.Create(
        CultureInfo.InvariantCulture, $"{StartYear:D4}/{(StartYear + 1) % 100:D2}");

    /// <summary>The financial year containing <paramref name="month"/>.</summary>
    public static FinancialYear Containing(YearMonth month, int fyStartMonth) =>
        new(month.Month >= fyStartMonth ? month.Year : month.Year - 1);

    /// <summary>The first month of this financial year.</summary>
    public YearMonth FirstMonth(int fyStartMonth) => new(StartYear, fyStartMonth);

    /// <summary>Parses <c>2023/24</c>; the second part must be the following year.</summary>
    public static bool TryParse(string text, out FinancialYear value)
    {
        value = default;
        if (text.Length != 7 || text[4] != '/')
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int next)
            || y is < 1900 or > 2200 || (y + 1) % 100 != next)
        {
            return false;
        }

        value = new FinancialYear(y);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    /// <summary>Formats as the label, e.g. <c>2023/24</c>.</summary>
    public override string ToString() => Label;
}
