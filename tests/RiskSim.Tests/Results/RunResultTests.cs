using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using RiskSim.Analysis;
using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using RiskSim.Core.Time;
using RiskSim.Output;
using RiskSim.Scenarios;
using RiskSim.Tests.Cli;
using RiskSim.Tests.Engine;

namespace RiskSim.Tests.Results;

/// <summary>The run job and its result object on the bundled Staffordshire scenario (one small run shared by the tests).</summary>
public sealed class RunResultTests : IClassFixture<RunResultTests.SmallRun>
{
    private readonly SmallRun run;

    public RunResultTests(SmallRun run) => this.run = run;

    /// <summary>One 600-trial run of the Staffordshire scenario into a temporary results folder.</summary>
    public sealed class SmallRun : IDisposable
    {
        public SmallRun()
        {
            byte[] bytes = File.ReadAllBytes(EngineTestData.StaffordshirePath);
            var scenario = ScenarioLoader.Parse(bytes, EngineTestData.StaffordshirePath);
            Model = CompiledModel.Compile(scenario);
            var job = new MonteCarloJob(scenario, Model, Convert.ToHexStringLower(SHA256.HashData(bytes)), "test");
            Options = new RunOptions(600, 17UL, 2, BlockSize: 256);
            using (var directory = ResultsDirectory.Create(Folder.Path))
            {
                Result = job.Run(Options, directory, new MonteCarloJobSettings { ContingencyGbp = 30e6 });
            }

            // The same run on one thread, for the thread-count independence of every figure.
            using (var directory = ResultsDirectory.Create(Folder["one-thread"]))
            {
                OneThread = job.Run(Options with { Threads = 1 }, directory, new MonteCarloJobSettings { ContingencyGbp = 30e6 });
            }

            Collected = new CollectingSink();
            StochasticRunner.Run(Model, Options, [Collected]);
        }

        internal TempDir Folder { get; } = new();

        public CompiledModel Model { get; }

        public RunOptions Options { get; }

        public RunResult Result { get; }

        public RunResult OneThread { get; }

        /// <summary>The same trials again, kept whole, to check the result against.</summary>
        internal CollectingSink Collected { get; }

        public void Dispose() => Folder.Dispose();
    }

