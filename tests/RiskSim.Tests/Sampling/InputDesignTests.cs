using MathNet.Numerics.Statistics;
using RiskSim.Core.Model;
using RiskSim.Core.Sampling;

namespace RiskSim.Tests.Sampling;

/// <summary>Input designs: uniform marginals, exact Latin hypercube strata, reproducibility and keyed dimensions.</summary>
public sealed class InputDesignTests
{
    private static readonly string[] Names = ["entries_rate_multiplier", "residential_weekly_cost_gbp", "family_group_conferencing_recruitment_delay_months"];

    private static double[][] Columns(InputDesign design, int n)
    {
        var columns = Enumerable.Range(0, design.Dimensions).Select(_ => new double[n]).ToArray();
        var u = new double[design.Dimensions];
        for (int t = 0; t < n; t++)
        {
            design.Fill(t, u);
            for (int d = 0; d < u.Length; d++)
            {
                columns[d][t] = u[d];
            }
        }

        return columns;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(4097)]
    public void Keyed_permutation_is_a_bijection_of_0_to_n(int n)
    {
        var perm = new KeyedPermutation(0xC0FFEE, n);
        var seen = new bool[n];
        for (int i = 0; i < n; i++)
        {
            long j = perm[i];
            Assert.InRange(j, 0, n - 1);
            Assert.False(seen[j], $"{j} hit twice");
            seen[j] = true;
        }
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(333)]
    public void Latin_hypercube_puts_exactly_one_draw_in_each_stratum_of_every_dimension(int n)
    {
        var columns = Columns(new LatinHypercubeDesign(Names, seed: 11, trials: n), n);
        foreach (var column in columns)
        {
            var strata = column.Select(u => (int)Math.Floor(u * n)).OrderBy(s => s).ToArray();
            Assert.Equal(Enumerable.Range(0, n), strata);
        }
    }

    [Fact]
    public void Monte_Carlo_uniforms_have_uniform_moments_and_are_uncorrelated_across_dimensions()
    {
        // U(0, 1): mean ½ (SE 1/√(12n)), variance 1/12 (SE ≈ √(1/180 n)); tolerance 4 SE.
        const int n = 100_000;
        var columns = Columns(new MonteCarloDesign(Names, seed: 5), n);
        foreach (var column in columns)
        {
            Assert.InRange(column.Mean(), 0.5 - (4 / Math.Sqrt(12.0 * n)), 0.5 + (4 / Math.Sqrt(12.0 * n)));
            Assert.InRange(column.Variance(), (1 / 12.0) - (4 * Math.Sqrt(1 / (180.0 * n))), (1 / 12.0) + (4 * Math.Sqrt(1 / (180.0 * n))));
            Assert.All(column, u => Assert.True(u > 0 && u < 1));
        }

        // Sample correlation of independent columns has SE 1/√n.
        Assert.InRange(Correlation.Pearson(columns[0], columns[1]), -4 / Math.Sqrt(n), 4 / Math.Sqrt(n));
        Assert.InRange(Correlation.Pearson(columns[1], columns[2]), -4 / Math.Sqrt(n), 4 / Math.Sqrt(n));
    }

    [Fact]
    public void A_dimensions_draws_depend_on_its_name_not_its_position_or_the_other_inputs()
    {
        var a = new MonteCarloDesign(Names, seed: 3);
        var b = new MonteCarloDesign(["new_input", Names[2], Names[0]], seed: 3);
        var ua = new double[3];
        var ub = new double[3];
        for (int t = 0; t < 50; t++)
        {
            a.Fill(t, ua);
            b.Fill(t, ub);
            Assert.Equal(ua[0], ub[2]);
            Assert.Equal(ua[2], ub[1]);
        }
    }

