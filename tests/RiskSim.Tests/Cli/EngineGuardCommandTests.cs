namespace RiskSim.Tests.Cli;

/// <summary>Engine guards seen from the command line: a plain message and exit 2, never a stack trace.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class EngineGuardCommandTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Plan_shows_a_LAC_milestone_at_the_month_before_the_horizon_as_the_opening_stock()
    {
        // Issue 6 defect 7: the docs allow a milestone at the opening stock; plan crashed on it.
        string text = File.ReadAllText(CliHarness.StaffordshirePath)
            .Replace("{month: 2020-03, lac: 1185}", "{month: 2019-09, lac: 1248}", StringComparison.Ordinal);
        Assert.Contains("2019-09, lac: 1248", text, StringComparison.Ordinal);
        string path = temp["opening-milestone.yaml"];
        File.WriteAllText(path, text);

        var result = CliHarness.Run("plan", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2019-09", result.Out, StringComparison.Ordinal);
        Assert.Contains("1248.0", result.Out, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
    }
}
