using System.Numerics;
using System.Runtime.Intrinsics;

namespace RiskSim.Core.Results;

/// <summary>
/// Places chosen order statistics where a sort would put them, without sorting the rest: after
/// <see cref="Select"/>, <c>values[r]</c> for every requested rank r is exactly the value an ascending
/// sort would leave there, so code that reads only those positions of a "sorted" array (R7 quantiles,
/// order-statistic intervals) gives the same bits as after <see cref="Array.Sort(Array)"/>. The other
/// positions are left in no particular state: the array is the caller's scratch.
/// </summary>
/// <remarks>
/// <para>
/// Large columns (at least <see cref="BucketMinimum"/> values) are selected by buckets: the values'
/// range is cut into <see cref="Buckets"/> equal buckets by a monotone map (x − min) × scale, so every
/// value of a bucket sorts at or below every value of the next; one pass counts the buckets, the counts
/// say which bucket holds each requested rank, a second pass copies only those buckets' values out,
/// and each of them is selected in on its own: bucketed again over its own, narrower range while it is
/// large (so outliers that stretch the first range cost one more pass over a part, not a sort), and by
/// the quickselect below once it is small. That is a few cheap, nearly branch-free
/// passes instead of a quickselect's several mispredicted partition passes: a summary row of 10⁶ money
/// values took 28 ms and takes 5 ms (<c>SummaryColumnBenchmarks</c>; the row's mean and sd moved to
/// <see cref="ColumnMoments"/> at the same time), and the end-of-run summary of a 10⁶-trial
/// Staffordshire run (114 columns) went from 1.7 s to 0.4 s on two cores. Where the wanted buckets
/// hold more than an eighth of the values (ties such as 0/1 flags, or values squeezed together by far
/// outliers), the quickselect does the whole column in place instead of copying most of it out.
/// </para>
/// <para>
/// The multi-rank quickselect (three-way partition around a median-of-three pivot, recursing only into
/// the parts that hold a requested rank) costs about n × (log₂ of the number of rank clusters + a few)
/// comparisons instead of a sort's n log₂ n. Parts of at most <see cref="SmallPart"/> values, and any
/// part after <c>2 log₂ n</c> levels (a bad pivot sequence), are sorted outright, so the worst case is a sort's.
/// </para>
/// <para>
/// Values must be comparable by &lt; (no NaN), and the result is unique only when equal values are
/// indistinguishable: −0.0 and +0.0 compare equal but have different bits, and which one a sort leaves
/// at a rank depends on the sort's algorithm. <see cref="NeedsFullSort"/> tells a caller to sort instead.
/// </para>
/// </remarks>
internal static class OrderStatistics
{
    /// <summary>Parts this small are sorted outright (an insertion sort in <see cref="MemoryExtensions.Sort{T}(Span{T})"/>).</summary>
    private const int SmallPart = 16;