    [Fact]
    public void Designs_differ_by_seed_and_by_salt()
    {
        var u1 = new double[3];
        var u2 = new double[3];
        var u3 = new double[3];
        new MonteCarloDesign(Names, seed: 1).Fill(0, u1);
        new MonteCarloDesign(Names, seed: 2).Fill(0, u2);
        new MonteCarloDesign(Names, seed: 1, salt: 1).Fill(0, u3);
        Assert.NotEqual(u1, u2);
        Assert.NotEqual(u1, u3);
    }

    [Fact]
    public void Copula_reaches_declared_rank_correlations_and_keeps_uniform_marginals()
    {
        // 10,000 trials: Spearman's SE is about (1 − ρ²)/√n ≤ 0.01, so ±0.03 is 3 SE.
        const int n = 10_000;
        var design = new MonteCarloDesign(Names, seed: 5);
        var copula = GaussianCopula.Create(Names, [new RankCorrelation(Names[0], Names[1], 0.6), new RankCorrelation(Names[1], Names[2], -0.3)], repair: false)!;
        var columns = Enumerable.Range(0, 3).Select(_ => new double[n]).ToArray();
        var u = new double[3];
        var scratch = new double[2 * copula.Size];
        for (int t = 0; t < n; t++)
        {
            design.Fill(t, u);
            copula.Apply(u, scratch);
            for (int d = 0; d < 3; d++)
            {
                columns[d][t] = u[d];
            }
        }

        Assert.InRange(Correlation.Spearman(columns[0], columns[1]), 0.57, 0.63);
        Assert.InRange(Correlation.Spearman(columns[1], columns[2]), -0.33, -0.27);
        Assert.InRange(Correlation.Spearman(columns[0], columns[2]), -0.03, 0.03); // undeclared pairs stay independent

        // Marginals stay uniform: Kolmogorov–Smirnov distance below the 0.1 % critical value 1.95/√n.
        foreach (var column in columns)
        {
            var sorted = column.OrderBy(x => x).ToArray();
            double ks = sorted.Select((x, i) => Math.Max(Math.Abs(x - (i / (double)n)), Math.Abs(x - ((i + 1) / (double)n)))).Max();
            Assert.True(ks < 1.95 / Math.Sqrt(n), $"KS distance {ks}");
        }
    }

    [Fact]
    public void An_impossible_correlation_matrix_is_refused_naming_the_inputs_or_repaired_on_request()
    {
        // a~b 0.9, b~c 0.9, a~c −0.9 cannot hold at once.
        RankCorrelation[] declared =
        [
            new(Names[0], Names[1], 0.9),
            new(Names[1], Names[2], 0.9),
            new(Names[0], Names[2], -0.9),
        ];
        var e = Assert.Throws<CorrelationException>(() => GaussianCopula.Create(Names, declared, repair: false));
        foreach (string name in Names)
        {
            Assert.Contains(name, e.Message, StringComparison.Ordinal);
        }

        Assert.Contains("correlation_repair", e.Message, StringComparison.Ordinal);

        var repaired = GaussianCopula.Create(Names, declared, repair: true)!;
        Assert.True(repaired.Repaired);
        var eigen = repaired.NormalCorrelation.Evd().EigenValues.Select(v => v.Real).Min();
        Assert.True(eigen > -1e-9, $"smallest eigenvalue {eigen}");
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(1.0, repaired.NormalCorrelation[i, i], 9);
        }
    }

    [Fact]
    public void Unknown_inputs_and_out_of_range_ranks_are_refused()
    {
        Assert.Throws<CorrelationException>(() => GaussianCopula.Create(Names, [new RankCorrelation(Names[0], "no_such_input", 0.5)], repair: false));
        Assert.Throws<CorrelationException>(() => GaussianCopula.Create(Names, [new RankCorrelation(Names[0], Names[1], 1.5)], repair: false));
        Assert.Throws<CorrelationException>(() => GaussianCopula.Create(Names, [new RankCorrelation(Names[0], Names[0], 0.5)], repair: false));
        Assert.Null(GaussianCopula.Create(Names, [], repair: false));
    }
}
