namespace RiskSim.Sensitivity.Tests;

/// <summary>Edge cases: constant columns and outputs, too few trials, non-finite values, "never" ranked last, exact tornado values.</summary>
public sealed class BoundaryTests
{
    private static (double[,] X, double[] Y) WithConstantColumn(int n)
    {
        double[,] x = TestData.Uniform(17, n, 3);
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i, 1] = 2.5;  // constant input
            y[i] = x[i, 0] + (0.5 * x[i, 2]);
        }

        return (x, y);
    }

    [Fact]
    public void Constant_input_is_reported_as_zero_with_no_interval_never_nan()
    {
        (double[,] x, double[] y) = WithConstantColumn(200);
        string[] names = TestData.Names(3);
        var all = CorrelationSensitivity.Spearman(names, x, y)
            .Concat(CorrelationSensitivity.Prcc(names, x, y))
            .Concat(SurrogateImportance.Compute(names, x, y, seed: 3, new SurrogateOptions { Trees = 10 }).Estimates)
            .ToList();
        Assert.All(all, e => Assert.False(double.IsNaN(e.Value) || double.IsNaN(e.CiLow ?? 0) || double.IsNaN(e.CiHigh ?? 0)));
        Assert.All(all.Where(e => e.Input == "x2"), e => Assert.Equal((0.0, (double?)null, (double?)null), (e.Value, e.CiLow, e.CiHigh)));
        Assert.All(all.Where(e => e.Input != "x2"), e => Assert.NotNull(e.CiLow));

        // PRCC of the others is unaffected by the constant column (it is left out of the regressions).
        var withoutConstant = new double[200, 2];
        for (int i = 0; i < 200; i++)
        {
            withoutConstant[i, 0] = x[i, 0];
            withoutConstant[i, 1] = x[i, 2];
        }

        var reference = CorrelationSensitivity.Prcc(["x1", "x3"], withoutConstant, y);
        var prcc = CorrelationSensitivity.Prcc(names, x, y);
        Assert.Equal(reference[0].Value, prcc[0].Value, 1e-12);
        Assert.Equal(reference[1].Value, prcc[2].Value, 1e-12);

        // Tornado: a constant input puts every trial in both tails → low = high = overall median.
        var tornado = TornadoSensitivity.Conditional(names, x, y);
        double median = MathNet.Numerics.Statistics.Statistics.Median(y);
        Assert.Equal(median, TestData.Single(tornado, "x2", SensitivityMethod.TornadoLow).Value, 1e-12);
        Assert.Equal(median, TestData.Single(tornado, "x2", SensitivityMethod.TornadoHigh).Value, 1e-12);
    }

    [Fact]
    public void Constant_output_gives_zero_everywhere_and_no_r_squared()
    {
        double[,] x = TestData.Uniform(4, 100, 2);
        double[] y = Enumerable.Repeat(1.0, 100).ToArray();
        string[] names = TestData.Names(2);
        var all = CorrelationSensitivity.Spearman(names, x, y).Concat(CorrelationSensitivity.Prcc(names, x, y)).ToList();
        SurrogateImportanceResult ml = SurrogateImportance.Compute(names, x, y, seed: 1);
        all.AddRange(ml.Estimates);
        Assert.Equal(6, all.Count);
        Assert.All(all, e => Assert.Equal((0.0, (double?)null, (double?)null), (e.Value, e.CiLow, e.CiHigh)));
        Assert.Null(ml.HoldoutRSquared);
    }

    public static TheoryData<string, Action> TooFew => new()
    {
        { "spearman n = 9", () => CorrelationSensitivity.Spearman(["x"], new double[9, 1], new double[9]) },
        { "prcc n < d + 10", () => CorrelationSensitivity.Prcc(TestData.Names(5), TestData.Uniform(1, 14, 5), new double[14]) },
        { "tornado n = 19", () => TornadoSensitivity.Conditional(["x"], new double[19, 1], new double[19]) },
        { "ml n = 49", () => SurrogateImportance.Compute(["x"], new double[49, 1], new double[49], 1) },
        { "sobol n = 19", () => SobolSensitivity.Indices(["x"], new SaltelliOutputs(new double[19], new double[19], [new double[19]]), 1) },
    };

    [Theory]
    [MemberData(nameof(TooFew))]
    public void Too_few_trials_are_rejected_with_a_message_giving_the_minimum(string name, Action call)
    {
        var e = Assert.Throws<ArgumentException>(call);
        Assert.Contains("at least", e.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(name));
    }

    public static TheoryData<string, Action> NonFinite
    {
        get
        {
            double[,] x = TestData.Uniform(2, 100, 2);
            double[] y = TestData.Evaluate(x, r => r[0] + r[1]);
            double[,] xNaN = (double[,])x.Clone();
            xNaN[37, 1] = double.NaN;
            double[] yInf = (double[])y.Clone();
            yInf[5] = double.PositiveInfinity;
            double[] yNaN = (double[])y.Clone();
            yNaN[0] = double.NaN;
            string[] n = TestData.Names(2);
            return new()
            {
                { "spearman NaN input", () => CorrelationSensitivity.Spearman(n, xNaN, y) },
                { "prcc NaN input", () => CorrelationSensitivity.Prcc(n, xNaN, y) },
                { "tornado NaN input", () => TornadoSensitivity.Conditional(n, xNaN, y) },
                { "ml NaN input", () => SurrogateImportance.Compute(n, xNaN, y, 1) },
                { "spearman NaN output", () => CorrelationSensitivity.Spearman(n, x, yNaN) },
                { "prcc infinite output", () => CorrelationSensitivity.Prcc(n, x, yInf) },
                { "sobol NaN output", () => SobolSensitivity.Indices(["a"], new SaltelliOutputs(yNaN, y, [y]), 1) },
                { "design NaN in A", () => SaltelliDesign.Build(xNaN, x) },
                { "never ranking NaN", () => OutcomeRanking.RankNeverLast([1.0, double.NaN, null]) },
            };
        }
    }

    [Theory]
    [MemberData(nameof(NonFinite))]
    public void Non_finite_values_are_rejected(string name, Action call)
    {
        var e = Assert.Throws<ArgumentException>(call);
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Contains("finite", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action> BadShapes => new()
    {
        { "names count", () => CorrelationSensitivity.Spearman(["a"], new double[20, 2], new double[20]) },
        { "duplicate names", () => CorrelationSensitivity.Spearman(["a", "a"], new double[20, 2], new double[20]) },
        { "output length", () => CorrelationSensitivity.Spearman(["a"], new double[20, 1], new double[21]) },
        { "A and B shapes", () => SaltelliDesign.Build(new double[3, 2], new double[3, 3]) },
        { "overlapping groups", () => SaltelliDesign.BuildGrouped(new double[3, 2], new double[3, 2], [new("g", [0, 1]), new("h", [1])]) },
        { "group out of range", () => SaltelliDesign.BuildGrouped(new double[3, 2], new double[3, 2], [new("g", [2])]) },
        { "empty group", () => SaltelliDesign.BuildGrouped(new double[3, 2], new double[3, 2], [new("g", [])]) },
        { "split length", () => SaltelliDesign.Split(new double[10], 3) },
        { "split no AB block", () => SaltelliDesign.Split(new double[6], 3) },
        { "sobol ragged", () => SobolSensitivity.Indices(["a"], new SaltelliOutputs(new double[20], new double[20], [new double[21]]), 1) },
    };

    [Theory]
    [MemberData(nameof(BadShapes))]
    public void Mismatched_shapes_and_names_are_rejected(string name, Action call)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.ThrowsAny<ArgumentException>(call);
    }

    [Fact]
    public void Never_ranks_last_and_ties_get_average_ranks()
    {
        //                       values: 3,   null, 1,   3,   null, 2
        double[] ranks = OutcomeRanking.RankNeverLast([3.0, null, 1.0, 3.0, null, 2.0]);
        // sorted: 1 → 1, 2 → 2, 3, 3 → 3.5 each, never, never → 5.5 each (n − (m − 1)/2 = 6 − 0.5).
        Assert.Equal(new[] { 3.5, 5.5, 1, 3.5, 5.5, 2 }, ranks);
        Assert.Equal(new double[] { 2, 3, 1 }, OutcomeRanking.RankNeverLast([5.0, null, -1.0]));

        // Feeding the ranks to Spearman: an input that delays breakeven correlates positively.
        double[,] x = TestData.Uniform(6, 100, 1);
        var years = new double?[100];
        for (int i = 0; i < 100; i++)
        {
            years[i] = x[i, 0] > 0.8 ? null : 1 + (10 * x[i, 0]);
        }

        // Same as Spearman with every "never" set to one value above all finite ones (tied, as they should be).
        var s = CorrelationSensitivity.Spearman(["delay"], x, OutcomeRanking.RankNeverLast(years));
        var sentinel = CorrelationSensitivity.Spearman(["delay"], x, years.Select(v => v ?? 1e9).ToArray());
        Assert.Equal(sentinel[0].Value, s[0].Value, 1e-12);
        Assert.True(s[0].Value > 0.99, $"{s[0].Value}");
    }

    [Fact]
    public void Tornado_takes_deciles_by_value_with_ties_at_the_cut_included()
    {
        // x = 1..20, y = 10·x: bottom decile {1, 2} → median 15, top {19, 20} → 195.
        var x = new double[20, 1];
        var y = new double[20];
        for (int i = 0; i < 20; i++)
        {
            x[i, 0] = 20 - i;  // reversed trial order must not matter
            y[i] = 10 * x[i, 0];
        }

        var t = TornadoSensitivity.Conditional(["x"], x, y);
        Assert.Equal(15, t[0].Value);
        Assert.Equal(195, t[1].Value);
        Assert.Equal((10.0, 20.0), (t[0].CiLow!.Value, t[0].CiHigh!.Value));

        // Ties at the cut: x = 2 appears three times, all three join the low tail (cut value 2).
        x[17, 0] = 2;
        x[16, 0] = 2;
        y[17] = 20;
        y[16] = 20;
        var tied = TornadoSensitivity.Conditional(["x"], x, y);
        Assert.Equal(20, tied[0].Value);  // low tail y = {10, 20, 20, 20}
    }
}
