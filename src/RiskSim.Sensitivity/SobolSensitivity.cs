namespace RiskSim.Sensitivity;

/// <summary>
/// Variance-based (Sobol) indices from the outputs of a <see cref="SaltelliDesign"/>, with
/// percentile-bootstrap confidence intervals.
/// </summary>
/// <remarks>
/// <para>With V the (population) variance of the pooled y(A) and y(B):</para>
/// <para>first order S_k = mean(y_B · (y_AB_k − y_A)) / V — Saltelli et al. (2010), Comput. Phys. Commun. 181, 259–270, Table 2 (b);</para>
/// <para>total effect ST_k = mean((y_A − y_AB_k)²) / 2 / V — Jansen (1999), Comput. Phys. Commun. 117, 35–43.</para>
/// <para>
/// Intervals: B bootstrap resamples (default 200) of the n row indices, drawn with replacement by a
/// SplitMix64 generator seeded from the caller's seed (the same indices for every block, keeping the
/// rows aligned); both indices are recomputed on each resample, V included, and the interval is the
/// (α/2, 1 − α/2) type-7 quantiles of the resampled values (Efron's percentile interval).
/// </para>
/// <para>
/// A constant output (V = 0) has no variance to apportion: every index is reported as 0 with null
/// interval. A resample whose V is 0 counts as 0. Estimates are not clipped to [0, 1]: small negative
/// first-order values are sampling noise around 0 and are kept so intervals stay honest.
/// </para>
/// </remarks>
public static class SobolSensitivity
{
    /// <summary>Fewest base rows n accepted.</summary>
    public const int MinimumRows = 20;

    /// <summary>Default number of bootstrap resamples.</summary>
    public const int DefaultResamples = 200;

    /// <summary>First-order and total indices per input (<see cref="SensitivityMethod.SobolFirst"/>, <see cref="SensitivityMethod.SobolTotal"/>).</summary>
    /// <param name="inputNames">One name per AB block, in block order.</param>
    /// <param name="outputs">The design outputs, e.g. from <see cref="SaltelliDesign.Split"/>.</param>
    /// <param name="seed">Seed of the bootstrap; the same seed gives the same intervals.</param>
    /// <param name="resamples">Bootstrap resamples (≥ 20; default 200).</param>
    /// <param name="confidence">Two-sided confidence level (default 0.95).</param>
    /// <returns>For each input in order, its first-order estimate then its total-effect estimate.</returns>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumRows"/> rows, blocks of unequal length, names not matching the blocks, or a non-finite output.</exception>
    public static IReadOnlyList<SensitivityEstimate> Indices(IReadOnlyList<string> inputNames, SaltelliOutputs outputs, ulong seed, int resamples = DefaultResamples, double confidence = 0.95) =>
        Compute(inputNames, outputs, seed, resamples, confidence, SensitivityMethod.SobolFirst, SensitivityMethod.SobolTotal);

    /// <summary>
    /// Group first-order and total indices (<see cref="SensitivityMethod.GroupSobolFirst"/>, <see cref="SensitivityMethod.GroupSobolTotal"/>)
    /// from a design built by <see cref="SaltelliDesign.BuildGrouped"/>: the closed index of the group and its total effect.
    /// </summary>
    /// <param name="groupNames">One name per group, in block order.</param>
    /// <param name="outputs">The design outputs.</param>
    /// <param name="seed">Seed of the bootstrap.</param>
    /// <param name="resamples">Bootstrap resamples (≥ 20; default 200).</param>
    /// <param name="confidence">Two-sided confidence level (default 0.95).</param>
    /// <returns>For each group in order, its first-order estimate then its total-effect estimate.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Indices"/>.</exception>
    public static IReadOnlyList<SensitivityEstimate> GroupIndices(IReadOnlyList<string> groupNames, SaltelliOutputs outputs, ulong seed, int resamples = DefaultResamples, double confidence = 0.95) =>
        Compute(groupNames, outputs, seed, resamples, confidence, SensitivityMethod.GroupSobolFirst, SensitivityMethod.GroupSobolTotal);