    /// <summary>
    /// True when <paramref name="values"/> holds a NaN or a negative zero: a selection could then
    /// leave different bits at a rank than <see cref="Array.Sort(Array)"/> does, so sort instead.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static bool NeedsFullSort(ReadOnlySpan<double> values)
    {
        // Four values at a time: NaN is the value not equal to itself, −0.0 the bits of the sign alone.
        var negativeZero = Vector256.Create(long.MinValue);
        int i = 0;
        for (; i + 4 <= values.Length; i += 4)
        {
            var v = Vector256.Create(values.Slice(i, 4));
            var bad = ~Vector256.Equals(v, v).AsInt64() | Vector256.Equals(v.AsInt64(), negativeZero);
            if (bad != Vector256<long>.Zero)
            {
                return true;
            }
        }

        for (; i < values.Length; i++)
        {
            double v = values[i];
            if (double.IsNaN(v) || (v == 0 && double.IsNegative(v)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Writes at every index in <paramref name="ranks"/> (0-based, ascending, distinct) of
    /// <paramref name="values"/> the value an ascending sort puts there; the other positions are left in
    /// no particular state (values may be lost or repeated: the array is scratch).
    /// </summary>
    internal static void Select(Span<double> values, ReadOnlySpan<int> ranks)
    {
        if (values.Length <= 1 || ranks.IsEmpty)
        {
            return;
        }

        SelectByBuckets(values, ranks, BucketLevels);
    }

    /// <summary>Columns this long and longer are selected by buckets; shorter ones (and buckets) by the quickselect.</summary>
    internal const int BucketMinimum = 4096;

    /// <summary>Buckets of the value range (their counts fit in L1: 16 KB).</summary>
    private const int Buckets = 4096;

    /// <summary>
    /// Levels of buckets within buckets before the quickselect takes over (a wanted bucket is bucketed
    /// again over its own, narrower range; four levels resolve a range 4096⁴ ≈ 2.8 × 10¹⁴ times
    /// the spacing of the values, whatever outliers stretch the first).
    /// </summary>
    private const int BucketLevels = 4;

    /// <summary>
    /// The bucket selection (see the remarks): the values of the buckets holding a requested rank are
    /// gathered, each such bucket is selected in on its own (bucketed again over its own range while it
    /// is large), and the requested positions are written from them.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void SelectByBuckets(Span<double> values, ReadOnlySpan<int> ranks, int levels)
    {
        if (values.Length < BucketMinimum || levels == 0)
        {
            int depth = 2 * (BitOperations.Log2((uint)values.Length) + 1);
            SelectIn(values, 0, ranks, depth);
            return;
        }

        double min = values[0], max = values[0];
        foreach (double x in values)
        {
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        if (min == max)
        {
            // One value throughout (a 0/1 flag that never varies, a bucket of ties): it is at every rank already.
            return;
        }

        // (x − min) × scale is monotone in x (IEEE subtraction and multiplication by a positive constant
        // round monotonically, truncation too), so bucket order is value order; the clamp keeps the
        // maximum, which can round to `Buckets`, in the last bucket.
        double scale = Buckets / (max - min);
        if (!(double.IsFinite(scale) && scale > 0))
        {
            // A range beyond the largest double (or below the smallest): the quickselect needs no scale.
            SelectByBuckets(values, ranks, levels: 0);
            return;
        }

        Span<int> start = stackalloc int[Buckets + 1];
        start.Clear();
        foreach (double x in values)
        {
            start[Bucket(x, min, scale)]++;
        }

        // start[b] becomes the number of values in buckets below b: the sorted position of b's first value.
        int below = 0;
        for (int b = 0; b <= Buckets; b++)
        {
            int c = start[b];
            start[b] = below;
            below += c;
        }

        // The wanted buckets, and where each one's values go among the gathered ones (in bucket order).
        Span<int> at = stackalloc int[Buckets];
        at.Fill(-1);
        int gatheredCount = 0;
        foreach (int r in ranks)
        {
            int b = BucketOfRank(start, r);
            if (at[b] < 0)
            {
                at[b] = gatheredCount;
                gatheredCount += start[b + 1] - start[b];
            }
        }

        if (gatheredCount > values.Length / 8)
        {
            // The wanted buckets hold a crowd (ties, such as 0/1 flags, or values squeezed together by
            // far outliers): the quickselect's three-way partition handles it in place, where gathering
            // would copy most of the column (memory that grows with the trials).
            SelectByBuckets(values, ranks, levels: 0);
            return;
        }

        double[] gathered = System.Buffers.ArrayPool<double>.Shared.Rent(gatheredCount);
        try
        {
            Span<int> fill = stackalloc int[Buckets];
            at.CopyTo(fill);
            foreach (double x in values)
            {
                int b = Bucket(x, min, scale);
                if (fill[b] >= 0)
                {
                    gathered[fill[b]++] = x;
                }
            }

            // Each wanted bucket on its own, with its ranks made relative to its first sorted position.
            Span<int> local = stackalloc int[ranks.Length];
            int next = 0;
            while (next < ranks.Length)
            {
                int b = BucketOfRank(start, ranks[next]);
                int n = 0;
                while (next < ranks.Length && ranks[next] < start[b + 1])
                {
                    local[n++] = ranks[next++] - start[b];
                }

                SelectByBuckets(gathered.AsSpan(at[b], start[b + 1] - start[b]), local[..n], levels - 1);
            }

            foreach (int r in ranks)
            {
                int b = BucketOfRank(start, r);
                values[r] = gathered[at[b] + (r - start[b])];
            }
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(gathered);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Bucket(double x, double min, double scale) => Math.Min((int)((x - min) * scale), Buckets - 1);

    /// <summary>The bucket holding sorted position <paramref name="rank"/>, from the starts <paramref name="start"/> (ascending, start[Buckets] = n).</summary>
    private static int BucketOfRank(ReadOnlySpan<int> start, int rank)
    {
        // The last b with start[b] <= rank (empty buckets share their start with the next).
        int lo = 0, hi = Buckets - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (start[mid] <= rank)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>
    /// <paramref name="part"/> is the sorted array's positions [<paramref name="offset"/>, offset + length):
    /// it holds exactly the values a sort puts there, in some order; <paramref name="ranks"/> are absolute.
    /// </summary>
    private static void SelectIn(Span<double> part, int offset, ReadOnlySpan<int> ranks, int depth)
    {
        while (!ranks.IsEmpty)
        {
            if (part.Length <= SmallPart || depth == 0)
            {
                part.Sort();
                return;
            }

            depth--;
            double pivot = MedianOfThree(part[0], part[part.Length / 2], part[^1]);

            // Three-way partition: [0, lt) < pivot, [lt, gt) == pivot, [gt, length) > pivot. Runs of equal
            // values (whole numbers, 0/1 flags) end up in the middle part, which needs no more work.
            int lt = 0, i = 0, gt = part.Length;
            while (i < gt)
            {
                double x = part[i];
                if (x < pivot)
                {
                    part[i] = part[lt];
                    part[lt] = x;
                    lt++;
                    i++;
                }
                else if (x > pivot)
                {
                    gt--;
                    part[i] = part[gt];
                    part[gt] = x;
                }
                else
                {
                    i++;
                }
            }

            int below = CountBelow(ranks, offset + lt);
            int notAbove = CountBelow(ranks, offset + gt);
            var left = ranks[..below];
            var right = ranks[notAbove..];

            // Recurse into the smaller side, loop on the larger: the stack stays O(log n).
            if (lt <= part.Length - gt)
            {
                SelectIn(part[..lt], offset, left, depth);
                part = part[gt..];
                offset += gt;
                ranks = right;
            }
            else
            {
                SelectIn(part[gt..], offset + gt, right, depth);
                part = part[..lt];
                ranks = left;
            }
        }
    }

    /// <summary>Number of <paramref name="ranks"/> (ascending) below <paramref name="bound"/>.</summary>
    private static int CountBelow(ReadOnlySpan<int> ranks, int bound)
    {
        int n = 0;
        while (n < ranks.Length && ranks[n] < bound)
        {
            n++;
        }

        return n;
    }

    private static double MedianOfThree(double a, double b, double c) =>
        a < b
            ? (b < c ? b : a < c ? c : a)
            : (a < c ? a : b < c ? c : b);
}
