using MathNet.Numerics.Statistics;
using RiskSim.Core.Time;

namespace RiskSim.Core.Results;

/// <summary>
/// Collects each FY × metric value of every trial so that percentiles are exact (not sketched).
/// Memory is trials × FYs × metrics × 8 bytes (about 78 MB for 100,000 trials of a 7-FY horizon);
/// it does not grow with months. Values arrive in trial order, so the result is independent of
/// the thread count.
/// </summary>
public sealed class SummaryAccumulator : ITrialSink
{
    /// <summary>Name of the extra metric giving P(broken even by this FY).</summary>
    public const string BreakevenByFyMetric = "breakeven_by_fy";

    /// <summary>Name of the extra metric giving P(lasting breakeven by this FY): position ≤ 0 from some FY up to this one and on to the horizon.</summary>
    public const string LastingBreakevenByFyMetric = "lasting_breakeven_by_fy";

    private readonly IReadOnlyList<FinancialYear> years;
    /// <summary>Figures kept per trial and FY: every metric, then the two breakeven flags.</summary>
    public const int FiguresPerFy = Metrics.Count + 2;

    private readonly double[][] columns; // [fy * FiguresPerFy + figure][trial]
    private int expected;
    private readonly int stride = FiguresPerFy;
    private int count;

    /// <summary>Creates an accumulator for exactly <paramref name="trials"/> trials.</summary>
    public SummaryAccumulator(IReadOnlyList<FinancialYear> years, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        this.years = years;
        expected = trials;
        columns = new double[years.Count * stride][];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = new double[trials];
        }
    }

    /// <summary>Number of FYs summarised.</summary>
    public int FinancialYearCount => years.Count;

    /// <summary>Trials received so far.</summary>
    public int Count => count;

    /// <summary>
    /// Expects <paramref name="additionalTrials"/> more trials (a run that adds trials until a
    /// precision is reached); storage grows to fit.
    /// </summary>
    public void Expect(int additionalTrials)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(additionalTrials);
        expected = checked(expected + additionalTrials);
        for (int i = 0; i < columns.Length; i++)
        {
            Array.Resize(ref columns[i], expected);
        }
    }

    /// <summary>
    /// The 95 % interval of quantile <paramref name="q"/> of one metric in one FY over the trials
    /// received so far (sorts a copy; for checks between blocks).
    /// </summary>
    public QuantileInterval IntervalSoFar(int fyIndex, Metric metric, double q)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var values = columns[(fyIndex * stride) + (int)metric].AsSpan(0, count).ToArray();
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
        var values = columns[(fyIndex * stride) + (int)metric].AsSpan(0, count);
        int below = 0;
        foreach (double v in values)
        {
            below += v <= threshold ? 1 : 0;
        }

        return below / (double)count;
    }

    /// <inheritdoc />
    public void Accept(TrialBlock block)
    {
        if (count + block.Count > expected)
        {
            throw new InvalidOperationException($"expected {expected} trials, received more.");
        }

        for (int t = 0; t < block.Count; t++)
        {
            var yearly = block.YearlyOf(t);
            int breakeven = block.BreakevenFyIndex[t];
            int lasting = block.LastingBreakevenFyIndex(t);
            for (int fy = 0; fy < years.Count; fy++)
            {
                for (int m = 0; m < Metrics.Count; m++)
                {
                    columns[(fy * stride) + m][count] = yearly[(fy * Metrics.Count) + m];
                }

                columns[(fy * stride) + Metrics.Count][count] = breakeven >= 0 && breakeven <= fy ? 1.0 : 0.0;
                columns[(fy * stride) + Metrics.Count + 1][count] = lasting >= 0 && lasting <= fy ? 1.0 : 0.0;
            }

            count++;
        }
    }

    /// <summary>The summary rows, FY by FY, metrics in layout order then <see cref="BreakevenByFyMetric"/> and <see cref="LastingBreakevenByFyMetric"/>.</summary>
    /// <param name="cancellationToken">Checked before each FY × metric: sorting millions of trials takes seconds.</param>
    public IReadOnlyList<SummaryRow> Build(CancellationToken cancellationToken = default)
    {
        if (count != expected)
        {
            throw new InvalidOperationException($"expected {expected} trials, received {count}.");
        }

        var rows = new List<SummaryRow>(columns.Length);
        for (int fy = 0; fy < years.Count; fy++)
        {
            for (int m = 0; m < stride; m++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                double[] values = columns[(fy * stride) + m];
                string name = m < Metrics.Count ? ((Metric)m).ColumnName() : m == Metrics.Count ? BreakevenByFyMetric : LastingBreakevenByFyMetric;
                rows.Add(Summarise(years[fy], name, values));
            }
        }

        return rows;
    }

    /// <summary>Summarises <paramref name="values"/> (sorted in place).</summary>
    internal static SummaryRow Summarise(FinancialYear fy, string metric, double[] values)
    {
        // Mean and sd before sorting, summing in trial order, so the bits do not depend on anything else.
        double mean = values.Mean();
        double sd = values.Length > 1 ? values.StandardDeviation() : 0.0;
        foreach (double statistic in (ReadOnlySpan<double>)[mean, sd])
        {
            // Finite values can still have an infinite mean or sd (values near 1e308); never write one.
            if (!double.IsFinite(statistic))
            {
                throw new NonFiniteResultException(metric, fy.Label, trial: null, statistic);
            }
        }

        Array.Sort(values);
        double Q(double tau) => SortedArrayStatistics.QuantileCustom(values, tau, QuantileDefinition.R7);
        QuantileInterval Ci(double tau) => QuantileInterval.FromSorted(values, tau);
        return new SummaryRow(
            fy, metric, mean, sd, Q(0.05), Q(0.10), Q(0.25), Q(0.50), Q(0.75), Q(0.80), Q(0.90), Q(0.95),
            MeanSe: sd / Math.Sqrt(values.Length), P50Ci: Ci(0.50), P80Ci: Ci(0.80), P90Ci: Ci(0.90));
    }
}
