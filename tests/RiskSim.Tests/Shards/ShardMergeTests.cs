using RiskSim.Output;
using RiskSim.Tests.Cli;

namespace RiskSim.Tests.Shards;

/// <summary>
/// <c>run --shard I/N</c> then <c>merge</c> gives the files of one run of all the trials, byte for byte;
/// incomplete or inconsistent sets are refused. 4,500 trials: two row groups of the single run (block
/// 4,096), so shard boundaries fall inside a row group and the merge must re-block the trials.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ShardMergeTests : IClassFixture<ShardMergeTests.SingleRun>, IDisposable
{
    private const string Trials = "4500";
    private const string Seed = "21";
    private static readonly string[] Files = ["trials.parquet", "yearly.parquet", "summary.parquet", "plan.parquet", "result.json", "report.html"];

    private readonly SingleRun single;
    private readonly TempDir temp = new();

    public ShardMergeTests(SingleRun single) => this.single = single;

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Merged_shards_equal_one_run_byte_for_byte(int n)
    {
        string shards = temp["shards"];
        for (int i = 0; i < n; i++)
        {
            var run = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", Trials, "--seed", Seed, "--shard", $"{i}/{n}", "--out", shards, "-q");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.True(File.Exists(Path.Combine(shards, $"shard={i}", ResultsDirectory.ManifestFileName)));
        }

        var merge = CliHarness.Run("merge", shards, "--out", temp["merged"]);
        Assert.True(merge.ExitCode == 0, merge.ToString());
        foreach (string file in Files)
        {
            // Identical bytes: same values, row groups, encoding and key-value metadata (summary included, so
            // to 1e-9 and beyond); result.json and the report too (the S-curve, CVaR and the LAC fan from the shards).
            Assert.True(
                File.ReadAllBytes(Path.Combine(single.Folder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(temp["merged"], file))),
                $"{file} of the merge of {n} shards differs from the single run's");
        }
    }

    [Fact]
    public void The_report_needs_the_scenario_the_shards_ran()
    {
        // Shards run from a copy of the scenario, which then changes: the merge still writes the four
        // Parquet files, says why result.json and report.html are missing, and --scenario supplies it.
        string copy = temp["scenario.yaml"];
        File.Copy(CliHarness.StaffordshirePath, copy);
        string shards = temp["shards"];
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(0, CliHarness.Run("run", copy, "--trials", "300", "--shard", $"{i}/2", "--out", shards, "-q").ExitCode);
        }

        File.AppendAllText(copy, "\n# edited after the shards ran\n");
        var changed = CliHarness.Run("merge", shards, "--out", temp["m1"]);
        Assert.True(changed.ExitCode == 0, changed.ToString());
        Assert.Contains("result.json and report.html not written", changed.Error, StringComparison.Ordinal);
        Assert.Contains("has changed since they ran; give --scenario FILE", changed.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp["m1"], "summary.parquet")));
        Assert.False(File.Exists(Path.Combine(temp["m1"], "result.json")));

        var given = CliHarness.Run("merge", shards, "--out", temp["m2"], "--scenario", CliHarness.StaffordshirePath, "--xlsx");
        Assert.True(given.ExitCode == 0, given.ToString());
        Assert.Empty(given.Error);
        foreach (string file in new[] { "result.json", "report.html", "results.xlsx" })
        {
            Assert.True(File.Exists(Path.Combine(temp["m2"], file)), file);
        }

        var other = CliHarness.Run("merge", shards, "--out", temp["m3"], "--scenario", copy);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("not the scenario the shards ran", other.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(other.Error), other.Error);
        Assert.False(Directory.Exists(temp["m3"]));
    }

    [Fact]
    public void A_set_with_a_shard_missing_or_unfinished_is_refused()
    {
        string shards = temp["shards"];
        Assert.Equal(0, CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "300", "--shard", "0/3", "--out", shards, "-q").ExitCode);
        Assert.Equal(0, CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "300", "--shard", "2/3", "--out", shards, "-q").ExitCode);

        var missing = CliHarness.Run("merge", shards, "--out", temp["m1"]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("incomplete: 1 of 3 shards missing (shard=1)", missing.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(missing.Error), missing.Error);
        Assert.False(Directory.Exists(temp["m1"]));

        // A shard still running (or killed) has a folder but no manifest.
        Directory.CreateDirectory(Path.Combine(shards, "shard=1"));
        var unfinished = CliHarness.Run("merge", shards, "--out", temp["m2"]);
        Assert.Equal(2, unfinished.ExitCode);
        Assert.Contains("shard=1: incomplete: no _manifest.json", unfinished.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seed", "5", "its seed is 5, not 20191120")]
    [InlineData("--trials", "400", "its total trial count is 400, not 300")]
    [InlineData("--fixed-inputs", null, "its input design is fixed, not mc")]
    public void Shards_of_different_runs_are_refused(string option, string? value, string message)
    {
        string shards = temp["shards"];
        Assert.Equal(0, CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "300", "--shard", "0/2", "--out", shards, "-q").ExitCode);
        var args = new List<string> { "run", CliHarness.StaffordshirePath, "--trials", "300", "--shard", "1/2", "--out", shards, "-q" };
        int at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value!;
        }
        else
        {
            args.Add(option);
            if (value is not null)
            {
                args.Add(value);
            }
        }

        Assert.Equal(0, CliHarness.Run([.. args]).ExitCode);
        var merge = CliHarness.Run("merge", shards, "--out", temp["m"]);
        Assert.Equal(2, merge.ExitCode);
        Assert.Contains("is not of the same run", merge.Error, StringComparison.Ordinal);
        Assert.Contains(message, merge.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(merge.Error), merge.Error);
    }

    [Fact]
    public void Shards_with_different_N_are_refused()
    {
        string shards = temp["shards"];
        Assert.Equal(0, CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "300", "--shard", "0/2", "--out", shards, "-q").ExitCode);
        Assert.Equal(0, CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "300", "--shard", "1/3", "--out", shards, "-q").ExitCode);
        var merge = CliHarness.Run("merge", shards, "--out", temp["m"]);
        Assert.Equal(2, merge.ExitCode);
        Assert.Contains("different N", merge.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_of_a_plain_run_is_not_a_shard_set()
    {
        var merge = CliHarness.Run("merge", single.Folder, "--out", temp["m"]);
        Assert.Equal(2, merge.ExitCode);
        Assert.Contains("no shard=I folders", merge.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--shard", "3/3", "must be a whole number from 0 to 2")]
    [InlineData("--shard", "1", "expected I/N")]
    [InlineData("--shard", "0/0", "expected I/N")]
    [InlineData("--shard", "0/301", "would leave a shard empty")]
    public void Impossible_shards_are_refused(string option, string value, string message)
    {
        var run = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "300", option, value, "--out", temp["s"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["s"]));
    }

    [Fact]
    public void Shards_do_not_go_with_precision()
    {
        var run = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "300", "--shard", "0/2", "--precision", "100000", "--out", temp["s"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--shard cannot go with --precision", run.Error, StringComparison.Ordinal);
    }

    /// <summary>One run of all the trials, shared by the tests.</summary>
    public sealed class SingleRun : IDisposable
    {
        private readonly TempDir temp = new();

        public SingleRun()
        {
            Folder = temp["one"];
            var run = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", Trials, "--seed", Seed, "--out", Folder, "-q");
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        public string Folder { get; }

        public void Dispose() => temp.Dispose();
    }
}
