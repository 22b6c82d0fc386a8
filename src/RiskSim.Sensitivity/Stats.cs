using MathNet.Numerics.Distributions;

namespace RiskSim.Sensitivity;

/// <summary>Small numerical helpers: ranks, Pearson correlation, Fisher-z intervals, quantiles.</summary>
internal static class Stats
{
    /// <summary>Ranks 1..n with ties given the average of the ranks they span (fractional ranking).</summary>
    public static double[] AverageRanks(double[] values)
    {
        int n = values.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = (double[])values.Clone();
        Array.Sort(keys, order);
        var ranks = new double[n];
        int start = 0;
        while (start < n)
        {
            int end = start;
            while (end + 1 < n && keys[end + 1] == keys[start])
            {
                end++;
            }

            double rank = ((start + end) / 2.0) + 1.0;
            for (int k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    public static bool IsConstant(double[] values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] != values[0])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Pearson correlation; 0 when either vector has (numerically) zero variance, never NaN.</summary>
    public static double Pearson(double[] x, double[] y)
    {
        int n = x.Length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        if (!(sxx > 0) || !(syy > 0))
        {
            return 0;
        }

        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0);
    }

    /// <summary>Two-sided normal quantile for a confidence level, e.g. 1.959964 for 0.95.</summary>
    public static double NormalQuantile(double confidence) => Normal.InvCDF(0, 1, 0.5 + (confidence / 2));

    /// <summary>Fisher-z interval tanh(atanh r ± z·se); r = ±1 maps to the degenerate interval [r, r].</summary>
    public static (double Low, double High) FisherInterval(double r, double se, double confidence)
    {
        double z = Math.Atanh(r);
        double half = NormalQuantile(confidence) * se;
        return (Math.Tanh(z - half), Math.Tanh(z + half));
    }

    /// <summary>Type-7 (linear interpolation) quantile of sorted values, as R's default and NumPy's.</summary>
    public static double SortedQuantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    public static double Variance(double[] a, double[] b)
    {
        // Two-pass population variance of the concatenation of a and b.
        int n = a.Length + b.Length;
        double mean = 0;
        foreach (double v in a)
        {
            mean += v;
        }

        foreach (double v in b)
        {
            mean += v;
        }

        mean /= n;
        double ss = 0;
        foreach (double v in a)
        {
            ss += (v - mean) * (v - mean);
        }

        foreach (double v in b)
        {
            ss += (v - mean) * (v - mean);
        }

        return ss / n;
    }
}
