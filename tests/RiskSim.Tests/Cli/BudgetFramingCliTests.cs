using System.Globalization;
using System.Text.RegularExpressions;
using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Scenarios;
using RiskSim.Tests.Output;

namespace RiskSim.Tests.Cli;

/// <summary>
/// The budget framing as users see it: the docs' minimal example validates and runs, plan prints the
/// scenario's labels and the realisation note, and a scenario's contingency line gets its coverage.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class BudgetFramingCliTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private static string HaringeyPath { get; } = Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "haringey-2015.yaml");

    /// <summary>The fenced YAML block after <c>&lt;!-- minimal-example --&gt;</c> in docs/scenario-format.md.</summary>
    private static string MinimalExample()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RiskSim.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        string doc = File.ReadAllText(Path.Combine(dir.FullName, "docs", "scenario-format.md"));
        var match = MinimalBlock().Match(doc);
        Assert.True(match.Success, "docs/scenario-format.md has no ```yaml block after <!-- minimal-example -->");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"<!-- minimal-example -->\s*```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MinimalBlock();

    [Fact]
    public void The_docs_minimal_example_validates_first_time_and_every_number_has_a_comment()
    {
        string yaml = MinimalExample();
        var scenario = ScenarioLoader.Parse(yaml, "minimal.yaml");
        var plan = PlanRunner.Run(CompiledModel.Compile(scenario));
        Assert.Equal(3, plan.FinancialYears.Count);
        Assert.Equal([200_000, 450_000, 600_000], scenario.Reference!.Rows["placements_saving_gbp"].OrderBy(p => p.Key.StartYear).Select(p => p.Value));
        Assert.Equal(100_000, plan.Get(0, Metric.ContingencyGbp));

        // The format's rule: every number carries a comment saying where it came from.
        foreach (string line in yaml.Split('\n'))
        {
            string code = line.Split('#')[0];
            Assert.True(!NumberPattern().IsMatch(code.Replace("risksim/scenario/1", "", StringComparison.Ordinal)) || line.Contains('#', StringComparison.Ordinal), $"no source comment: {line}");
        }

        string file = temp["minimal.yaml"];
        File.WriteAllText(file, yaml);
        var result = CliHarness.Run("validate", file);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [GeneratedRegex(@":\s*[-0-9.]|\{[^}]*\d")]
    private static partial Regex NumberPattern();

    [Fact]
    public void Plan_prints_the_scenarios_labels_both_bases_and_the_realisation_note()
    {
        var result = CliHarness.Run("plan", HaringeyPath);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("LAC & Sufficiency savings (Table 3, as levels)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Council funding required (MTFS shortfall)", result.Out, StringComparison.Ordinal);
        Assert.Contains("paper, year on year", result.Out, StringComparison.Ordinal);
        Assert.Contains("Realisation factor held at its plan value 1", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Position (Table 3)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_contingency_line_is_covered_like_run_contingency()
    {
        string scenario = temp["with-contingency.yaml"];
        string text = File.ReadAllText(HaringeyPath).Replace(
            "budget:\n",
            "budget:\n  contingency:\n    - {id: prudence, label: A prudent view against the risk of benefit realisation, amounts_gbp_by_fy: {2016/17: 1000000, 2017/18: 1500000}}   # test\n",
            StringComparison.Ordinal);
        File.WriteAllText(scenario, text);
        string output = temp["out"];
        var result = CliHarness.Run("run", scenario, "--trials", "300", "--seed", "3", "--out", output, "--quiet");
        Assert.True(result.ExitCode == 0, result.ToString());

        string trials = DuckDb.Literal(Path.Combine(output, "trials.parquet"));
        string plan = DuckDb.Literal(Path.Combine(output, "plan.parquet"));
        double planCumulative = (double)DuckDb.Query($"SELECT cumulative_position_gbp FROM read_parquet({plan}) ORDER BY fy_start_year DESC LIMIT 1")[0][0]!;
        double share = (double)DuckDb.Query(
            string.Create(CultureInfo.InvariantCulture, $"SELECT avg(CASE WHEN cumulative_position_gbp <= {planCumulative + 2_500_000:R} THEN 1.0 ELSE 0.0 END) FROM read_parquet({trials})"))[0][0]!;
        var meta = DuckDb.KeyValueMetadata(Path.Combine(output, "summary.parquet"));
        Assert.Equal(share, double.Parse(meta["risksim.coverage.2500000"], CultureInfo.InvariantCulture), 12);

        var expected = new ContingencyCoverage(2_500_000, share, Math.Sqrt(share * (1 - share) / 300));
        Assert.Contains($"£2.5m contingency (A prudent view against the risk of benefit realisation, in the scenario) covers {expected.Describe()}", result.Out.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);

        // The line is in the plan's position too, and plan.parquet keeps the reference beside its metric.
        Assert.Equal(1_000_000, (double)DuckDb.Query($"SELECT contingency_gbp FROM read_parquet({plan}) WHERE fy = '2016/17'")[0][0]!);
        Assert.Equal(4_000_000, (double)DuckDb.Query($"SELECT ref_placements_saving_gbp FROM read_parquet({plan}) WHERE fy = '2016/17'")[0][0]!);
        Assert.Equal("increment", DuckDb.KeyValueMetadata(Path.Combine(output, "plan.parquet"))["risksim.reference_basis.placements_saving_gbp"]);
    }
}
