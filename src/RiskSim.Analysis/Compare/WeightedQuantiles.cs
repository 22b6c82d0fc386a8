namespace RiskSim.Analysis.Compare;

/// <summary>
/// Percentiles (R type 7, as <c>summary.parquet</c>) of a bootstrap resample described by how many
/// times each original value was drawn. Walking the original values in ascending order and adding
/// up the counts reaches the resample's order statistics without building or sorting the resample:
/// O(n) per resample instead of O(n log n).
/// </summary>
internal static class WeightedQuantiles
{
    /// <summary>Indices of <paramref name="values"/> in ascending order of value (ties by index).</summary>
    internal static int[] Order(ReadOnlySpan<double> values)
    {
        var keys = values.ToArray();
        var order = new int[keys.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        return order;
    }

    /// <summary>Type-7 percentiles of a plain sample (every value once).</summary>
    internal static void OfSample(ReadOnlySpan<double> values, ReadOnlySpan<int> order, ReadOnlySpan<double> probabilities, Span<double> result)
    {
        int n = values.Length;
        for (int q = 0; q < probabilities.Length; q++)
        {
            double h = (n - 1) * probabilities[q];
            int lo = (int)Math.Floor(h);
            int hi = Math.Min(lo + 1, n - 1);
            double low = values[order[lo]];
            result[q] = low + ((h - lo) * (values[order[hi]] - low));
        }
    }

    /// <summary>
    /// Type-7 percentiles of the resample in which value i appears <c>counts[i]</c> times
    /// (<paramref name="total"/> values in all). <paramref name="probabilities"/> must be ascending.
    /// </summary>
    internal static void OfResample(ReadOnlySpan<double> values, ReadOnlySpan<int> order, ReadOnlySpan<int> counts, int total, ReadOnlySpan<double> probabilities, Span<double> result)
    {
        // Each probability needs the resample's order statistics lo and lo + 1 (0-based).
        Span<int> ranks = stackalloc int[probabilities.Length * 2];
        for (int q = 0; q < probabilities.Length; q++)
        {
            int lo = (int)Math.Floor((total - 1) * probabilities[q]);
            ranks[2 * q] = lo;
            ranks[(2 * q) + 1] = Math.Min(lo + 1, total - 1);
        }

        Span<double> at = stackalloc double[ranks.Length];
        int next = 0;
        long seen = 0;
        for (int j = 0; j < order.Length && next < ranks.Length; j++)
        {
            int i = order[j];
            seen += counts[i];
            while (next < ranks.Length && ranks[next] < seen)
            {
                at[next++] = values[i];
            }
        }

        for (int q = 0; q < probabilities.Length; q++)
        {
            double h = (total - 1) * probabilities[q];
            double low = at[2 * q];
            result[q] = low + ((h - Math.Floor(h)) * (at[(2 * q) + 1] - low));
        }
    }
}
