using MathNet.Numerics.Statistics;
using RiskSim.Core.Threading;
using RiskSim.Core.Time;

namespace RiskSim.Core.Results;

/// <summary>
/// Collects each FY × metric value of every trial so that percentiles are exact (not sketched), without
/// keeping them in memory: each block of trials is appended to a temporary file, column by column
/// (<see cref="ColumnSpill"/>), and <see cref="Build"/> reads one FY × metric column back at a time, so
/// the process holds one block while running and one column (trials × 8 bytes) while summarising. The
/// file takes trials × FYs × (14 + 2) × 8 bytes of disk (about 0.9 GB for 10⁶ trials of a 7-FY horizon).
/// Values arrive in trial order and are read back in trial order, so mean, sd and percentiles are the
/// same bits as when every value was held in an array, and independent of the thread count.
/// </summary>
public sealed class SummaryAccumulator : ITrialSink, IDisposable
{
    /// <summary>Name of the extra metric giving P(broken even by this FY).</summary>
    public const string BreakevenByFyMetric = "breakeven_by_fy";

    /// <summary>Name of the extra metric giving P(lasting breakeven by this FY): position ≤ 0 from some FY up to this one and on to the horizon.</summary>
    public const string LastingBreakevenByFyMetric = "lasting_breakeven_by_fy";

    /// <summary>Figures summarised per FY: every metric, then the two breakeven flags.</summary>
    public const int FiguresPerFy = Metrics.Count + 2;

    /// <summary>Values stored per trial for <paramref name="financialYears"/> FYs: every metric of every FY and the two breakeven FY indices.</summary>
    /// <param name="financialYears">FYs in the horizon.</param>
    public static int StoredPerTrial(int financialYears) => (financialYears * Metrics.Count) + 2;

    private readonly IReadOnlyList<FinancialYear> years;

    // Spilled columns: fy × Metrics.Count + metric, then the breakeven and lasting-breakeven FY
    // indices (−1: none), from which each FY's 0/1 flags are rebuilt when read.
    private readonly ColumnSpill spill;
    private readonly int breakevenColumn;
    private int expected;
    private int count;
    private double[] scratch = [];

    /// <summary>Trials transposed together in <see cref="Accept"/>: 8 doubles fill a 64-byte cache line.</summary>
    private const int TransposeTile = 8;

    /// <summary>Creates an accumulator for exactly <paramref name="trials"/> trials.</summary>
    /// <param name="years">The horizon's FYs.</param>
    /// <param name="trials">Trials expected (more can be announced with <see cref="Expect"/>).</param>
    /// <param name="spillDirectory">
    /// Folder for the temporary file (best on the disk the results go to; the file is unlinked at once
    /// on Unix); the system's temporary folder when null.
    /// </param>
    public SummaryAccumulator(IReadOnlyList<FinancialYear> years, int trials, string? spillDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        this.years = years;
        expected = trials;
        breakevenColumn = years.Count * Metrics.Count;
        spill = new ColumnSpill(StoredPerTrial(years.Count), spillDirectory ?? Path.GetTempPath());
    }

    /// <summary>Number of FYs summarised.</summary>
    public int FinancialYearCount => years.Count;

    /// <summary>Trials received so far.</summary>
    public int Count => count;

