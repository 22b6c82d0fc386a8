namespace RiskSim.Sensitivity;

/// <summary>
/// Rank transform for outputs that can be "never" (e.g. years to breakeven, null = never breaks even),
/// so they can be fed to the rank-based methods (<see cref="CorrelationSensitivity"/>).
/// </summary>
public static class OutcomeRanking
{
    /// <summary>
    /// Ranks 1..n, ascending, with "never" (null) ranked last: all nulls tie with each other above
    /// every finite value and, like any ties, get the average of the ranks they span, i.e.
    /// n − (m − 1)/2 for m nulls (exactly n for a single null). Finite ties get average ranks too.
    /// This equals ranking with never = +∞, so Spearman and PRCC on these ranks are the rank
    /// correlations with "never" treated as the worst (largest) outcome.
    /// </summary>
    /// <param name="values">Outcome per trial; null means never.</param>
    /// <returns>The rank of each trial, same order as <paramref name="values"/>.</returns>
    /// <remarks>
    /// Use the ranks with rank-based methods only. Variance-based indices (Sobol) or the tornado medians
    /// on ranks describe the ranks, not the outcome in its units.
    /// </remarks>
    /// <exception cref="ArgumentException">A non-null value is NaN or infinite (never must be null, not a sentinel).</exception>
    public static double[] RankNeverLast(IReadOnlyList<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var keyed = new double[values.Count];
        for (int i = 0; i < keyed.Length; i++)
        {
            double? v = values[i];
            if (v is { } x && !double.IsFinite(x))
            {
                throw new ArgumentException($"Value {x} at index {i} is not finite; use null for 'never'.", nameof(values));
            }

            keyed[i] = v ?? double.PositiveInfinity;
        }

        return Stats.AverageRanks(keyed);
    }
}
