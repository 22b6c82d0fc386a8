namespace RiskSim.Core.Results.Run;

/// <summary>
/// Programme-world LAC at the end of every month across trials, for the LAC fan. A stochastic run's
/// LAC is a whole count of children, so each month keeps a histogram of counts (flat memory, months ×
/// the largest count seen) and its percentiles are exact: equal to the percentiles of the sorted
/// values (R type 7, as <see cref="SummaryRow"/>). Histograms add, so accumulators of shards merge
/// into exactly what one run gives, in any order.
/// </summary>
public sealed class LacFanAccumulator : ITrialSink
{
    private readonly int months;
    private long[] counts = []; // [month × width + value]
    private int width;

    /// <summary>Creates an empty accumulator for a horizon of <paramref name="months"/> months.</summary>
    public LacFanAccumulator(int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        this.months = months;
    }

    /// <summary>Months per trial.</summary>
    public int MonthCount => months;

    /// <summary>Trials received.</summary>
    public long Count { get; private set; }

    /// <inheritdoc />
    public void Accept(TrialBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.MonthCount != months)
        {
            throw new ArgumentException($"the block carries {block.MonthCount} months per trial; this fan has {months}.", nameof(block));
        }

        for (int t = 0; t < block.Count; t++)
        {
            var lac = block.LacByMonthEndOf(t);
            for (int m = 0; m < months; m++)
            {
                Add(m, lac[m]);
            }

            Count++;
        }
    }

    /// <summary>Adds one trial's month-end LAC (a test or a shard reader).</summary>
    public void Add(ReadOnlySpan<double> lacByMonthEnd)
    {
        if (lacByMonthEnd.Length != months)
        {
            throw new ArgumentException($"expected {months} months, got {lacByMonthEnd.Length}.", nameof(lacByMonthEnd));
        }

        for (int m = 0; m < months; m++)
        {
            Add(m, lacByMonthEnd[m]);
        }

        Count++;
    }

    /// <summary>Adds the trials of <paramref name="other"/> (a shard) to this accumulator.</summary>
    public void Merge(LacFanAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.months != months)
        {
            throw new ArgumentException($"cannot merge a fan of {other.months} months into one of {months}.", nameof(other));
        }

        Grow(other.width);
        for (int m = 0; m < months; m++)
        {
            for (int v = 0; v < other.width; v++)
            {
                counts[(m * width) + v] += other.counts[(m * other.width) + v];
            }
        }

        Count += other.Count;
    }

    /// <summary>
    /// The histogram's non-zero cells, month by month and LAC ascending: how many trials ended month
    /// <c>Month</c> with <c>Lac</c> children looked after. With <see cref="FromCells"/> it carries a
    /// shard's fan to <c>risksim merge</c> (a few thousand cells, whatever the trial count).
    /// </summary>
    public IEnumerable<(int Month, int Lac, long Trials)> Cells()
    {
        for (int m = 0; m < months; m++)
        {
            for (int v = 0; v < width; v++)
            {
                long n = counts[(m * width) + v];
                if (n > 0)
                {
                    yield return (m, v, n);
                }
            }
        }
    }

    /// <summary>
    /// Rebuilds an accumulator of <paramref name="trials"/> trials from its <see cref="Cells"/>
    /// (in any order); every month's cells must add up to <paramref name="trials"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A cell is out of range, or a month's cells do not add up to the trials.</exception>
    public static LacFanAccumulator FromCells(int months, long trials, IEnumerable<(int Month, int Lac, long Trials)> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        var fan = new LacFanAccumulator(months);
        var totals = new long[months];
        foreach (var (month, lac, n) in cells)
        {
            if (month < 0 || month >= months || lac < 0 || lac >= int.MaxValue / 2 || n <= 0)
            {
                throw new ArgumentException($"cell (month {month}, LAC {lac}, {n} trials) is out of range: months 0 to {months - 1}, LAC at least 0, trials at least 1.", nameof(cells));
            }

            if (lac >= fan.width)
            {
                fan.Grow(Math.Max(lac + 1, fan.width * 2));
            }

            fan.counts[(month * fan.width) + lac] += n;
            totals[month] += n;
        }

        for (int m = 0; m < months; m++)
        {
            if (totals[m] != trials)
            {
                throw new ArgumentException($"month {m}'s cells hold {totals[m]} trials, not {trials}.", nameof(cells));
            }
        }

        fan.Count = trials;
        return fan;
    }

    /// <summary>
    /// The <paramref name="p"/> quantile of month <paramref name="month"/>'s LAC across trials, R type 7
    /// (linear interpolation between order statistics, numpy's default).
    /// </summary>
    public double Quantile(int month, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(month);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(month, months);
        if (Count == 0)
        {
            throw new InvalidOperationException("no trials received.");
        }

        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "a probability in [0, 1].");
        }

        // The same arithmetic as MathNet's QuantileCustom for R7, so the value is bit-identical to
        // the percentile of the sorted values.
        double x = 1 + ((Count - 1) * p) - 1;
        double whole = Math.Truncate(x);
        double fraction = x - whole;
        double lower = OrderStatistic(month, (long)Math.Floor(x));
        if (Math.Abs(fraction) < 1e-9)
        {
            return OrderStatistic(month, (long)whole);
        }

        double upper = OrderStatistic(month, (long)Math.Ceiling(x));
        return lower + ((upper - lower) * fraction);
    }

    /// <summary>The <paramref name="rank"/>-th smallest value (0-based, clamped to the trials) of one month.</summary>
    private int OrderStatistic(int month, long rank)
    {
        rank = Math.Clamp(rank, 0, Count - 1);
        long seen = 0;
        int row = month * width;
        for (int v = 0; v < width; v++)
        {
            seen += counts[row + v];
            if (seen > rank)
            {
                return v;
            }
        }

        throw new InvalidOperationException("the histogram holds fewer values than trials.");
    }

    private void Add(int month, double lac)
    {
        // Only drawn flows reach here: whole children. A fraction means a caller fed plan-mode values.
        if (!(lac >= 0) || lac != Math.Floor(lac) || lac >= int.MaxValue / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(lac), lac, "a month-end LAC must be a whole, non-negative count of children.");
        }

        int value = (int)lac;
        if (value >= width)
        {
            Grow(Math.Max(value + 1, width * 2));
        }

        counts[(month * width) + value]++;
    }

    private void Grow(int newWidth)
    {
        if (newWidth <= width)
        {
            return;
        }

        var grown = new long[(long)months * newWidth];
        for (int m = 0; m < months; m++)
        {
            Array.Copy(counts, m * width, grown, m * newWidth, width);
        }

        counts = grown;
        width = newWidth;
    }
}
