using System.Globalization;
using RiskSim.Tests.Output;

namespace RiskSim.Tests.Cli;

/// <summary><c>run --contingency GBP</c>: the percentile a contingency covers, checked against trials.parquet.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ContingencyCoverageTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Coverage_equals_the_share_of_trials_at_or_below_plan_plus_the_contingency()
    {
        string output = temp["out"];
        var result = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "400", "--contingency", "30000000", "--out", output);
        Assert.True(result.ExitCode == 0, result.ToString());

        // Independent recomputation with DuckDB from the trials and the plan.
        string trials = DuckDb.Literal(Path.Combine(output, "trials.parquet"));
        string plan = DuckDb.Literal(Path.Combine(output, "plan.parquet"));
        double planCumulative = (double)DuckDb.Query($"SELECT cumulative_position_gbp FROM read_parquet({plan}) ORDER BY fy_start_year DESC LIMIT 1")[0][0]!;
        double Share(double amount) => (double)DuckDb.Query(
            string.Create(CultureInfo.InvariantCulture, $"SELECT avg(CASE WHEN cumulative_position_gbp <= {planCumulative + amount:R} THEN 1.0 ELSE 0.0 END) FROM read_parquet({trials})"))[0][0]!;

        var meta = DuckDb.KeyValueMetadata(Path.Combine(output, "summary.parquet"));
        Assert.Equal(Share(30_000_000), double.Parse(meta["risksim.coverage.30000000"], CultureInfo.InvariantCulture), 12);
        Assert.Equal(Share(0), double.Parse(meta["risksim.coverage.0"], CultureInfo.InvariantCulture), 12);
        Assert.True(Share(30_000_000) > Share(0));

        var expected = new RiskSim.Core.Results.ContingencyCoverage(30_000_000, Share(30_000_000), Math.Sqrt(Share(30_000_000) * (1 - Share(30_000_000)) / 400));
        Assert.Contains($"£30.0m contingency covers {expected.Describe()}", result.Out, StringComparison.Ordinal);
        Assert.Contains("The plan's cumulative position sits at P", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.46, 0.01, "P46 (±1)")]
    [InlineData(0.004, 0.00063, "P0.4 (±0.1)")]
    [InlineData(0.9995, 0.0002, "P100.0 (±0.1)")]
    public void Coverage_is_described_with_enough_digits_to_tell_it_from_0_and_100(double share, double se, string expected) =>
        Assert.Equal(expected, new RiskSim.Core.Results.ContingencyCoverage(1, share, se).Describe());

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("NaN")]
    public void A_contingency_that_is_not_a_positive_amount_is_refused(string value)
    {
        var result = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "10", "--contingency", value, "--out", temp["bad"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--contingency: expected a positive amount in £", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["bad"]));
    }
}
