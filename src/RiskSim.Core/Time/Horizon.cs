namespace RiskSim.Core.Time;

/// <summary>
/// The simulated months, first to last inclusive, and how they fall into financial years.
/// Month index 0 is <see cref="Start"/>; the stock at index <c>t</c> is the stock at the start of that month.
/// </summary>
public sealed record Horizon
{
    /// <summary>Creates a horizon; <paramref name="end"/> must not precede <paramref name="start"/>.</summary>
    public Horizon(YearMonth start, YearMonth end, int fyStartMonth = 4)
    {
        if (end < start)
        {
            throw new ArgumentException($"Horizon end {end} is before its start {start}.", nameof(end));
        }

        if (fyStartMonth is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(fyStartMonth), fyStartMonth, "Must be 1 to 12.");
        }

        Start = start;
        End = end;
        FyStartMonth = fyStartMonth;
        var first = FinancialYear.Containing(start, fyStartMonth);
        var last = FinancialYear.Containing(end, fyStartMonth);
        var years = new FinancialYear[last.StartYear - first.StartYear + 1];
        for (int i = 0; i < years.Length; i++)
        {
            years[i] = new FinancialYear(first.StartYear + i);
        }

        FinancialYears = years;
    }

    /// <summary>First simulated month.</summary>
    public YearMonth Start { get; }

    /// <summary>Last simulated month (inclusive).</summary>
    public YearMonth End { get; }

    /// <summary>Calendar month in which a financial year starts (4 = April in England).</summary>
    public int FyStartMonth { get; }

    /// <summary>Number of simulated months.</summary>
    public int MonthCount => End.MonthsSince(Start) + 1;

    /// <summary>The financial years the horizon touches, in order (the first and last may be part years).</summary>
    public IReadOnlyList<FinancialYear> FinancialYears { get; }

    /// <summary>Whether <paramref name="month"/> lies inside the horizon.</summary>
    public bool Contains(YearMonth month) => month >= Start && month <= End;

    /// <summary>Whether <paramref name="year"/> is one of the horizon's financial years.</summary>
    public bool Contains(FinancialYear year) =>
        year.StartYear >= FinancialYears[0].StartYear && year.StartYear <= FinancialYears[^1].StartYear;

    /// <summary>Month index (0 = <see cref="Start"/>) of <paramref name="month"/>; may lie outside the horizon.</summary>
    public int IndexOf(YearMonth month) => month.MonthsSince(Start);

    /// <summary>Index into <see cref="FinancialYears"/> of the year containing month index <paramref name="monthIndex"/>.</summary>
    public int FyIndexOfMonth(int monthIndex) =>
        FinancialYear.Containing(Start.AddMonths(monthIndex), FyStartMonth).StartYear - FinancialYears[0].StartYear;

    /// <summary>Index into <see cref="FinancialYears"/> of <paramref name="year"/>.</summary>
    public int IndexOf(FinancialYear year) => year.StartYear - FinancialYears[0].StartYear;
}
