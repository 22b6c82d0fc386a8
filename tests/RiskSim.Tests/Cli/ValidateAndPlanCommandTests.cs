namespace RiskSim.Tests.Cli;

/// <summary><c>risksim validate</c> and <c>risksim plan</c>: exit codes and what the user sees.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ValidateAndPlanCommandTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Validate_accepts_the_Staffordshire_scenario()
    {
        var result = CliHarness.Run("validate", CliHarness.StaffordshirePath);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("valid", result.Out, StringComparison.Ordinal);
        Assert.Contains("'staffordshire-2019'", result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Validate_reports_a_bad_value_with_file_line_column_and_field_and_exits_2()
    {
        // Placed with parents (the 6th type, index 5) given a negative weekly cost.
        const string find = "weekly_cost_gbp: 0      # assumption: no placement fee";
        string text = File.ReadAllText(CliHarness.StaffordshirePath);
        int at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0);
        text = string.Concat(text.AsSpan(0, at), "weekly_cost_gbp: -5     # assumption: no placement fee", text.AsSpan(at + find.Length));
        string path = temp["bad.yaml"];
        File.WriteAllText(path, text);

        // 1-based line of the edit; the column is that of the value "-5".
        int line = text.AsSpan(0, at).Count('\n') + 1;
        int column = at - (text.LastIndexOf('\n', at) + 1) + "weekly_cost_gbp: ".Length + 1;

        var result = CliHarness.Run("validate", path);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{path}:{line}:{column}: placement_types[5].weekly_cost_gbp:", result.Error, StringComparison.Ordinal);
        Assert.Contains("-5", result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
        Assert.DoesNotContain("valid", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_every_error_of_the_file_at_once()
    {
        string text = File.ReadAllText(CliHarness.StaffordshirePath)
            .Replace("weekly_cost_gbp: 0      #", "weekly_cost_gbp: -5     #", StringComparison.Ordinal)
            .Replace("  total: 1248 ", "  totl: 1248  ", StringComparison.Ordinal);
        string path = temp["two-errors.yaml"];
        File.WriteAllText(path, text);

        var result = CliHarness.Run("validate", path);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("placement_types[5].weekly_cost_gbp:", result.Error, StringComparison.Ordinal);
        Assert.Contains("stock.totl:", result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
    }

    [Fact]
    public void Validate_a_missing_file_exits_2_with_a_plain_message()
    {
        string path = temp["no-such-scenario.yaml"];
        var result = CliHarness.Run("validate", path);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(path, result.Error, StringComparison.Ordinal);
        Assert.Contains("cannot read the scenario file", result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
    }

    [Fact]
    public void Validate_a_file_that_is_not_UTF8_exits_2()
    {
        string path = temp["latin1.yaml"];
        File.WriteAllBytes(path, [0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9, 0xFF, 0x0A]);
        var result = CliHarness.Run("validate", path);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("not UTF-8", result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("frobnicate")]
    [InlineData("plan", "x.yaml", "--no-such-option")]
    [InlineData("run", "x.yaml", "--trials", "many")]
    public void Bad_command_lines_exit_2(params string[] args)
    {
        var result = CliHarness.Run(args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("risksim: ", result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
    }

    [Fact]
    public void Plan_prints_the_tables_and_the_breakeven_year()
    {
        var result = CliHarness.Run("plan", CliHarness.StaffordshirePath);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2023/24", result.Out, StringComparison.Ordinal);
        Assert.Contains("Breakeven (first FY with position ≤ 0): plan 2023/24, paper 2023/24.", result.Out, StringComparison.Ordinal);
        Assert.Contains("Investment total", result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Plan_of_an_invalid_file_exits_2()
    {
        string path = temp["bad.yaml"];
        File.WriteAllText(path, "schema: risksim/scenario/1\nname: x\n");
        var result = CliHarness.Run("plan", path);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{path}:", result.Error, StringComparison.Ordinal);
        Assert.False(CliHarness.HasStackTrace(result.Error), result.Error);
    }
}