    private static List<SensitivityEstimate> Compute(IReadOnlyList<string> names, SaltelliOutputs outputs, ulong seed, int resamples, double confidence, string firstMethod, string totalMethod)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(outputs.YA);
        ArgumentNullException.ThrowIfNull(outputs.YB);
        ArgumentNullException.ThrowIfNull(outputs.YAB);
        Validation.Confidence(confidence);
        if (resamples < 20)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "At least 20 bootstrap resamples are needed for a percentile interval.");
        }

        int n = outputs.YA.Length;
        int k = outputs.YAB.Count;
        if (k == 0)
        {
            throw new ArgumentException("No AB blocks: nothing to estimate.", nameof(outputs));
        }

        Validation.Names(names, k, nameof(names));
        if (n < MinimumRows)
        {
            throw new ArgumentException($"{firstMethod}: needs at least {MinimumRows} base rows, got {n}.", nameof(outputs));
        }

        if (outputs.YB.Length != n || outputs.YAB.Any(y => y is null || y.Length != n))
        {
            throw new ArgumentException("y(A), y(B) and every y(AB_k) must have the same length.", nameof(outputs));
        }

        Validation.Finite(outputs.YA, "y(A)", firstMethod);
        Validation.Finite(outputs.YB, "y(B)", firstMethod);
        for (int j = 0; j < k; j++)
        {
            Validation.Finite(outputs.YAB[j], $"y(AB_{j})", firstMethod);
        }

        var result = new List<SensitivityEstimate>(2 * k);
        double variance = Stats.Variance(outputs.YA, outputs.YB);
        if (!(variance > 0) || (Stats.IsConstant(outputs.YA) && Stats.IsConstant(outputs.YB) && outputs.YA[0] == outputs.YB[0]))
        {
            for (int j = 0; j < k; j++)
            {
                result.Add(new SensitivityEstimate(names[j], firstMethod, 0, null, null));
                result.Add(new SensitivityEstimate(names[j], totalMethod, 0, null, null));
            }

            return result;
        }

        var identity = new int[n];
        for (int i = 0; i < n; i++)
        {
            identity[i] = i;
        }

        var first = new double[k];
        var total = new double[k];
        Estimate(outputs, identity, first, total);

        var bootFirst = new double[k][];
        var bootTotal = new double[k][];
        for (int j = 0; j < k; j++)
        {
            bootFirst[j] = new double[resamples];
            bootTotal[j] = new double[resamples];
        }

        var rng = new SplitMix64(seed);
        var index = new int[n];
        var f = new double[k];
        var t = new double[k];
        for (int r = 0; r < resamples; r++)
        {
            for (int i = 0; i < n; i++)
            {
                index[i] = rng.NextInt(n);
            }

            Estimate(outputs, index, f, t);
            for (int j = 0; j < k; j++)
            {
                bootFirst[j][r] = f[j];
                bootTotal[j][r] = t[j];
            }
        }

        double alpha = 1 - confidence;
        for (int j = 0; j < k; j++)
        {
            Array.Sort(bootFirst[j]);
            Array.Sort(bootTotal[j]);
            result.Add(new SensitivityEstimate(names[j], firstMethod, first[j], Stats.SortedQuantile(bootFirst[j], alpha / 2), Stats.SortedQuantile(bootFirst[j], 1 - (alpha / 2))));
            result.Add(new SensitivityEstimate(names[j], totalMethod, total[j], Stats.SortedQuantile(bootTotal[j], alpha / 2), Stats.SortedQuantile(bootTotal[j], 1 - (alpha / 2))));
        }

        return result;
    }

    /// <summary>Both estimators on the rows listed in <paramref name="rows"/> (a bootstrap resample or all rows).</summary>
    private static void Estimate(SaltelliOutputs o, int[] rows, double[] first, double[] total)
    {
        int n = rows.Length;
        double sum = 0;
        foreach (int i in rows)
        {
            sum += o.YA[i] + o.YB[i];
        }

        double mean = sum / (2.0 * n);
        double ss = 0;
        foreach (int i in rows)
        {
            double da = o.YA[i] - mean, db = o.YB[i] - mean;
            ss += (da * da) + (db * db);
        }

        double variance = ss / (2.0 * n);
        for (int j = 0; j < first.Length; j++)
        {
            double[] yab = o.YAB[j];
            double sf = 0, st = 0;
            foreach (int i in rows)
            {
                double diff = yab[i] - o.YA[i];
                sf += (o.YB[i] - mean) * diff;
                st += diff * diff;
            }

            first[j] = variance > 0 ? sf / n / variance : 0;
            total[j] = variance > 0 ? st / n / 2 / variance : 0;
        }
    }
}
