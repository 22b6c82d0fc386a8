using Xunit.Abstractions;

namespace RiskSim.Sensitivity.Tests;

/// <summary>
/// y = 10·x1 + 0.1·x2 + 0.1·x3 with x_i ~ U(0, 1) independent: x1 carries 10⁴/(10⁴ + 0.02) ≈ 99.9998 %
/// of the variance, so every method must rank it first, by a wide margin.
/// </summary>
public sealed class DominantInputTests(ITestOutputHelper log)
{
    private const int N = 2000;
    private static readonly string[] Names = TestData.Names(3);

    private static double Model(double[] x) => (10 * x[0]) + (0.1 * x[1]) + (0.1 * x[2]);

    private static (double[,] X, double[] Y) Trials()
    {
        double[,] x = TestData.Uniform(777, N, 3);
        return (x, TestData.Evaluate(x, Model));
    }

    [Fact]
    public void Every_method_ranks_the_dominant_input_first()
    {
        (double[,] x, double[] y) = Trials();

        var spearman = CorrelationSensitivity.Spearman(Names, x, y);
        var prcc = CorrelationSensitivity.Prcc(Names, x, y);
        var tornado = TornadoSensitivity.Conditional(Names, x, y);
        SurrogateImportanceResult ml = SurrogateImportance.Compute(Names, x, y, seed: 2024);

        double[,] ab = TestData.Uniform(778, 2 * 1024, 3);
        double[,] a = new double[1024, 3], b = new double[1024, 3];
        for (int i = 0; i < 1024; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                a[i, j] = ab[i, j];
                b[i, j] = ab[1024 + i, j];
            }
        }

        var sobol = SobolSensitivity.Indices(Names, SaltelliDesign.Split(TestData.Evaluate(SaltelliDesign.Build(a, b), Model), 1024), seed: 5);

        foreach (SensitivityEstimate e in spearman.Concat(prcc).Concat(sobol).Concat(ml.Estimates).Concat(tornado))
        {
            log.WriteLine($"{e.Method,-13} {e.Input}: {e.Value,10:F4} [{e.CiLow:F4}, {e.CiHigh:F4}]");
        }

        log.WriteLine($"surrogate hold-out R² = {ml.HoldoutRSquared:F4} ({ml.TrainingRows} train / {ml.HoldoutRows} hold-out)");

        Assert.Equal("x1", TestData.Top(spearman, SensitivityMethod.Spearman, Math.Abs));
        Assert.Equal("x1", TestData.Top(prcc, SensitivityMethod.Prcc, Math.Abs));
        Assert.Equal("x1", TestData.Top(sobol, SensitivityMethod.SobolFirst));
        Assert.Equal("x1", TestData.Top(sobol, SensitivityMethod.SobolTotal));
        Assert.Equal("x1", TestData.Top(ml.Estimates, SensitivityMethod.MlImportance));
        string topSwing = Names.MaxBy(name =>
            Math.Abs(TestData.Single(tornado, name, SensitivityMethod.TornadoHigh).Value - TestData.Single(tornado, name, SensitivityMethod.TornadoLow).Value))!;
        Assert.Equal("x1", topSwing);

        Assert.NotNull(ml.HoldoutRSquared);
        Assert.True(ml.HoldoutRSquared > 0.9, $"R² = {ml.HoldoutRSquared}");
        Assert.Equal(1600, ml.TrainingRows);
        Assert.Equal(400, ml.HoldoutRows);

        // Sobol: x1 explains ~all variance (S1 ≈ ST1 ≈ 1), the others ~0.
        Assert.Equal(1.0, TestData.Single(sobol, "x1", SensitivityMethod.SobolTotal).Value, 0.05);
        Assert.Equal(0.0, TestData.Single(sobol, "x2", SensitivityMethod.SobolTotal).Value, 0.01);

        // Tornado for x1: bottom decile x1 ∈ [0, 0.1] → population median y = 10·0.05 + 0.1 = 0.6; top 9.6.
        // Sampling SE ≈ 0.05: the cut q̂10 has SE √(0.1·0.9/2000) = 0.0067 (→ 10·0.0067/2 = 0.034 on the
        // median) and the median of 200 trials in the tail 10·0.1·0.5/√200 = 0.035 (combined ≈ 0.05).
        // Accept ±4 SE = ±0.2. (This seed's sample q̂10 is 0.111, 1.6 SE high, so low = 0.725.)
        Assert.Equal(0.6, TestData.Single(tornado, "x1", SensitivityMethod.TornadoLow).Value, 0.2);
        Assert.Equal(9.6, TestData.Single(tornado, "x1", SensitivityMethod.TornadoHigh).Value, 0.2);
    }

    [Fact]
    public void Surrogate_importance_is_deterministic_for_a_seed()
    {
        (double[,] x, double[] y) = Trials();
        var options = new SurrogateOptions { Trees = 20 };
        SurrogateImportanceResult first = SurrogateImportance.Compute(Names, x, y, seed: 9, options);
        SurrogateImportanceResult again = SurrogateImportance.Compute(Names, x, y, seed: 9, options);
        Assert.Equal(first.Estimates, again.Estimates);
        Assert.Equal(first.HoldoutRSquared, again.HoldoutRSquared);
    }

    [Fact]
    public void Surrogate_subsamples_to_the_row_cap()
    {
        (double[,] x, double[] y) = Trials();
        SurrogateImportanceResult r = SurrogateImportance.Compute(Names, x, y, seed: 1, new SurrogateOptions { Trees = 10, MaximumRows = 500 });
        Assert.Equal(400, r.TrainingRows);
        Assert.Equal(100, r.HoldoutRows);
    }
}
