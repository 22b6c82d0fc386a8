using MathNet.Numerics.Statistics;

namespace RiskSim.Sensitivity.Tests;

/// <summary>Spearman and PRCC against SciPy/NumPy reference values, exact cases and interval coverage.</summary>
public sealed class CorrelationTests
{
    /// <summary>
    /// y = 3·x1 + x2 + 2·(e − ½), x1, x2, x3, e ~ U(0, 1) independent (x3 inert), n = 300, drawn from
    /// SplitMix64(20260601) in the order x1, x2, x3, e per trial. Reference values from SciPy 1.10.1 /
    /// NumPy 1.24.2 on the same numbers (the generator is reimplemented bit for bit):
    /// <code>
    /// import numpy as np
    /// from scipy import stats
    /// M = (1 &lt;&lt; 64) - 1
    /// class SplitMix64:
    ///     def __init__(self, seed): self.s = seed &amp; M
    ///     def next(self):
    ///         self.s = (self.s + 0x9E3779B97F4A7C15) &amp; M
    ///         z = self.s
    ///         z = ((z ^ (z &gt;&gt; 30)) * 0xBF58476D1CE4E5B9) &amp; M
    ///         z = ((z ^ (z &gt;&gt; 27)) * 0x94D049BB133111EB) &amp; M
    ///         return z ^ (z &gt;&gt; 31)
    ///     def uniform(self): return (self.next() &gt;&gt; 11) * (1.0 / 9007199254740992.0)
    /// rng = SplitMix64(20260601)
    /// n = 300
    /// X = np.empty((n, 3)); y = np.empty(n)
    /// for i in range(n):
    ///     x1, x2, x3, e = (rng.uniform() for _ in range(4))
    ///     X[i] = (x1, x2, x3)
    ///     y[i] = 3 * x1 + x2 + 2.0 * (e - 0.5)   # x3 is inert
    /// def prcc(X, y):
    ///     R = np.column_stack([stats.rankdata(c) for c in X.T]); ry = stats.rankdata(y)
    ///     out = []
    ///     for j in range(X.shape[1]):
    ///         Z = np.column_stack([np.ones(len(y)), np.delete(R, j, axis=1)])
    ///         ex = R[:, j] - Z @ np.linalg.lstsq(Z, R[:, j], rcond=None)[0]
    ///         ey = ry - Z @ np.linalg.lstsq(Z, ry, rcond=None)[0]
    ///         out.append(np.corrcoef(ex, ey)[0, 1])
    ///     return out
    /// print("prcc", ["%.12f" % v for v in prcc(X, y)])
    /// print("spearman", ["%.12f" % stats.spearmanr(X[:, j], y).correlation for j in range(3)])
    /// # prcc ['0.836641509719', '0.452056378312', '0.015942197776']
    /// # spearman ['0.807440971566', '0.276906187847', '0.008292536584']
    /// </code>
    /// Same data and the same algorithm, so the tolerance is rounding only: 1e-9.
    /// </summary>
    [Fact]
    public void Prcc_and_spearman_match_scipy_on_a_linear_model_and_rank_x1_first()
    {
        const int n = 300;
        var rng = new SplitMix64(20260601);
        var x = new double[n, 3];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = rng.NextDouble();
            x[i, 1] = rng.NextDouble();
            x[i, 2] = rng.NextDouble();
            double e = rng.NextDouble();
            y[i] = (3 * x[i, 0]) + x[i, 1] + (2.0 * (e - 0.5));
        }

        string[] names = TestData.Names(3);
        var prcc = CorrelationSensitivity.Prcc(names, x, y);
        var spearman = CorrelationSensitivity.Spearman(names, x, y);
        Assert.Equal(0.836641509719, prcc[0].Value, 1e-9);
        Assert.Equal(0.452056378312, prcc[1].Value, 1e-9);
        Assert.Equal(0.015942197776, prcc[2].Value, 1e-9);
        Assert.Equal(0.807440971566, spearman[0].Value, 1e-9);
        Assert.Equal(0.276906187847, spearman[1].Value, 1e-9);
        Assert.Equal(0.008292536584, spearman[2].Value, 1e-9);
        Assert.Equal("x1", TestData.Top(prcc, SensitivityMethod.Prcc));
        Assert.Equal("x1", TestData.Top(spearman, SensitivityMethod.Spearman));

