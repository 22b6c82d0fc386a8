using RiskSim.Core.Random;

namespace RiskSim.Analysis.Compare;

/// <summary>
/// Compares two runs: P(first and lasting breakeven by each FY), the contingency over plan at
/// P50/P80/P90 and LAC at each FY's end at P10/P50/P90, each as B − A with a Monte Carlo standard
/// error.
/// </summary>
/// <remarks>
/// <para>Shares: with paired trials, d_i = 1[A_i] − 1[B_i] and SE = sd(d)/√n, which carries the
/// correlation of the pairs (on common random numbers most trials break even in both runs or in
/// neither, so the SE is far below the independent-runs formula). Unpaired: √(pA(1−pA)/nA + pB(1−pB)/nB).</para>
/// <para>Percentiles: a nonparametric bootstrap. Each resample draws n trial indices with
/// replacement; paired runs use the same indices for A and B (so the resample keeps the pairs),
/// unpaired runs draw each side separately. The SE is the standard deviation of B − A over the
/// resamples (Efron and Tibshirani, An Introduction to the Bootstrap, 1993, ch. 6). Resample r
/// draws from the stream (bootstrap seed, r), so the result does not depend on anything else.</para>
/// </remarks>
public static class Comparer
{
    /// <summary>Measure name of P(first breakeven by the FY).</summary>
    public const string BreakevenByFy = "p_breakeven_by_fy";

    /// <summary>Measure name of P(lasting breakeven by the FY).</summary>
    public const string LastingBreakevenByFy = "p_lasting_breakeven_by_fy";

    private static readonly double[] ContingencyLevels = [0.5, 0.8, 0.9];
    private static readonly double[] LacLevels = [0.1, 0.5, 0.9];

    /// <summary>Measure name of the contingency over plan at <paramref name="confidence"/> (e.g. 0.8 → <c>contingency_p80_gbp</c>).</summary>
    public static string Contingency(double confidence) => $"contingency_p{Math.Round(confidence * 100):0}_gbp";

    /// <summary>Measure name of LAC at the FY's end at <paramref name="probability"/> (e.g. 0.5 → <c>lac_end_p50</c>).</summary>
    public static string LacEnd(double probability) => $"lac_end_p{Math.Round(probability * 100):0}";

    /// <summary>Compares <paramref name="b"/> with <paramref name="a"/>.</summary>
    /// <exception cref="CompareException">The runs cover different FYs.</exception>
    public static Comparison Compare(CompareSide a, CompareSide b, CompareOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options ??= new CompareOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BootstrapReplicates, 2);
        if (!a.Years.SequenceEqual(b.Years, StringComparer.Ordinal))
        {
            throw new CompareException(
                $"the runs cover different financial years ({a.Label}: {string.Join(", ", a.Years)}; {b.Label}: {string.Join(", ", b.Years)}); compare runs of the same horizon.");
        }

        bool paired = a.Count == b.Count && a.Trials.SequenceEqual(b.Trials);
        bool crn = paired && a.Seed is { } sa && b.Seed is { } sb && sa == sb;
        int years = a.Years.Count;
        var rows = new List<ComparisonRow>();

        for (int fy = 0; fy < years; fy++)
        {
            rows.Add(Share(BreakevenByFy, a.Years[fy], fy, a.BreakevenFy, b.BreakevenFy, paired));
        }

        for (int fy = 0; fy < years; fy++)
        {
            rows.Add(Share(LastingBreakevenByFy, a.Years[fy], fy, a.LastingBreakevenFy, b.LastingBreakevenFy, paired));
        }

        // Percentile variables: the cumulative position at the horizon, then LAC at each FY's end.
        var variablesA = new double[years + 1][];
        var variablesB = new double[years + 1][];
        variablesA[0] = [.. a.CumulativePositionGbp];
        variablesB[0] = [.. b.CumulativePositionGbp];
        for (int fy = 0; fy < years; fy++)
        {
            variablesA[fy + 1] = Column(a, fy);
            variablesB[fy + 1] = Column(b, fy);
        }

        var se = BootstrapSe(variablesA, variablesB, paired, options);
        string last = a.Years[years - 1];
        Span<double> qa = stackalloc double[3];
        Span<double> qb = stackalloc double[3];
        WeightedQuantiles.OfSample(variablesA[0], WeightedQuantiles.Order(variablesA[0]), ContingencyLevels, qa);
        WeightedQuantiles.OfSample(variablesB[0], WeightedQuantiles.Order(variablesB[0]), ContingencyLevels, qb);
        for (int q = 0; q < ContingencyLevels.Length; q++)
        {
            rows.Add(new ComparisonRow(Contingency(ContingencyLevels[q]), last, years - 1, qa[q] - a.PlanCumulativeGbp, qb[q] - b.PlanCumulativeGbp, se[0][q]));
        }

