using Xunit.Abstractions;

namespace RiskSim.Sensitivity.Tests;

/// <summary>
/// Sobol indices on the Ishigami function f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π),
/// a = 7, b = 0.1 (Ishigami &amp; Homma 1990; Saltelli et al. 2010 §4), whose indices are known in
/// closed form: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0,
/// V13 = b²π⁸(1/18 − 1/50); S1 = V1/V, S2 = V2/V, S3 = 0, ST1 = (V1 + V13)/V, ST2 = S2, ST3 = V13/V.
/// </summary>
public sealed class SobolTests(ITestOutputHelper log)
{
    private const double A = 7, B = 0.1;

    // n = 2^15 base rows, (3 + 2)·n = 163,840 evaluations. With this n the bootstrap standard errors
    // (95 % percentile half-width / 1.96, checked below) are at most ~0.009 (S1, S2 with the centred
    // Saltelli-2010 estimator); the tolerance 0.03 is ≥ 3 of them.
    private const int N = 1 << 15;
    private const double Tolerance = 0.03;

    private static readonly double Pi4 = Math.Pow(Math.PI, 4), Pi8 = Math.Pow(Math.PI, 8);
    private static readonly double V = (A * A / 8) + (B * Pi4 / 5) + (B * B * Pi8 / 18) + 0.5;
    private static readonly double V1 = 0.5 * Math.Pow(1 + (B * Pi4 / 5), 2);
    private static readonly double V2 = A * A / 8;
    private static readonly double V13 = B * B * Pi8 * ((1.0 / 18) - (1.0 / 50));

    private static double Ishigami(double[] x) => Math.Sin(x[0]) + (A * Math.Pow(Math.Sin(x[1]), 2)) + (B * Math.Pow(x[2], 4) * Math.Sin(x[0]));

