namespace RiskSim.Sensitivity;

/// <summary>Argument checks shared by the methods; every failure is an <see cref="ArgumentException"/> naming the problem.</summary>
internal static class Validation
{
    /// <summary>
    /// Checks a trials × inputs matrix, its column names and the output vector; returns the columns
    /// (one array per input, copied) so methods can work column-wise.
    /// </summary>
    public static double[][] TrialData(IReadOnlyList<string> inputNames, double[,] inputs, double[] output, int minimumTrials, string method)
    {
        ArgumentNullException.ThrowIfNull(inputNames);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(output);
        int n = inputs.GetLength(0);
        int d = inputs.GetLength(1);
        if (d == 0)
        {
            throw new ArgumentException($"{method}: the input matrix has no columns.", nameof(inputs));
        }

        Names(inputNames, d, nameof(inputNames));
        if (output.Length != n)
        {
            throw new ArgumentException($"{method}: the output has {output.Length} values but the input matrix has {n} rows (trials).", nameof(output));
        }

        if (n < minimumTrials)
        {
            throw new ArgumentException($"{method}: needs at least {minimumTrials} trials, got {n}.", nameof(inputs));
        }

        Finite(output, nameof(output), method);
        var columns = new double[d][];
        for (int j = 0; j < d; j++)
        {
            var column = new double[n];
            for (int i = 0; i < n; i++)
            {
                double v = inputs[i, j];
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"{method}: input '{inputNames[j]}' has a non-finite value ({v}) at trial {i}.", nameof(inputs));
                }

                column[i] = v;
            }

            columns[j] = column;
        }

        return columns;
    }

    public static void Names(IReadOnlyList<string> names, int expected, string parameter)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count != expected)
        {
            throw new ArgumentException($"Expected {expected} names, got {names.Count}.", parameter);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("Names must not be empty.", parameter);
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Name '{name}' appears twice.", parameter);
            }
        }
    }

    public static void Finite(double[] values, string parameter, string method)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{method}: '{parameter}' has a non-finite value ({values[i]}) at index {i}.", parameter);
            }
        }
    }

    public static void Confidence(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence level must be in (0, 1).");
        }
    }
}