        for (int q = 0; q < LacLevels.Length; q++)
        {
            for (int fy = 0; fy < years; fy++)
            {
                WeightedQuantiles.OfSample(variablesA[fy + 1], WeightedQuantiles.Order(variablesA[fy + 1]), LacLevels, qa);
                WeightedQuantiles.OfSample(variablesB[fy + 1], WeightedQuantiles.Order(variablesB[fy + 1]), LacLevels, qb);
                rows.Add(new ComparisonRow(LacEnd(LacLevels[q]), a.Years[fy], fy, qa[q], qb[q], se[fy + 1][q]));
            }
        }

        return new Comparison(CompareSideInfo.Of(a), CompareSideInfo.Of(b), paired, crn, a.Years, options, rows);
    }

    private static double[] Column(CompareSide side, int fy)
    {
        int years = side.Years.Count;
        var column = new double[side.Count];
        for (int t = 0; t < column.Length; t++)
        {
            column[t] = side.LacEnd[(t * years) + fy];
        }

        return column;
    }

    /// <summary>B − A of P(breakeven by FY <paramref name="fy"/>) with its standard error.</summary>
    private static ComparisonRow Share(string measure, string label, int fy, IReadOnlyList<int> a, IReadOnlyList<int> b, bool paired)
    {
        static bool By(int index, int fy) => index >= 0 && index <= fy;
        int na = a.Count, nb = b.Count;
        double pa = a.Count(i => By(i, fy)) / (double)na;
        double pb = b.Count(i => By(i, fy)) / (double)nb;
        double se;
        if (paired)
        {
            // d_i ∈ {−1, 0, 1}; sample variance with n − 1.
            double sum = 0, sumSq = 0;
            for (int t = 0; t < na; t++)
            {
                int d = (By(b[t], fy) ? 1 : 0) - (By(a[t], fy) ? 1 : 0);
                sum += d;
                sumSq += d * d;
            }

            double variance = na > 1 ? Math.Max(0, (sumSq - (sum * sum / na)) / (na - 1)) : 0;
            se = Math.Sqrt(variance / na);
        }
        else
        {
            se = Math.Sqrt((pa * (1 - pa) / na) + (pb * (1 - pb) / nb));
        }

        return new ComparisonRow(measure, label, fy, pa, pb, se);
    }

    /// <summary>
    /// Bootstrap standard errors of B − A for each variable's percentiles: variable 0 at
    /// <see cref="ContingencyLevels"/>, the others at <see cref="LacLevels"/>. (The plans are
    /// constants, so the contingency's error is the cumulative position percentile's.)
    /// </summary>
    private static double[][] BootstrapSe(double[][] variablesA, double[][] variablesB, bool paired, CompareOptions options)
    {
        int na = variablesA[0].Length, nb = variablesB[0].Length, v = variablesA.Length;
        int replicates = options.BootstrapReplicates;
        var orderA = Array.ConvertAll(variablesA, v => WeightedQuantiles.Order(v));
        var orderB = Array.ConvertAll(variablesB, v => WeightedQuantiles.Order(v));

        // Welford's running mean and sum of squares of each difference over the resamples.
        var mean = new double[v][];
        var m2 = new double[v][];
        for (int k = 0; k < v; k++)
        {
            mean[k] = new double[3];
            m2[k] = new double[3];
        }

        var countsA = new int[na];
        var countsB = paired ? countsA : new int[nb];
        Span<double> qa = stackalloc double[3];
        Span<double> qb = stackalloc double[3];
        for (int r = 0; r < replicates; r++)
        {
            var rng = Xoshiro256StarStar.ForTrial(options.BootstrapSeed, r);
            Resample(ref rng, countsA);
            if (!paired)
            {
                Resample(ref rng, countsB);
            }

            for (int k = 0; k < v; k++)
            {
                var levels = k == 0 ? ContingencyLevels : LacLevels;
                WeightedQuantiles.OfResample(variablesA[k], orderA[k], countsA, na, levels, qa);
                WeightedQuantiles.OfResample(variablesB[k], orderB[k], countsB, nb, levels, qb);
                for (int q = 0; q < 3; q++)
                {
                    double d = qb[q] - qa[q];
                    double delta = d - mean[k][q];
                    mean[k][q] += delta / (r + 1);
                    m2[k][q] += delta * (d - mean[k][q]);
                }
            }
        }

        return Array.ConvertAll(m2, row => Array.ConvertAll(row, s => Math.Sqrt(s / (replicates - 1))));
    }

    /// <summary>Fills <paramref name="counts"/> with how often each of its indices is drawn in n draws with replacement.</summary>
    private static void Resample(ref Xoshiro256StarStar rng, int[] counts)
    {
        Array.Clear(counts);
        ulong n = (ulong)counts.Length;
        for (int i = 0; i < counts.Length; i++)
        {
            // The high word of u × n is uniform on [0, n) to within n / 2⁶⁴.
            counts[(int)Math.BigMul(rng.NextUInt64(), n, out _)]++;
        }
    }
}
