using System.Text.RegularExpressions;

namespace RiskSim.Tests.Cli;

/// <summary>At 80 columns no line is wider than the console and no table cell wraps mid-value (e.g. an FY split as "2019/2" + "0").</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class ConsoleWidthTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    public void Plan_and_run_fit_the_console(int width)
    {
        var plan = CliHarness.RunAt(width, "plan", CliHarness.StaffordshirePath);
        var run = CliHarness.RunAt(width, "run", CliHarness.StaffordshirePath, "--trials", "300", "--seed", "1", "--out", temp["r"], "--contingency", "30000000", "-q");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (string text in new[] { plan.Out, run.Out })
        {
            var lines = text.ReplaceLineEndings("\n").Split('\n');
            Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));
            Assert.DoesNotContain(lines, line => WrappedCell().IsMatch(line));

            // Every FY label is whole somewhere in the tables, and no value was cut with an ellipsis.
            Assert.Contains("2025/26", text, StringComparison.Ordinal);
            Assert.DoesNotContain("…", text, StringComparison.Ordinal);
        }

        // Both tables keep all their columns and the wording the checks read.
        Assert.Contains("P(broken even by FY)", run.Out, StringComparison.Ordinal);
        Assert.Contains("contingency covers", run.Out, StringComparison.Ordinal);
        Assert.Contains("difference", plan.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wide_console_gets_one_table_per_layout()
    {
        var run = CliHarness.RunAt(200, "run", CliHarness.StaffordshirePath, "--trials", "200", "--seed", "1", "--out", temp["w"], "-q");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(run.Out.Split('\n'), line => line.Contains("P80 − plan", StringComparison.Ordinal) && line.Contains("P(broken even by FY)", StringComparison.Ordinal));
    }

    /// <summary>The acceptance check's own pattern: an FY cut at a cell edge, or a lone digit in the first column.</summary>
    [GeneratedRegex(@"20\d\d/\d?\s*│\s*$|^\s*│\s*\d\s*│")]
    private static partial Regex WrappedCell();
}
