using System.Globalization;

namespace RiskSim.Core.Time;

/// <summary>A calendar month, such as 2019-10. Months are the engine's time step.</summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    /// <summary>Creates a month; <paramref name="month"/> is 1 (January) to 12.</summary>
    public YearMonth(int year, int month)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "Month must be 1 to 12.");
        }

        if (year is < 1900 or > 2200)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be 1900 to 2200.");
        }

        Year = year;
        Month = month;
    }

    /// <summary>Calendar year.</summary>
    public int Year { get; }

    /// <summary>Calendar month, 1 to 12.</summary>
    public int Month { get; }

    /// <summary>Months since January of year 0, so differences count months.</summary>
    public int Ordinal => (Year * 12) + Month - 1;

    /// <summary>The month <paramref name="months"/> after this one (negative goes back).</summary>
    public YearMonth AddMonths(int months)
    {
        int ordinal = Ordinal + months;
        return new YearMonth(ordinal / 12, (ordinal % 12) + 1);
    }

    /// <summary>Number of months from <paramref name="other"/> to this month.</summary>
    public int MonthsSince(YearMonth other) => Ordinal - other.Ordinal;

    /// <summary>Parses <c>yyyy-MM</c>, as written in scenario files.</summary>
    public static bool TryParse(string text, out YearMonth value)
    {
        value = default;
        if (text.Length != 7 || text[4] != '-')
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            || m is < 1 or > 12 || y is < 1900 or > 2200)
        {
            return false;
        }

        value = new YearMonth(y, m);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(YearMonth other) => Ordinal.CompareTo(other.Ordinal);

    /// <summary>Earlier-than comparison.</summary>
    public static bool operator <(YearMonth a, YearMonth b) => a.Ordinal < b.Ordinal;

    /// <summary>Later-than comparison.</summary>
    public static bool operator >(YearMonth a, YearMonth b) => a.Ordinal > b.Ordinal;

    /// <summary>Not-later-than comparison.</summary>
    public static bool operator <=(YearMonth a, YearMonth b) => a.Ordinal <= b.Ordinal;

    /// <summary>Not-earlier-than comparison.</summary>
    public static bool operator >=(YearMonth a, YearMonth b) => a.Ordinal >= b.Ordinal;

    /// <summary>Formats as <c>yyyy-MM</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
