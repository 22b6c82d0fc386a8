using System.Security.Cryptography;
using RiskSim.Cli;
using RiskSim.Cli.Commands;
using RiskSim.Core.Results;
using RiskSim.Output;
using RiskSim.Tests.Output;

namespace RiskSim.Tests.Cli;

/// <summary><c>risksim run</c>: option checks, the results directory, Parquet files read back with DuckDB, determinism.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private static readonly string[] ResultFiles = ["plan.parquet", "report.html", "result.json", "summary.parquet", "trials.parquet", "yearly.parquet"];
    private static readonly string[] SetFiles = ["_manifest.json", .. ResultFiles];

    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private static string[] FilesIn(string directory) =>
        Directory.GetFileSystemEntries(directory).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("--trials", "0", "--trials must be at least 1")]
    [InlineData("--trials", "-5", "--trials must be at least 1")]
    [InlineData("--threads", "0", "--threads must be at least 1")]
    public void Impossible_settings_exit_2_and_write_nothing(string option, string value, string message)
    {
        string output = temp["results"];
        var result = CliHarness.Run("run", CliHarness.StaffordshirePath, option, value, "--out", output);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void An_output_directory_that_cannot_be_created_exits_2_and_leaves_no_temporary_directory()
    {
        // The parent of the output directory is a file.
        string blocker = temp["blocker"];
        File.WriteAllText(blocker, "not a directory");
        string output = Path.Combine(blocker, "results");

        var result = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "50", "--out", output);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("cannot create the output directory", result.Error, StringComparison.Ordinal);
        Assert.Contains(output, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("tmp-", result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
        Assert.Empty(temp.TemporaryEntries());
        Assert.Equal(["blocker"], FilesIn(temp.Path));
        Assert.Equal("not a directory", File.ReadAllText(blocker));
    }

    [Fact]
    public void An_output_path_that_is_an_existing_file_exits_2_and_leaves_it_alone()
    {
        string blocker = temp["results"];
        File.WriteAllText(blocker, "not a directory");

        var result = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "50", "--threads", "2", "--out", blocker);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(blocker, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("tmp-", result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
        Assert.Empty(temp.TemporaryEntries());
        Assert.Equal(["results"], FilesIn(temp.Path));
        Assert.Equal("not a directory", File.ReadAllText(blocker));
    }

    [Fact]
    public void A_run_writes_exactly_the_result_files_with_the_documented_types_and_row_counts()
    {
        const int trials = 200;
        string output = temp["results"];
        var result = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", trials.ToString(), "--threads", "2", "--out", output);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("200 trials", result.Out, StringComparison.Ordinal);
        Assert.Contains("P(breakeven by 2023/24", result.Out, StringComparison.Ordinal);

        Assert.Equal(SetFiles, FilesIn(output));
        Assert.Empty(ResultsManifest.Check(output));
        Assert.Empty(temp.TemporaryEntries());
        Assert.Equal(["results"], FilesIn(temp.Path));

        string trialsPath = Path.Combine(output, "trials.parquet");
        string yearlyPath = Path.Combine(output, "yearly.parquet");
        var trialColumns = DuckDb.Columns(trialsPath).ToDictionary(c => c.Name, c => c.Type);
        Assert.Equal("BIGINT", trialColumns["trial"]);
        Assert.Equal("INTEGER", trialColumns["lac_end"]);
        Assert.Equal("DOUBLE", trialColumns["residential_weekly_cost_gbp"]);
        Assert.Equal("DOUBLE", trialColumns["effect_gatekeeping_diversion_size"]);
        Assert.Equal("DOUBLE", trialColumns["cumulative_position_gbp"]);
        Assert.Equal("VARCHAR", trialColumns["breakeven_fy"]);

        var yearlyColumns = DuckDb.Columns(yearlyPath).ToDictionary(c => c.Name, c => c.Type);
        Assert.Equal("BIGINT", yearlyColumns["trial"]);
        Assert.Equal("VARCHAR", yearlyColumns["fy"]);
        Assert.Equal("INTEGER", yearlyColumns["fy_start_year"]);
        Assert.Equal("INTEGER", yearlyColumns["lac_end"]);
        Assert.Equal("DOUBLE", yearlyColumns["position_gbp"]);
        Assert.Equal("DOUBLE", yearlyColumns["placements_saving_gbp"]);

        // One row per trial, numbered 0 … 199; one row per trial × FY (7 FYs, 2019/20 … 2025/26).
        var t = DuckDb.Query($"SELECT count(*), count(DISTINCT trial), min(trial), max(trial) FROM read_parquet({DuckDb.Literal(trialsPath)})")[0];
        Assert.Equal(new object?[] { (long)trials, (long)trials, 0L, (long)trials - 1 }, t);
        var y = DuckDb.Query(
            $"SELECT count(*), count(DISTINCT (trial, fy)), min(fy), max(fy), min(fy_start_year), max(fy_start_year) FROM read_parquet({DuckDb.Literal(yearlyPath)})")[0];
        Assert.Equal(new object?[] { (long)trials * 7, (long)trials * 7, "2019/20", "2025/26", 2019, 2025 }, y);

        // The per-trial lac_end is the 2025/26 row of yearly.parquet.
        var mismatches = DuckDb.Query(
            $"SELECT count(*) FROM read_parquet({DuckDb.Literal(trialsPath)}) t JOIN read_parquet({DuckDb.Literal(yearlyPath)}) y "
            + "ON t.trial = y.trial AND y.fy = '2025/26' WHERE t.lac_end <> y.lac_end OR t.cumulative_position_gbp <> y.cumulative_position_gbp")[0][0];
        Assert.Equal(0L, mismatches);
    }

    [Fact]
    public void Thread_count_does_not_change_a_byte_of_the_results_and_the_seed_does()
    {
        string d1 = temp["d1"], d2 = temp["d2"], d3 = temp["d3"];
        string scenario = CliHarness.StaffordshirePath;
        var r1 = CliHarness.Run("run", scenario, "--trials", "500", "--threads", "1", "--out", d1);
        var r2 = CliHarness.Run("run", scenario, "--trials", "500", "--threads", "2", "--out", d2);
        var r3 = CliHarness.Run("run", scenario, "--trials", "500", "--threads", "2", "--seed", "1", "--out", d3);
        Assert.True(r1.ExitCode == 0, r1.ToString());
        Assert.True(r2.ExitCode == 0, r2.ToString());
        Assert.True(r3.ExitCode == 0, r3.ToString());

        foreach (string file in ResultFiles)
        {
            byte[] a = File.ReadAllBytes(Path.Combine(d1, file));
            byte[] b = File.ReadAllBytes(Path.Combine(d2, file));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file} differs between --threads 1 and --threads 2");
        }

        // Another seed: different trials (plan.parquet does not depend on the seed's draws, only its metadata).
        foreach (string file in new[] { "trials.parquet", "yearly.parquet", "summary.parquet" })
        {
            Assert.False(File.ReadAllBytes(Path.Combine(d1, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(d3, file))), $"{file} is the same for seeds 20191120 and 1");
        }
    }

    [Fact]
    public void Rerunning_into_the_same_directory_is_refused_without_force_and_leaves_it_byte_identical()
    {
        string output = temp["results"];
        Assert.Equal(0, CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "30", "--out", output).ExitCode);
        var before = Snapshot(output);

        var again = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "40", "--out", output);
        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains(output, again.Error, StringComparison.Ordinal);
        Assert.Contains("not empty", again.Error, StringComparison.Ordinal);
        Assert.Contains("--force", again.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(again.Error), again.Error);
        Assert.Equal(before, Snapshot(output));
        Assert.Equal(SetFiles, FilesIn(output));
    }

    [Fact]
    public void Rerunning_with_force_replaces_the_whole_set()
    {
        string output = temp["results"];
        Assert.Equal(0, CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "30", "--out", output).ExitCode);
        var again = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "40", "--seed", "7", "--out", output, "--force");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(SetFiles, FilesIn(output));
        Assert.Equal(40L, DuckDb.Query($"SELECT count(*) FROM read_parquet({DuckDb.Literal(Path.Combine(output, "trials.parquet"))})")[0][0]);
        var manifest = ResultsManifest.Read(output)!;
        Assert.Equal(7UL, manifest.Seed);
        Assert.Equal(40L, manifest.Trials);
        Assert.Empty(ResultsManifest.Check(output));
        Assert.Empty(temp.TemporaryEntries());
    }

    [Fact]
    public void A_second_run_into_a_folder_that_another_run_is_writing_is_refused()
    {
        string output = temp["results"];
        using (ResultsDirectory.Create(output))
        {
            var result = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "30", "--out", output, "--force");
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("another risksim run", result.Error, StringComparison.Ordinal);
            Assert.Contains(output, result.Error, StringComparison.Ordinal);
            Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
        }

        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void A_result_file_that_cannot_be_replaced_exits_2_with_a_plain_message_and_keeps_the_old_set()
    {
        string output = temp["results"];
        Assert.Equal(0, CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "30", "--out", output).ExitCode);
        File.Delete(Path.Combine(output, "summary.parquet"));
        Directory.CreateDirectory(Path.Combine(output, "summary.parquet", "x"));
        var before = Snapshot(output);

        var result = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "40", "--out", output, "--force");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("summary.parquet", result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
        Assert.Equal(before, Snapshot(output));
        Assert.Empty(temp.TemporaryEntries());
    }

    [Fact]
    public void Temporary_folders_left_by_a_killed_run_are_removed_and_reported()
    {
        string output = temp["results"];
        string stale = Path.Combine(output, ".risksim-tmp-99999-0a0b0c");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "yearly.parquet"), "truncated");

        var result = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "30", "--out", output);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(stale, result.Error, StringComparison.Ordinal);
        Assert.Equal(SetFiles, FilesIn(output));
    }

    [Theory]
    [InlineData("--trials", "abc", "--trials: expected a whole number of trials, got 'abc'")]
    [InlineData("-n", "1.5", "--trials: expected a whole number of trials, got '1.5'")]
    [InlineData("--seed", "-1", "--seed: expected a whole number from 0 to 18446744073709551615, got '-1'")]
    [InlineData("--seed", "x", "--seed: expected a whole number from 0 to 18446744073709551615, got 'x'")]
    [InlineData("--threads", "two", "--threads: expected a whole number of threads, got 'two'")]
    public void Numbers_that_are_not_numbers_say_what_was_expected_in_plain_words(string option, string value, string message)
    {
        string output = temp["results"];
        var result = CliHarness.Run("run", CliHarness.StaffordshirePath, option, value, "--out", output);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Trials_that_cannot_fit_in_memory_are_refused_up_front_with_the_figure()
    {
        string output = temp["results"];
        var result = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "2000000000", "--out", output);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--trials 2000000000", result.Error, StringComparison.Ordinal);

        // One column of 2e9 trials (16 GB) fits in memory on a large machine; the 1.6 TB temporary file of the summary does not fit on its disk.
        Assert.Matches("memory|free disk", result.Error);
        Assert.Contains("GB", result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void The_memory_estimate_grows_by_two_columns_of_trials_and_the_unadjusted_figures()
    {
        // The summary spills to disk and reads back one FY × metric column at a time (8 bytes per trial);
        // the S-curve and CVaR90 keep each trial's cumulative position (8 more); the unadjusted pass
        // keeps its cumulative position and breakeven FY (12 more).
        long bytes = RunMemory.EstimateBytes(trials: 100_000, financialYears: 7, inputColumns: 30, blockSize: 4096);
        Assert.InRange(bytes, 80_000_000L, 200_000_000L);
        Assert.True(RunMemory.EstimateBytes(200_000, 7, 30, 4096) - bytes == 2_800_000L);

        // Each summary-building thread reads its own column, and each worker fills its own block.
        long blockBytes = ((30 + (7 * RiskSim.Core.Results.Metrics.Count)) * 8) + 4;
        Assert.Equal(
            (100_000L * 8) + (4096 * blockBytes),
            RunMemory.EstimateBytes(100_000, 7, 30, 4096, threads: 2) - bytes);
    }

    [Fact]
    public void A_non_finite_figure_from_the_engine_is_a_plain_error_with_exit_2()
    {
        using var error = new StringWriter();

        // StochasticRunner unwraps Parallel.For's AggregateException to the first failing trial's
        // (EngineGuardTests); the command sees the engine's own exception.
        int code = CommandRunner.Guard(error, () => throw new NonFiniteResultException("position_gbp", "2023/24", 17, double.NaN));

        Assert.Equal(2, code);
        Assert.Contains("position_gbp is NaN in 2023/24, trial 17", error.ToString(), StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(error.ToString()), error.ToString());
    }

    [Fact]
    public void A_full_disk_is_named_as_such_with_the_users_path_not_the_temporary_one()
    {
        var e = new IOException("No space left on device : '/data/out/.risksim-tmp-4242-a1b2c3/yearly.parquet'", 28);
        string message = OutputErrors.Translate("/data/out", e).Message;
        Assert.Contains("/data/out", message, StringComparison.Ordinal);
        Assert.Contains("no space left", message, StringComparison.Ordinal);
        Assert.Contains("disk is full", message, StringComparison.Ordinal);
        Assert.DoesNotContain("tmp-", message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(directory, p), p => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(p))));
}