    [Fact]
    public void Result_json_is_committed_and_reads_back_to_the_same_result()
    {
        string path = Path.Combine(run.Folder.Path, RunResultJson.FileName);
        Assert.True(File.Exists(path));
        Assert.Contains(ResultsManifest.Read(run.Folder.Path)!.Files, f => f.Name == RunResultJson.FileName);

        var read = RunResultJson.Read(run.Folder.Path);
        Assert.Equal(RunResultJson.ToJson(run.Result), RunResultJson.ToJson(read));
        Assert.Equal(run.Result.Metadata, read.Metadata);
        Assert.Equal(run.Result.Summary.Count, read.Summary.Count);
        Assert.Equal(run.Result.Summary[5], read.Summary[5]);
        Assert.Equal(run.Result.Contingency.Levels[1], read.Contingency.Levels[1]);
        Assert.Equal(run.Result.LacFan[^1], read.LacFan[^1]);
        Assert.Equal(run.Result.Years, read.Years);
        Assert.Equal(run.Result.Scenario.RowLabels["position_gbp"], read.Scenario.RowLabels["position_gbp"]);

        // pandas/JS-friendly: FYs as labels, numbers as numbers.
        string text = File.ReadAllText(path);
        Assert.Contains("\"fy\": \"2019/20\"", text, StringComparison.Ordinal);
        Assert.Contains("\"seed\": 17", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_json_keeps_pounds_nan_and_fy_labels_and_reads_them_back()
    {
        SensitivityRow[] rows =
        [
            new("realisation_factor", "cumulative_position_gbp", null, "spearman", double.NaN, null, 0.5),
            new("realisation_factor", "position_gbp", new FinancialYear(2019), "sobol_total", 0.25, 0.2, 0.3),
        ];
        var result = run.Result with
        {
            Scenario = run.Result.Scenario with { Source = "Cabinet paper – £5.1m" },
            Sensitivity = rows,
        };

        string text = RunResultJson.ToJson(result);
        Assert.Contains("  \"metadata\": {", text, StringComparison.Ordinal);
        Assert.Contains("\"source\": \"Cabinet paper – £5.1m\"", text, StringComparison.Ordinal);
        Assert.Contains("\"value\": \"NaN\"", text, StringComparison.Ordinal);
        Assert.Contains("\"fy\": null", text, StringComparison.Ordinal);
        Assert.Contains("\"fy\": \"2019/20\"", text, StringComparison.Ordinal);

        string path = Path.Combine(run.Folder["formats"], RunResultJson.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        var read = RunResultJson.Read(path);
        Assert.Equal(rows, read.Sensitivity);
        Assert.Equal(text, RunResultJson.ToJson(read));
    }

    /// <summary>The shared run's result.json as a JSON tree, to edit.</summary>
    private JsonObject ResultJson() => JsonNode.Parse(RunResultJson.ToJson(run.Result))!.AsObject();

    /// <summary>Writes <paramref name="json"/> as result.json in a new folder <paramref name="folder"/> of the run's temporary folder.</summary>
    private string WriteResultJson(string folder, JsonObject json)
    {
        string path = Path.Combine(run.Folder[folder], RunResultJson.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    [Theory]
    [InlineData("plan", "$.plan[3]")]
    [InlineData("years", "$.years[1]")]
    [InlineData("summary", "$.summary[0]")]
    public void A_null_element_of_a_list_is_refused_naming_its_path(string member, string expected)
    {
        // Written by hand or damaged: the reader refuses it with the element's path, instead of a
        // NullReferenceException far away in a chart or a comparison.
        var json = ResultJson();
        int at = int.Parse(expected[(expected.IndexOf('[', StringComparison.Ordinal) + 1)..^1], CultureInfo.InvariantCulture);
        json[member]!.AsArray()[at] = null;
        string path = WriteResultJson($"null-{member}", json);

        var e = Assert.Throws<InvalidDataException>(() => RunResultJson.Read(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains($"{expected} is missing or null", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_member_is_refused_naming_it()
    {
        // A top-level member is `required`: the serializer refuses the file naming it. A record's member
        // (a constructor parameter) would come through as null: the reader refuses it with its path.
        var json = ResultJson();
        Assert.True(json.Remove("plan"));
        string path = WriteResultJson("missing-plan", json);
        var e = Assert.Throws<InvalidDataException>(() => RunResultJson.Read(path));
        Assert.Contains("'plan'", e.Message, StringComparison.Ordinal);

        json = ResultJson();
        Assert.True(json["contingency"]!.AsObject().Remove("levels"));
        path = WriteResultJson("missing-levels", json);
        e = Assert.Throws<InvalidDataException>(() => RunResultJson.Read(path));
        Assert.Contains("$.contingency.levels is missing or null", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nullable_members_and_elements_may_be_null()
    {
        // The unadjusted outcome (no realisation factor) and a paper row's missing reference are nullable:
        // a file with them null reads back as written.
        var json = ResultJson();
        json["unadjusted"] = null;
        json["paper_table"]!.AsArray()[0]!["reference"]!.AsArray()[0] = null;
        string path = WriteResultJson("nullable", json);

        var read = RunResultJson.Read(path);
        Assert.Null(read.Unadjusted);
        Assert.Null(read.PaperTable[0].Reference[0]);
    }

    [Fact]
    public void A_result_json_without_sensitivity_reads_with_none()
    {
        // The member is optional (a file written by hand, or before sensitivity rows were stored). The
        // source-generated reader would leave it null; RunResultJson.Read gives the property's default.
        var json = ResultJson();
        Assert.True(json.Remove("sensitivity"));
        string path = WriteResultJson("no-sensitivity", json);

        var read = RunResultJson.Read(path);
        Assert.NotNull(read.Sensitivity);
        Assert.Empty(read.Sensitivity);
        Assert.Equal(RunResultJson.ToJson(run.Result), RunResultJson.ToJson(read));
    }

    [Fact]
    public void The_result_does_not_depend_on_the_thread_count() =>
        Assert.Equal(RunResultJson.ToJson(run.Result), RunResultJson.ToJson(run.OneThread));

    [Fact]
    public void Breakeven_shares_are_the_trials_counts_and_sum_to_one()
    {
        var b = run.Result.Breakeven;
        var c = run.Collected;
        int n = c.Trials;
        for (int f = 0; f < run.Result.Years.Count; f++)
        {
            Assert.Equal(c.Breakeven.Count(i => i >= 0 && i <= f) / (double)n, b.FirstByFy[f], 12);
            Assert.InRange(b.LastingByFy[f], 0, b.FirstByFy[f]);
        }

        Assert.Equal(1.0, b.FirstInFy.Sum() + b.FirstNever, 12);
        Assert.Equal(1.0, b.LastingInFy.Sum() + b.LastingNever, 12);
        Assert.All(b.FirstInFy.Concat(b.LastingInFy), p => Assert.InRange(p, 0, 1));
        Assert.Equal(n, b.Trials);
        Assert.Equal("2023/24", b.PaperFy);
    }

    [Fact]
    public void Contingency_curve_and_cvar_agree_with_the_trials()
    {
        var result = run.Result;
        int last = result.Years.Count - 1;
        double[] sorted = [.. Enumerable.Range(0, run.Collected.Trials).Select(t => run.Collected.Get(t, last, Metric.CumulativePositionGbp)).Order()];
        double plan = result.Contingency.PlanCumulativeGbp;

        var p80 = result.Contingency.Levels.Single(l => l.Confidence == 0.8);
        Assert.Equal(result.CumulativePositionCurve.Single(q => q.Probability == 0.8).Value, p80.CumulativePositionGbp);
        Assert.Equal(p80.CumulativePositionGbp - plan, p80.ContingencyGbp);
        Assert.InRange(p80.ContingencyGbp, p80.Ci.Low, p80.Ci.High);
        Assert.Equal(99, result.CumulativePositionCurve.Count);
        Assert.True(result.CumulativePositionCurve.Zip(result.CumulativePositionCurve.Skip(1)).All(p => p.First.Value <= p.Second.Value));

        // CVaR90 is the mean of the top 10 % (here exactly 60 of 600 trials, and VaR sits between order statistics).
        double top = sorted.TakeLast(60).Average();
        Assert.Equal(top - plan, result.Contingency.Cvar90Gbp, 1e-6 * Math.Abs(top));
        Assert.True(result.Contingency.Cvar90Gbp >= result.Contingency.Levels[2].ContingencyGbp);
        Assert.True(result.Contingency.Cvar90SeGbp > 0);
    }

    [Fact]
    public void Inputs_paper_table_and_fan_describe_the_scenario()
    {
        var result = run.Result;
        Assert.Equal(run.Model.InputColumns.Count(c => run.Model.Inputs.Any(i => i.Name == c)), result.Inputs.Count);
        var demand = result.Inputs.Single(i => i.Name == "entries_rate_multiplier");
        Assert.Equal("PERT (min 0.9, most likely 1, max 1.2)", demand.Distribution);
        Assert.Contains("risks 49b-c", demand.Source, StringComparison.Ordinal);
        Assert.True(demand.P10 < demand.P50 && demand.P50 < demand.P90);
        Assert.True(result.Inputs.Count(i => i.Source is not null) >= result.Inputs.Count - 2);

        var position = result.PaperTable.Single(r => r.Metric == "position_gbp");
        Assert.Equal(result.Scenario.RowLabels["position_gbp"], position.Label);
        Assert.All(position.Reference, r => Assert.NotNull(r));
        Assert.Equal(result.Summary.Single(r => r.Fy.Label == "2023/24" && r.Metric == "position_gbp").P90, position.P90[4]);

        Assert.Equal(78, result.LacFan.Count);
        Assert.Equal("2019-10", result.LacFan[0].Month);
        Assert.Equal(829, result.LacFan.Single(p => p.Month == "2026-03").PaperMilestone);
        Assert.All(result.LacFan, p => Assert.True(p.P5 <= p.P25 && p.P25 <= p.P50 && p.P50 <= p.P75 && p.P75 <= p.P95));
        Assert.Equal(2, result.Coverages.Count);
    }
}
