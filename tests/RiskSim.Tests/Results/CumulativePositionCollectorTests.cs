using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using RiskSim.Core.Results.Run;

namespace RiskSim.Tests.Results;

public sealed class CumulativePositionCollectorTests
{
    private static CumulativePositionCollector Collect(IEnumerable<double> values)
    {
        var collector = new CumulativePositionCollector();
        foreach (double v in values)
        {
            collector.Add(v);
        }

        return collector;
    }

    /// <summary>CVaR90 of U(0, 1) is 0.95; of N(0, 1) it is φ(z₀.₉)/0.1 ≈ 1.75498. Each within 4 standard errors.</summary>
    [Theory]
    [InlineData("uniform")]
    [InlineData("normal")]
    public void Cvar90_of_a_known_distribution_is_within_four_standard_errors(string kind)
    {
        var random = new System.Random(5);
        double[] draws = kind == "uniform"
            ? [.. Enumerable.Range(0, 200_000).Select(_ => random.NextDouble())]
            : [.. Normal.Samples(random, 0, 1).Take(200_000)];
        double exact = kind == "uniform" ? 0.95 : Normal.PDF(0, 1, Normal.InvCDF(0, 1, 0.9)) / 0.1;
        var (value, se) = Collect(draws).ConditionalValueAtRisk(0.9);
        Assert.InRange(se, 1e-4, 1e-2);
        Assert.InRange(value, exact - (4 * se), exact + (4 * se));
    }

    /// <summary>
    /// The stated standard error is the estimator's spread: over 300 independent runs of 2,000
    /// normal draws, the sd of the CVaR90 estimates is within 15 % of the mean stated error (the sd
    /// of an sd from 300 runs is about 4 %, so 15 % is more than 3 of its own standard errors).
    /// </summary>
    [Fact]
    public void Cvar_standard_error_matches_the_spread_of_repeated_estimates()
    {
        var random = new System.Random(9);
        var estimates = new List<double>();
        var errors = new List<double>();
        for (int run = 0; run < 300; run++)
        {
            var (value, se) = Collect(Normal.Samples(random, 0, 1).Take(2000)).ConditionalValueAtRisk(0.9);
            estimates.Add(value);
            errors.Add(se);
        }

        double ratio = estimates.StandardDeviation() / errors.Average();
        Assert.InRange(ratio, 0.85, 1.15);
    }

    /// <summary>The S-curve's points are the R7 percentiles of the values, whatever order they arrived in, and track the true quantiles.</summary>
    [Fact]
    public void Curve_points_are_exact_percentiles_and_close_to_the_true_quantiles()
    {
        var random = new System.Random(3);
        double[] draws = [.. Enumerable.Range(0, 100_000).Select(_ => random.NextDouble())];
        var collector = Collect(draws);
        var shuffled = Collect(draws.Reverse());
        double[] sorted = [.. draws.Order()];
        foreach (double p in RunResultBuilder.CurveProbabilities)
        {
            double q = collector.Quantile(p);
            Assert.Equal(SortedArrayStatistics.QuantileCustom(sorted, p, QuantileDefinition.R7), q);
            Assert.Equal(q, shuffled.Quantile(p));

            // U(0, 1): the p quantile's sampling sd is √(p(1 − p)/n) (density 1).
            Assert.InRange(q, p - (4.5 * Math.Sqrt(p * (1 - p) / draws.Length)), p + (4.5 * Math.Sqrt(p * (1 - p) / draws.Length)));
        }
    }

    [Fact]
    public void Merging_shards_gives_the_same_statistics()
    {
        var random = new System.Random(4);
        double[] draws = [.. Normal.Samples(random, 10, 3).Take(5000)];
        var whole = Collect(draws);
        var merged = Collect(draws.Skip(3000));
        merged.Merge(Collect(draws.Take(3000)));
        Assert.Equal(whole.ConditionalValueAtRisk(0.9), merged.ConditionalValueAtRisk(0.9));
        Assert.Equal(whole.Quantile(0.8), merged.Quantile(0.8));
    }
}
