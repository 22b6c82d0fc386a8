using System.Numerics;

namespace RiskSim.Core.Results;

/// <summary>
/// Places chosen order statistics where a sort would put them, without sorting the rest: after
/// <see cref="Select"/>, <c>values[r]</c> for every requested rank r is exactly the value an ascending
/// sort would leave there, so code that reads only those positions of a "sorted" array (R7 quantiles,
/// order-statistic intervals) gives the same bits as after <see cref="Array.Sort(Array)"/>.
/// </summary>
/// <remarks>
/// A multi-rank quickselect (three-way partition around a median-of-three pivot, recursing only into
/// the parts that hold a requested rank) costs about n × (log₂ of the number of rank clusters + a few)
/// comparisons instead of a sort's n log₂ n. Parts of at most <see cref="SmallPart"/> values, and any
/// part after <c>2 log₂ n</c> levels (a bad pivot sequence), are sorted outright, so the worst case is a sort's.
/// Values must be comparable by &lt; (no NaN), and the result is unique only when equal values are
/// indistinguishable: −0.0 and +0.0 compare equal but have different bits, and which one a sort leaves
/// at a rank depends on the sort's algorithm. <see cref="NeedsFullSort"/> tells a caller to sort instead.
/// </remarks>
internal static class OrderStatistics
{
    /// <summary>Parts this small are sorted outright (an insertion sort in <see cref="MemoryExtensions.Sort{T}(Span{T})"/>).</summary>
    private const int SmallPart = 16;

    /// <summary>
    /// True when <paramref name="values"/> holds a NaN or a negative zero: a selection could then
    /// leave different bits at a rank than <see cref="Array.Sort(Array)"/> does, so sort instead.
    /// </summary>
    internal static bool NeedsFullSort(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            // A zero with the sign bit is −0.0.
            if (double.IsNaN(v) || (v == 0 && double.IsNegative(v)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Rearranges <paramref name="values"/> so that every index in <paramref name="ranks"/> (0-based,
    /// ascending, distinct) holds the value an ascending sort puts there.
    /// </summary>
    internal static void Select(Span<double> values, ReadOnlySpan<int> ranks)
    {
        if (values.Length <= 1 || ranks.IsEmpty)
        {
            return;
        }

        int depth = 2 * (BitOperations.Log2((uint)values.Length) + 1);
        SelectIn(values, 0, ranks, depth);
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
