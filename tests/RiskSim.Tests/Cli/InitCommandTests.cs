namespace RiskSim.Tests.Cli;

/// <summary><c>risksim init NAME</c>: a starter scenario that validates and runs unedited.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class InitCommandTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Init_writes_a_scenario_that_validates_and_runs_unedited()
    {
        string path = Path.Combine(temp["."], "demo.yaml");
        var init = CliHarness.Run("init", Path.Combine(temp["."], "demo"));
        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.True(File.Exists(path));
        Assert.Contains("name: demo", File.ReadAllText(path), StringComparison.Ordinal);

        var validate = CliHarness.Run("validate", path);
        Assert.True(validate.ExitCode == 0, validate.ToString());
        var run = CliHarness.Run("run", path, "--trials", "200", "--out", temp["out"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(temp["out"], "trials.parquet")));
    }

    [Fact]
    public void Every_number_line_of_the_starter_says_where_it_came_from()
    {
        string path = Path.Combine(temp["."], "sourced.yaml");
        Assert.Equal(0, CliHarness.Run("init", path).ExitCode);
        var unsourced = File.ReadAllLines(path)
            .Where(l => !l.TrimStart().StartsWith('#') && System.Text.RegularExpressions.Regex.IsMatch(l, @":\s*-?\d") && !l.Contains('#', StringComparison.Ordinal))
            .Where(l => !l.TrimStart().StartsWith("schema:", StringComparison.Ordinal) && !l.Contains("planned_start", StringComparison.Ordinal)
                && !l.Contains("start:", StringComparison.Ordinal) && !l.Contains("end:", StringComparison.Ordinal) && !l.Contains("ramp_months", StringComparison.Ordinal))
            .ToList();
        Assert.True(unsourced.Count == 0, "lines with a number but no comment: " + string.Join(" | ", unsourced));
    }

    [Fact]
    public void Init_refuses_to_overwrite_without_force_and_refuses_bad_names()
    {
        string path = Path.Combine(temp["."], "keep.yaml");
        File.WriteAllText(path, "mine");
        var again = CliHarness.Run("init", path);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(path));
        Assert.Equal(0, CliHarness.Run("init", path, "--force").ExitCode);

        var bad = CliHarness.Run("init", Path.Combine(temp["."], "bad name!"));
        Assert.Equal(2, bad.ExitCode);
        Assert.False(CliHarness.HasStackTrace(bad.Error), bad.Error);
    }
}