    private static (double[,] A, double[,] B) BaseMatrices(ulong seed, int n)
    {
        // One stream, A then B, mapped from U(0,1) to U(−π, π).
        double[,] ab = TestData.Uniform(seed, 2 * n, 3, -Math.PI, Math.PI);
        var a = new double[n, 3];
        var b = new double[n, 3];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                a[i, j] = ab[i, j];
                b[i, j] = ab[n + i, j];
            }
        }

        return (a, b);
    }

    [Fact]
    public void Analytic_indices_match_the_published_values()
    {
        Assert.Equal(0.3139, V1 / V, 4);
        Assert.Equal(0.4424, V2 / V, 4);
        Assert.Equal(0.5576, (V1 + V13) / V, 4);
        Assert.Equal(0.2437, V13 / V, 4);
    }

    [Fact]
    public void Ishigami_first_and_total_indices_are_within_0_03_of_the_analytic_values()
    {
        (double[,] a, double[,] b) = BaseMatrices(20100101, N);
        double[,] design = SaltelliDesign.Build(a, b);
        Assert.Equal(5 * N, design.GetLength(0));
        SaltelliOutputs outputs = SaltelliDesign.Split(TestData.Evaluate(design, Ishigami), N);
        var estimates = SobolSensitivity.Indices(["x1", "x2", "x3"], outputs, seed: 7);

        var expected = new Dictionary<(string, string), double>
        {
            [("x1", SensitivityMethod.SobolFirst)] = V1 / V,
            [("x2", SensitivityMethod.SobolFirst)] = V2 / V,
            [("x3", SensitivityMethod.SobolFirst)] = 0,
            [("x1", SensitivityMethod.SobolTotal)] = (V1 + V13) / V,
            [("x2", SensitivityMethod.SobolTotal)] = V2 / V,
            [("x3", SensitivityMethod.SobolTotal)] = V13 / V,
        };
        Assert.Equal(6, estimates.Count);
        foreach (SensitivityEstimate e in estimates)
        {
            double truth = expected[(e.Input, e.Method)];
            log.WriteLine($"{e.Method}({e.Input}) = {e.Value:F4} [{e.CiLow:F4}, {e.CiHigh:F4}], analytic {truth:F4}");
            Assert.True(Math.Abs(e.Value - truth) < Tolerance, $"{e.Method}({e.Input}) = {e.Value:F4}, analytic {truth:F4}");
            Assert.NotNull(e.CiLow);
            Assert.NotNull(e.CiHigh);
            Assert.InRange(e.Value, e.CiLow!.Value, e.CiHigh!.Value);

            // The tolerance must be at least 3 bootstrap standard errors for this n.
            double se = (e.CiHigh!.Value - e.CiLow!.Value) / (2 * 1.959964);
            Assert.True(3 * se <= Tolerance, $"{e.Method}({e.Input}): bootstrap SE {se:F4} too large for ±{Tolerance}");
        }
    }

    [Fact]
    public void Group_indices_of_x1_x3_and_x2_match_the_analytic_closed_and_total_indices()
    {
        // Group {x1, x3}: closed index (V1 + V3 + V13)/V = ST of the group = 1 − S2 = 0.5576.
        // Group {x2}: 0.4424 for both, as it interacts with nothing.
        const int n = 1 << 14;
        (double[,] a, double[,] b) = BaseMatrices(4242, n);
        InputGroup[] groups = [new("x1+x3", [0, 2]), new("x2", [1])];
        double[,] design = SaltelliDesign.BuildGrouped(a, b, groups);
        Assert.Equal(4 * n, design.GetLength(0));
        SaltelliOutputs outputs = SaltelliDesign.Split(TestData.Evaluate(design, Ishigami), n);
        var estimates = SobolSensitivity.GroupIndices(groups.Select(g => g.Name).ToArray(), outputs, seed: 11);

        double s13 = (V1 + V13) / V, s2 = V2 / V;
        foreach (SensitivityEstimate e in estimates)
        {
            Assert.Contains(e.Method, new[] { SensitivityMethod.GroupSobolFirst, SensitivityMethod.GroupSobolTotal });
            double truth = e.Input == "x2" ? s2 : s13;
            log.WriteLine($"{e.Method}({e.Input}) = {e.Value:F4} [{e.CiLow:F4}, {e.CiHigh:F4}], analytic {truth:F4}");
            Assert.True(Math.Abs(e.Value - truth) < Tolerance, $"{e.Method}({e.Input}) = {e.Value:F4}, analytic {truth:F4}");
        }
    }

    [Fact]
    public void Bootstrap_is_deterministic_for_a_seed_and_changes_with_it()
    {
        (double[,] a, double[,] b) = BaseMatrices(99, 512);
        SaltelliOutputs outputs = SaltelliDesign.Split(TestData.Evaluate(SaltelliDesign.Build(a, b), Ishigami), 512);
        var first = SobolSensitivity.Indices(["x1", "x2", "x3"], outputs, seed: 123);
        var again = SobolSensitivity.Indices(["x1", "x2", "x3"], outputs, seed: 123);
        var other = SobolSensitivity.Indices(["x1", "x2", "x3"], outputs, seed: 124);
        Assert.Equal(first, again);
        Assert.Equal(first.Select(e => e.Value), other.Select(e => e.Value));
        Assert.NotEqual(first.Select(e => e.CiLow), other.Select(e => e.CiLow));
    }

    [Fact]
    public void Constant_output_gives_zero_indices_with_no_interval()
    {
        var y = Enumerable.Repeat(5.0, 40).ToArray();
        var outputs = new SaltelliOutputs(y, y, [y, y]);
        var estimates = SobolSensitivity.Indices(["p", "q"], outputs, seed: 1);
        Assert.Equal(4, estimates.Count);
        Assert.All(estimates, e => Assert.Equal((0.0, (double?)null, (double?)null), (e.Value, e.CiLow, e.CiHigh)));
    }

    [Fact]
    public void An_inert_input_gets_exactly_zero_first_and_total()
    {
        (double[,] a, double[,] b) = BaseMatrices(5, 256);
        SaltelliOutputs outputs = SaltelliDesign.Split(TestData.Evaluate(SaltelliDesign.Build(a, b), x => x[0] + x[1]), 256);
        var estimates = SobolSensitivity.Indices(["x1", "x2", "x3"], outputs, seed: 3);
        Assert.Equal(0.0, TestData.Single(estimates, "x3", SensitivityMethod.SobolFirst).Value);
        Assert.Equal(0.0, TestData.Single(estimates, "x3", SensitivityMethod.SobolTotal).Value);
    }

    [Fact]
    public void Design_rows_swap_exactly_the_named_columns()
    {
        double[,] a = { { 1, 2, 3 }, { 4, 5, 6 } };
        double[,] b = { { -1, -2, -3 }, { -4, -5, -6 } };
        double[,] design = SaltelliDesign.Build(a, b);
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6, -1, -2, -3, -4, -5, -6, -1, 2, 3, -4, 5, 6, 1, -2, 3, 4, -5, 6, 1, 2, -3, 4, 5, -6 }, design.Cast<double>());
        double[,] grouped = SaltelliDesign.BuildGrouped(a, b, [new InputGroup("g", [0, 2])]);
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6, -1, -2, -3, -4, -5, -6, -1, 2, -3, -4, 5, -6 }, grouped.Cast<double>());
    }
}