    /// <summary>
    /// Expects <paramref name="additionalTrials"/> more trials (a run that adds trials until a
    /// precision is reached).
    /// </summary>
    public void Expect(int additionalTrials)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(additionalTrials);
        expected = checked(expected + additionalTrials);
    }

    /// <summary>
    /// The 95 % interval of quantile <paramref name="q"/> of one metric in one FY over the trials
    /// received so far (reads the column back and sorts it; for checks between blocks).
    /// </summary>
    public QuantileInterval IntervalSoFar(int fyIndex, Metric metric, double q)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var values = ReadMetric(fyIndex, metric);
        Array.Sort(values);
        return QuantileInterval.FromSorted(values, q);
    }

    /// <summary>
    /// Share of the trials received so far whose value of <paramref name="metric"/> in FY
    /// <paramref name="fyIndex"/> is at most <paramref name="threshold"/>: the coverage of a
    /// contingency when applied to the cumulative position at the horizon with threshold plan + amount.
    /// </summary>
    public double ShareAtOrBelow(int fyIndex, Metric metric, double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        int below = 0;
        foreach (double v in ReadMetric(fyIndex, metric))
        {
            below += v <= threshold ? 1 : 0;
        }

        return below / (double)count;
    }

    /// <inheritdoc />
    public void Accept(TrialBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (count + block.Count > expected)
        {
            throw new InvalidOperationException($"expected {expected} trials, received more.");
        }

        int n = block.Count;
        var columns = spill.NextBlock(n);

        // A trial's values are laid out fy × Metrics.Count + metric, the spill's column order, so the
        // block is transposed; a tile of trials at a time, so that each column's writes fill whole cache
        // lines while the tile's rows stay in L1 (a trial at a time wrote one value per line).
        ReadOnlySpan<double> yearly = block.Yearly.AsSpan(0, n * breakevenColumn);
        for (int first = 0; first < n; first += TransposeTile)
        {
            int last = Math.Min(first + TransposeTile, n);
            for (int c = 0; c < breakevenColumn; c++)
            {
                var column = columns.Slice(c * n, n);
                for (int t = first; t < last; t++)
                {
                    column[t] = yearly[(t * breakevenColumn) + c];
                }
            }
        }

        for (int t = 0; t < n; t++)
        {
            columns[(breakevenColumn * n) + t] = block.BreakevenFyIndex[t];
            columns[((breakevenColumn + 1) * n) + t] = block.LastingBreakevenFyIndex(t);
        }

        spill.Append();
        count += n;
    }

    /// <summary>Deletes the temporary file.</summary>
    public void Dispose() => spill.Dispose();

    /// <summary>The summary rows, FY by FY, metrics in layout order then <see cref="BreakevenByFyMetric"/> and <see cref="LastingBreakevenByFyMetric"/>.</summary>
    /// <param name="cancellationToken">Checked before each FY × metric: sorting millions of trials takes seconds.</param>
    /// <param name="maxDegreeOfParallelism">
    /// Columns summarised at once (the run's thread count). Each column is read back and sorted on its
    /// own, into its own buffer, so the rows are the same bits whatever this is; memory is one column
    /// (trials × 8 bytes) per thread.
    /// </param>
    public IReadOnlyList<SummaryRow> Build(CancellationToken cancellationToken = default, int maxDegreeOfParallelism = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        if (count != expected)
        {
            throw new InvalidOperationException($"expected {expected} trials, received {count}.");
        }

        var rows = new SummaryRow[years.Count * FiguresPerFy];

        // A fixed set of workers, each with one column buffer (one of them the accumulator's own): memory
        // is one column per worker. (A Parallel.For with a per-task buffer allocated a new column each
        // time it replaced a task: ~7 per build, 8 MB each at 10⁶ trials.) One failure is reported
        // whatever the threads: the first column's in row order.
        int buffers = 0;
        ParallelWork.ForEach(
            rows.Length,
            maxDegreeOfParallelism,
            () => Interlocked.Increment(ref buffers) == 1 ? Scratch() : new double[count],
            (k, values) => rows[k] = SummariseColumn(k, values),
            cancellationToken);
        return rows;
    }

    /// <summary>Summary row <paramref name="k"/> (FY k / <see cref="FiguresPerFy"/>, figure k mod it), using <paramref name="values"/> (<see cref="Count"/> long) as scratch.</summary>
    private SummaryRow SummariseColumn(int k, double[] values)
    {
        int fy = k / FiguresPerFy;
        int m = k % FiguresPerFy;
        if (m < Metrics.Count)
        {
            ReadMetric(fy, (Metric)m, values);
        }
        else
        {
            ReadFlag(fy, lasting: m > Metrics.Count, values);
        }

        string name = m < Metrics.Count ? ((Metric)m).ColumnName() : m == Metrics.Count ? BreakevenByFyMetric : LastingBreakevenByFyMetric;
        return Summarise(years[fy], name, values);
    }

    /// <summary>The trials' values of one metric in one FY, in trial order, in a reused buffer of exactly <see cref="Count"/> values.</summary>
    private double[] ReadMetric(int fyIndex, Metric metric)
    {
        var values = Scratch();
        ReadMetric(fyIndex, metric, values);
        return values;
    }

    /// <summary>The trials' values of one metric in one FY, in trial order, into <paramref name="values"/>.</summary>
    private void ReadMetric(int fyIndex, Metric metric, double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)fyIndex, (uint)years.Count, nameof(fyIndex));
        spill.Read((fyIndex * Metrics.Count) + (int)metric, values);
    }

    /// <summary>Fills <paramref name="values"/> with 1 where the trial has (lastingly) broken even by FY <paramref name="fyIndex"/>, else 0.</summary>
    private void ReadFlag(int fyIndex, bool lasting, double[] values)
    {
        spill.Read(breakevenColumn + (lasting ? 1 : 0), values);
        for (int t = 0; t < values.Length; t++)
        {
            double index = values[t];
            values[t] = index >= 0 && index <= fyIndex ? 1.0 : 0.0;
        }
    }

    private double[] Scratch()
    {
        if (scratch.Length != count)
        {
            scratch = new double[count];
        }

        return scratch;
    }

    /// <summary>Summarises <paramref name="values"/> (reordered in place: the order statistics it needs end up where a sort puts them).</summary>
    internal static SummaryRow Summarise(FinancialYear fy, string metric, double[] values)
    {
        // Mean and sd before sorting, summing in trial order, so the bits do not depend on anything else.
        var (mean, sd) = ColumnMoments.Of(values);
        foreach (double statistic in (ReadOnlySpan<double>)[mean, sd])
        {
            // Finite values can still have an infinite mean or sd (values near 1e308); never write one.
            if (!double.IsFinite(statistic))
            {
                throw new NonFiniteResultException(metric, fy.Label, trial: null, statistic);
            }
        }

        // Only the order statistics the row reads are put in place (not a full sort): the same bits,
        // because the quantiles and intervals below read only those positions (see SummaryRanks).
        if (OrderStatistics.NeedsFullSort(values))
        {
            Array.Sort(values);
        }
        else
        {
            OrderStatistics.Select(values, SummaryRanks(values.Length));
        }

        double Q(double tau) => SortedArrayStatistics.QuantileCustom(values, tau, QuantileDefinition.R7);
        QuantileInterval Ci(double tau) => QuantileInterval.FromSorted(values, tau);
        return new SummaryRow(
            fy, metric, mean, sd, Q(Quantiles[0]), Q(Quantiles[1]), Q(Quantiles[2]), Q(Quantiles[3]), Q(Quantiles[4]), Q(Quantiles[5]), Q(Quantiles[6]), Q(Quantiles[7]),
            MeanSe: sd / Math.Sqrt(values.Length), P50Ci: Ci(IntervalQuantiles[0]), P80Ci: Ci(IntervalQuantiles[1]), P90Ci: Ci(IntervalQuantiles[2]));
    }

    /// <summary>The quantiles of a summary row, in <see cref="SummaryRow"/>'s order.</summary>
    private static readonly double[] Quantiles = [0.05, 0.10, 0.25, 0.50, 0.75, 0.80, 0.90, 0.95];

    /// <summary>The quantiles a summary row gives a 95 % interval for (P50, P80, P90).</summary>
    private static readonly double[] IntervalQuantiles = [0.50, 0.80, 0.90];

    /// <summary>
    /// The 0-based positions of a sorted column of <paramref name="n"/> values that <see cref="Summarise"/>
    /// reads, ascending and distinct: MathNet's R7 quantile (<c>SortedArrayStatistics.QuantileCustom</c>)
    /// reads positions max(⌊h⌋ − 1, 0) and min(⌊h⌋, n − 1) with h = (n − 1)τ + 1 (position 0 alone when
    /// n = 1), and <see cref="QuantileInterval.FromSorted"/> its two 1-based <see cref="QuantileInterval.Ranks"/>.
    /// </summary>
    internal static int[] SummaryRanks(int n)
    {
        var ranks = new List<int>(2 * (Quantiles.Length + IntervalQuantiles.Length));
        foreach (double tau in Quantiles)
        {
            // The same arithmetic as MathNet's, so the same positions.
            double h = ((n - 1) * tau) + 1d;
            int hf = (int)h;
            ranks.Add(Math.Max(hf - 1, 0));
            ranks.Add(Math.Min(hf, n - 1));
        }

        foreach (double tau in IntervalQuantiles)
        {
            var (low, high) = QuantileInterval.Ranks(n, tau);
            ranks.Add(low - 1);
            ranks.Add(high - 1);
        }

        ranks.Sort();
        return [.. ranks.Distinct()];
    }
}
