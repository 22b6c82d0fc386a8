namespace RiskSim.Sensitivity;

/// <summary>
/// The "quick tornado" from existing trials, by conditioning: for each input, the output median
/// among trials whose input lies in its bottom tail and among those in its top tail (deciles by
/// default). No extra model runs; the swing high − low shows direction and strength of the effect,
/// including the other inputs' average influence at those trials.
/// </summary>
/// <remarks>
/// <para>
/// The bottom tail is the trials with input ≤ the k-th smallest input value, the top tail those with
/// input ≥ the k-th largest, k = max(1, ⌊f·n⌋) for tail fraction f. With continuous inputs each tail
/// holds exactly k trials; tied values at the cut are all included (a tail can be larger than k), so
/// the split never depends on trial order. A constant input puts every trial in both tails: low and
/// high are then both the overall median (swing 0).
/// </para>
/// <para>
/// Median: type-7 (average of the two middle values for an even count). Interval: the distribution-free
/// order-statistic interval for a median (binomial(m, ½) ranks, normal approximation: ranks
/// ⌊m/2 − z√m/2⌋ and ⌈1 + m/2 + z√m/2⌉ clamped to 1..m), e.g. Conover (1999), Practical Nonparametric Statistics, §3.2.
/// </para>
/// </remarks>
public static class TornadoSensitivity
{
    /// <summary>Fewest trials accepted (two per decile).</summary>
    public const int MinimumTrials = 20;

    /// <summary>Conditional medians per input: <see cref="SensitivityMethod.TornadoLow"/> then <see cref="SensitivityMethod.TornadoHigh"/>.</summary>
    /// <param name="inputNames">One name per input column.</param>
    /// <param name="inputs">Trials × inputs matrix.</param>
    /// <param name="output">Output per trial.</param>
    /// <param name="tailFraction">Tail fraction f in (0, 0.5]; 0.1 = deciles.</param>
    /// <param name="confidence">Two-sided confidence level of the median intervals (default 0.95).</param>
    /// <returns>For each input in order, its low then its high estimate (values in output units).</returns>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumTrials"/> trials, mismatched sizes or names, or a non-finite value.</exception>
    public static IReadOnlyList<SensitivityEstimate> Conditional(IReadOnlyList<string> inputNames, double[,] inputs, double[] output, double tailFraction = 0.1, double confidence = 0.95)
    {
        Validation.Confidence(confidence);
        if (!(tailFraction > 0 && tailFraction <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(tailFraction), tailFraction, "Tail fraction must be in (0, 0.5].");
        }

        double[][] columns = Validation.TrialData(inputNames, inputs, output, MinimumTrials, SensitivityMethod.TornadoLow);
        int n = output.Length;
        int k = Math.Max(1, (int)Math.Floor(tailFraction * n));
        double z = Stats.NormalQuantile(confidence);
        var result = new List<SensitivityEstimate>(2 * columns.Length);
        for (int j = 0; j < columns.Length; j++)
        {
            double[] sorted = (double[])columns[j].Clone();
            Array.Sort(sorted);
            double lowCut = sorted[k - 1];
            double highCut = sorted[n - k];
            var low = new List<double>();
            var high = new List<double>();
            for (int i = 0; i < n; i++)
            {
                if (columns[j][i] <= lowCut)
                {
                    low.Add(output[i]);
                }

                if (columns[j][i] >= highCut)
                {
                    high.Add(output[i]);
                }
            }

            result.Add(Median(inputNames[j], SensitivityMethod.TornadoLow, low, z));
            result.Add(Median(inputNames[j], SensitivityMethod.TornadoHigh, high, z));
        }

        return result;
    }

    /// <summary>
    /// The median of <paramref name="values"/> with its order-statistic interval, as one estimate, for
    /// tornado bars computed elsewhere (e.g. from runs with the input held at a quantile).
    /// </summary>
    /// <param name="input">Input name written in the estimate.</param>
    /// <param name="method">Method name written in the estimate.</param>
    /// <param name="values">Output values (at least 1, all finite).</param>
    /// <param name="confidence">Two-sided confidence level of the interval (default 0.95).</param>
    /// <returns>The median (type 7) and the distribution-free interval described on the class.</returns>
    /// <exception cref="ArgumentException">No values, or a non-finite value.</exception>
    public static SensitivityEstimate MedianWithInterval(string input, string method, IReadOnlyList<double> values, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        Validation.Confidence(confidence);
        if (values.Count == 0)
        {
            throw new ArgumentException("At least one value is needed for a median.", nameof(values));
        }

        double[] copy = [.. values];
        Validation.Finite(copy, nameof(values), method);
        return Median(input, method, copy, Stats.NormalQuantile(confidence));
    }

    private static SensitivityEstimate Median(string name, string method, IReadOnlyList<double> values, double z)
    {
        double[] sorted = [.. values];
        Array.Sort(sorted);
        int m = sorted.Length;
        double median = Stats.SortedQuantile(sorted, 0.5);
        double half = z * Math.Sqrt(m) / 2;
        int lo = Math.Clamp((int)Math.Floor((m / 2.0) - half), 1, m);
        int hi = Math.Clamp((int)Math.Ceiling(1 + (m / 2.0) + half), 1, m);
        return new SensitivityEstimate(name, method, median, sorted[lo - 1], sorted[hi - 1]);
    }
}
