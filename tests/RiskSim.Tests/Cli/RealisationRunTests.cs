using System.Globalization;
using RiskSim.Tests.Output;

namespace RiskSim.Tests.Cli;

/// <summary>
/// <c>run</c> on a scenario with a realisation factor: the "as the paper assumes" figures equal a
/// separate run whose factor is the constant 1 (common random numbers), checked from the Parquet files.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class RealisationRunTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_unadjusted_figures_are_those_of_a_run_with_the_factor_held_at_1()
    {
        string adjusted = temp["adjusted"];
        var result = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "300", "--out", adjusted);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("As the paper assumes (factor held at 1, same trials)", result.Out, StringComparison.Ordinal);

        string text = File.ReadAllText(CliHarness.StaffordshirePath);
        string factor = "factor: {dist: pert, min: 0.5, mode: 0.85, max: 1.0, plan: 1.0}";
        Assert.Contains(factor, text, StringComparison.Ordinal);
        string fixedPath = temp["fixed.yaml"];
        File.WriteAllText(fixedPath, text.Replace(factor, "factor: 1.0", StringComparison.Ordinal));
        string fixedOut = temp["fixed"];
        var one = CliHarness.Run("run", fixedPath, "--trials", "300", "--out", fixedOut);
        Assert.True(one.ExitCode == 0, one.ToString());

        double Stat(string dir, string stat) => (double)DuckDb.Query(
            $"SELECT {stat} FROM read_parquet({DuckDb.Literal(Path.Combine(dir, "summary.parquet"))}) WHERE metric = 'cumulative_position_gbp' ORDER BY fy_start_year DESC LIMIT 1")[0][0]!;
        var meta = DuckDb.KeyValueMetadata(Path.Combine(adjusted, "summary.parquet"));
        double Meta(string key) => double.Parse(meta[key], CultureInfo.InvariantCulture);
        Assert.Equal(Stat(fixedOut, "p50"), Meta("risksim.unadjusted.p50_cumulative_position_gbp"));
        Assert.Equal(Stat(fixedOut, "p80"), Meta("risksim.unadjusted.p80_cumulative_position_gbp"));
        Assert.Equal(Stat(fixedOut, "p90"), Meta("risksim.unadjusted.p90_cumulative_position_gbp"));
        var fixedMeta = DuckDb.KeyValueMetadata(Path.Combine(fixedOut, "summary.parquet"));
        Assert.Equal(double.Parse(fixedMeta["risksim.coverage.0"], CultureInfo.InvariantCulture), Meta("risksim.unadjusted.coverage.0"));

        // Realising less than the plan costs money: the adjusted median is above the unadjusted one.
        Assert.True(Stat(adjusted, "p50") > Meta("risksim.unadjusted.p50_cumulative_position_gbp"));
    }
}