        // Intervals: Fisher z with se 1/√(n − 3 − (d − 1)) for PRCC and 1.06/√(n − 3) for Spearman.
        double seP = 1 / Math.Sqrt(n - 3 - 2), seS = 1.06 / Math.Sqrt(n - 3);
        Assert.Equal(Math.Tanh(Math.Atanh(prcc[0].Value) - (1.959963985 * seP)), prcc[0].CiLow!.Value, 1e-8);
        Assert.Equal(Math.Tanh(Math.Atanh(spearman[1].Value) + (1.959963985 * seS)), spearman[1].CiHigh!.Value, 1e-8);
        Assert.InRange(0.0, prcc[2].CiLow!.Value, prcc[2].CiHigh!.Value);

        // An independent implementation: MathNet's Spearman.
        for (int j = 0; j < 3; j++)
        {
            double[] column = Enumerable.Range(0, n).Select(i => x[i, j]).ToArray();
            Assert.Equal(Correlation.Spearman(column, y), spearman[j].Value, 1e-12);
        }
    }

    [Fact]
    public void Spearman_of_monotone_data_is_one_and_ties_use_average_ranks()
    {
        double[,] x = TestData.Uniform(1, 100, 2);
        var y = new double[100];
        for (int i = 0; i < 100; i++)
        {
            y[i] = Math.Exp(5 * x[i, 0]);  // monotone in x1, x2 inert
        }

        var s = CorrelationSensitivity.Spearman(["x1", "x2"], x, y);
        Assert.Equal(1.0, s[0].Value, 1e-12);
        Assert.Equal(1.0, s[0].CiLow!.Value, 1e-12);
        Assert.Equal(1.0, s[0].CiHigh!.Value, 1e-12);

        // Ties: x rounded to 3 levels; MathNet (average ranks) agrees.
        double[,] tied = new double[100, 1];
        for (int i = 0; i < 100; i++)
        {
            tied[i, 0] = Math.Round(x[i, 0] * 2);
        }

        double[] column = Enumerable.Range(0, 100).Select(i => tied[i, 0]).ToArray();
        Assert.Equal(Correlation.Spearman(column, y), CorrelationSensitivity.Spearman(["t"], tied, y)[0].Value, 1e-12);
    }

    /// <summary>
    /// Coverage: bivariate normal with ρ = 0.6 has Spearman ρ_s = (6/π)·asin(ρ/2) = 0.581920 (Pearson 1907).
    /// 400 replications of n = 60; the 95 % Fisher-z interval (se 1.06/√(n − 3)) should cover ρ_s in
    /// 95 % of them: binomial SE √(0.95·0.05/400) = 0.0109, accept 0.95 ± 4 SE = [0.906, 0.994].
    /// </summary>
    [Fact]
    public void Spearman_interval_covers_the_true_rank_correlation_about_95_percent_of_the_time()
    {
        const double rho = 0.6;
        double truth = 6 / Math.PI * Math.Asin(rho / 2);
        Assert.Equal(0.581920, truth, 1e-6);
        const int reps = 400, n = 60;
        var rng = new SplitMix64(314159);
        int covered = 0;
        for (int r = 0; r < reps; r++)
        {
            var x = new double[n, 1];
            var y = new double[n];
            for (int i = 0; i < n; i++)
            {
                // Box–Muller.
                double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
                double z1 = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                double z2 = Math.Sqrt(-2 * Math.Log(u1)) * Math.Sin(2 * Math.PI * u2);
                x[i, 0] = z1;
                y[i] = (rho * z1) + (Math.Sqrt(1 - (rho * rho)) * z2);
            }

            SensitivityEstimate e = CorrelationSensitivity.Spearman(["x"], x, y)[0];
            if (e.CiLow <= truth && truth <= e.CiHigh)
            {
                covered++;
            }
        }

        Assert.InRange(covered / (double)reps, 0.906, 0.994);
    }

    [Fact]
    public void Prcc_removes_a_confounded_input_that_spearman_credits()
    {
        // y depends on x1 only; x2 = x1 + small noise, so Spearman(x2, y) is high but PRCC(x2) ≈ 0
        // (sampling SE ≈ 1/√(n − 4) = 0.032 at n = 1000, accept |PRCC| < 4 SE).
        const int n = 1000;
        var rng = new SplitMix64(8);
        var x = new double[n, 2];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = rng.NextDouble();
            x[i, 1] = x[i, 0] + (0.2 * rng.NextDouble());
            y[i] = x[i, 0] + (0.05 * rng.NextDouble());
        }

        Assert.True(CorrelationSensitivity.Spearman(["x1", "x2"], x, y)[1].Value > 0.8);
        var prcc = CorrelationSensitivity.Prcc(["x1", "x2"], x, y);
        Assert.True(Math.Abs(prcc[1].Value) < 4 / Math.Sqrt(n - 4), $"PRCC(x2) = {prcc[1].Value}");
        Assert.True(prcc[0].Value > 0.9);
    }
}
