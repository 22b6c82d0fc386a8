using MathNet.Numerics.LinearAlgebra;

namespace RiskSim.Sensitivity;

/// <summary>
/// Rank-correlation measures computed from existing Monte Carlo trials (any sampling design with
/// independent trials): Spearman's ρ and the partial rank correlation coefficient (PRCC).
/// </summary>
/// <remarks>
/// Inputs are an n × d matrix (row = trial, column = input) and an output vector of length n. Ties
/// get average ranks. A constant input column has no defined correlation: it is reported as 0 with a
/// null confidence interval. A constant output gives 0 with null intervals for every input. Values
/// are never NaN. Non-finite inputs or outputs are rejected with an <see cref="ArgumentException"/>.
/// </remarks>
public static class CorrelationSensitivity
{
    /// <summary>Fewest trials accepted by <see cref="Spearman"/> (the Fisher-z interval needs n &gt; 3; below 10 it means little).</summary>
    public const int MinimumTrials = 10;

    /// <summary>
    /// Fewest residual degrees of freedom accepted by <see cref="Prcc"/>: it needs n ≥ d + 10 trials
    /// for d inputs, so the Fisher-z standard error 1/√(n − 3 − (d − 1)) stays finite and meaningful.
    /// </summary>
    public const int PrccExtraTrials = 10;

    /// <summary>
    /// Spearman rank correlation of each input with the output, with a Fisher-z confidence interval
    /// using the standard error 1.06/√(n − 3) of Fieller, Hartley &amp; Pearson (1957).
    /// </summary>
    /// <param name="inputNames">One name per input column.</param>
    /// <param name="inputs">Trials × inputs matrix.</param>
    /// <param name="output">Output per trial.</param>
    /// <param name="confidence">Two-sided confidence level of the interval (default 0.95).</param>
    /// <returns>One <see cref="SensitivityMethod.Spearman"/> estimate per input, in input order.</returns>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumTrials"/> trials, mismatched sizes or names, or a non-finite value.</exception>
    public static IReadOnlyList<SensitivityEstimate> Spearman(IReadOnlyList<string> inputNames, double[,] inputs, double[] output, double confidence = 0.95)
    {
        Validation.Confidence(confidence);
        double[][] columns = Validation.TrialData(inputNames, inputs, output, MinimumTrials, SensitivityMethod.Spearman);
        int n = output.Length;
        bool constantOutput = Stats.IsConstant(output);
        double[] ry = Stats.AverageRanks(output);
        double se = 1.06 / Math.Sqrt(n - 3);
        var result = new List<SensitivityEstimate>(columns.Length);
        for (int j = 0; j < columns.Length; j++)
        {
            if (constantOutput || Stats.IsConstant(columns[j]))
            {
                result.Add(new SensitivityEstimate(inputNames[j], SensitivityMethod.Spearman, 0, null, null));
                continue;
            }

            double r = Stats.Pearson(Stats.AverageRanks(columns[j]), ry);
            (double low, double high) = Stats.FisherInterval(r, se, confidence);
            result.Add(new SensitivityEstimate(inputNames[j], SensitivityMethod.Spearman, r, low, high));
        }

        return result;
    }

    /// <summary>
    /// Partial rank correlation coefficient of each input with the output, controlling for the other
    /// inputs (Iman &amp; Conover 1987; Marino et al. 2008): all columns and the output are rank-transformed,
    /// the ranks of input j and of the output are each regressed (least squares with intercept,
    /// thin QR) on the ranks of the other non-constant inputs, and the residuals are correlated.
    /// Confidence interval by Fisher z with standard error 1/√(n − 3 − (d − 1)), d the number of
    /// non-constant inputs.
    /// </summary>
    /// <param name="inputNames">One name per input column.</param>
    /// <param name="inputs">Trials × inputs matrix.</param>
    /// <param name="output">Output per trial.</param>
    /// <param name="confidence">Two-sided confidence level of the interval (default 0.95).</param>
    /// <returns>One <see cref="SensitivityMethod.Prcc"/> estimate per input, in input order.</returns>
    /// <remarks>
    /// Constant inputs are left out of the other inputs' regressions (they are collinear with the
    /// intercept) and reported as 0 with null interval. An input whose ranks are, to rounding, a
    /// linear function of the others' (residual variance below 1e-10 of its own) has no defined
    /// partial correlation and is likewise reported as 0 with null interval.
    /// </remarks>
    /// <exception cref="ArgumentException">Fewer than d + <see cref="PrccExtraTrials"/> trials, mismatched sizes or names, or a non-finite value.</exception>
    public static IReadOnlyList<SensitivityEstimate> Prcc(IReadOnlyList<string> inputNames, double[,] inputs, double[] output, double confidence = 0.95)
    {
        Validation.Confidence(confidence);
        int d = inputs?.GetLength(1) ?? 0;
        double[][] columns = Validation.TrialData(inputNames, inputs!, output, Math.Max(MinimumTrials, d + PrccExtraTrials), SensitivityMethod.Prcc);
        int n = output.Length;
        bool constantOutput = Stats.IsConstant(output);
        var active = new List<int>();
        for (int j = 0; j < d; j++)
        {
            if (!Stats.IsConstant(columns[j]))
            {
                active.Add(j);
            }
        }

        var result = new SensitivityEstimate[d];
        for (int j = 0; j < d; j++)
        {
            result[j] = new SensitivityEstimate(inputNames[j], SensitivityMethod.Prcc, 0, null, null);
        }

        if (constantOutput || active.Count == 0)
        {
            return result;
        }

        var ranks = new double[d][];
        foreach (int j in active)
        {
            ranks[j] = Stats.AverageRanks(columns[j]);
        }

        double[] ry = Stats.AverageRanks(output);
        int dActive = active.Count;
        double se = 1.0 / Math.Sqrt(n - 3 - (dActive - 1));
        foreach (int j in active)
        {
            // Design: intercept + ranks of the other active inputs.
            int[] others = active.Where(k => k != j).ToArray();
            var design = Matrix<double>.Build.Dense(n, others.Length + 1, (i, k) => k == 0 ? 1.0 : ranks[others[k - 1]][i]);
            var qr = design.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
            double[] ex = Residuals(design, qr, ranks[j]);
            double[] ey = Residuals(design, qr, ry);
            if (SumSquares(ex) < 1e-10 * SumSquaresAboutMean(ranks[j]) || SumSquares(ey) < 1e-10 * SumSquaresAboutMean(ry))
            {
                continue;
            }

            double r = Stats.Pearson(ex, ey);
            (double low, double high) = Stats.FisherInterval(r, se, confidence);
            result[j] = new SensitivityEstimate(inputNames[j], SensitivityMethod.Prcc, r, low, high);
        }

        return result;
    }

    private static double[] Residuals(Matrix<double> design, MathNet.Numerics.LinearAlgebra.Factorization.QR<double> qr, double[] target)
    {
        var v = Vector<double>.Build.DenseOfArray(target);
        var fitted = design * qr.Solve(v);
        return (v - fitted).ToArray();
    }

    private static double SumSquares(double[] v)
    {
        double s = 0;
        foreach (double x in v)
        {
            s += x * x;
        }

        return s;
    }

    private static double SumSquaresAboutMean(double[] v)
    {
        double mean = v.Average();
        double s = 0;
        foreach (double x in v)
        {
            s += (x - mean) * (x - mean);
        }

        return s;
    }
}
