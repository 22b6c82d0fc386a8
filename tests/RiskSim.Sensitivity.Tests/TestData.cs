namespace RiskSim.Sensitivity.Tests;

/// <summary>Deterministic test data from the library's SplitMix64 (reproducible in Python, see PrccReferenceTests).</summary>
internal static class TestData
{
    /// <summary>n × d matrix of U(lo, hi) draws, row by row.</summary>
    public static double[,] Uniform(ulong seed, int n, int d, double lo = 0, double hi = 1)
    {
        var rng = new SplitMix64(seed);
        var m = new double[n, d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                m[i, j] = lo + ((hi - lo) * rng.NextDouble());
            }
        }

        return m;
    }

    /// <summary>Evaluates f on every row.</summary>
    public static double[] Evaluate(double[,] x, Func<double[], double> f)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var y = new double[n];
        var row = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                row[j] = x[i, j];
            }

            y[i] = f(row);
        }

        return y;
    }

    public static string[] Names(int d) => Enumerable.Range(1, d).Select(j => $"x{j}").ToArray();

    public static SensitivityEstimate Single(IEnumerable<SensitivityEstimate> estimates, string input, string method) =>
        estimates.Single(e => e.Input == input && e.Method == method);

    /// <summary>Input name with the largest value of a method (ties → first).</summary>
    public static string Top(IEnumerable<SensitivityEstimate> estimates, string method, Func<double, double>? key = null) =>
        estimates.Where(e => e.Method == method).MaxBy(e => (key ?? (v => v))(e.Value))!.Input;
}
