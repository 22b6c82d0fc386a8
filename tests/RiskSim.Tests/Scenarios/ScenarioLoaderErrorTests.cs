using RiskSim.Scenarios;

namespace RiskSim.Tests.Scenarios;

public sealed class ScenarioLoaderErrorTests
{
    /// <summary>
    /// Each row breaks <see cref="ScenarioYaml.Valid"/> in one place: find → replace, then the one
    /// error expected (line, column, path, a fragment of the message).
    /// </summary>
    public static TheoryData<string, string, string, int, int, string, string> InvalidCases { get; } = new()
    {
        {
            "YAML syntax error",
            "per_month: {dist: normal, mean: 30, sd: 4, min: 0}", "per_month: {dist: normal, mean: 30, sd: 4, min: 0",
            12, 14, "entries.per_month", "YAML syntax error: this '{' is not closed by '}'"
        },
        {
            "unknown field",
            "    source: paper table 2", "    sauce: paper table 2",
            24, 5, "placement_types[0].sauce", "unknown field 'sauce'; did you mean 'source'?"
        },
        {
            "missing required field",
            "    label: Independent fostering\n", "",
            25, 5, "placement_types[1].label", "missing required field 'label'"
        },
        {
            "wrong type: text where a number is needed",
            "    weekly_cost_gbp: 400", "    weekly_cost_gbp: abc",
            35, 22, "placement_types[2].weekly_cost_gbp", "expected a number from 0 to 100000 (£ a week per child) or a distribution mapping, found 'abc'"
        },
        {
            "shares not summing to 1",
            "    stock_share: 0.5", "    stock_share: 0.4",
            17, 3, "placement_types", "the stock_share values sum to 0.9; they must sum to 1"
        },
        {
            "PERT min above mode",
            "{dist: pert, min: 3830, mode: 4200, max: 4639}", "{dist: pert, min: 4300, mode: 4200, max: 4639}",
            21, 52, "placement_types[0].weekly_cost_gbp.mode", "mode (4200) must lie between min (4300) and max (4639)"
        },
        {
            "negative weekly cost",
            "    weekly_cost_gbp: 400", "    weekly_cost_gbp: -400",
            35, 22, "placement_types[2].weekly_cost_gbp", "must be from 0 to 100000 (£ a week per child), found '-400'"
        },
        {
            "effect start after the horizon end",
            "    start: 2020-04", "    start: 2023-01",
            83, 12, "effects[3].start", "month 2023-01 is outside the horizon (2019-04 to 2022-03)"
        },
        {
            "FY key outside the horizon",
            "      2021/22: 150000", "      2022/23: 150000",
            57, 7, "investment_lines[1].amounts_gbp_by_fy.2022/23", "FY 2022/23 is outside the horizon"
        },
        {
            "unknown type id in a step-down",
            "    to: ifa\n", "    to: ifa_agency\n",
            39, 9, "step_downs[0].to", "unknown placement type 'ifa_agency'; known: residential, ifa, in_house"
        },
        {
            "unknown line id in an effect",
            "    lines: [fostering_recruitment]", "    lines: [fostering]",
            74, 13, "effects[2].lines[0]", "unknown investment line 'fostering'"
        },
        {
            "duplicate id",
            "  - id: more_exits", "  - id: diversion",
            65, 9, "effects[1].id", "duplicate effect id 'diversion' (first used at line 59)"
        },
        {
            "NaN value",
            "    exit_rate: 0.03", "    exit_rate: .nan",
            23, 16, "placement_types[0].exit_rate", "NaN and infinity are not allowed, found '.nan'"
        },
        {
            "normal without bounds on a cost",
            "{dist: lognormal, median: 900, sigma: 0.1}", "{dist: normal, mean: 900, sd: 50}",
            29, 22, "placement_types[1].weekly_cost_gbp", "add `min: 0`"
        },
        {
            "both per_month and per_month_by_fy",
            "  annual_growth: 0.02", "  per_month_by_fy: {2019/20: 30, 2020/21: 31, 2021/22: 32}\n  annual_growth: 0.02",
            13, 3, "entries.per_month_by_fy", "give either per_month or per_month_by_fy, not both"
        },
        {
            "duplicate YAML key",
            "  annual_growth: 0.02", "  annual_growth: 0.02\n  annual_growth: 0.03",
            14, 3, "entries.annual_growth", "duplicate key 'annual_growth' (first given at line 13)"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void ReportsTheMistakeAtItsNode(
        string mistake, string find, string replace, int line, int column, string path, string fragment)
    {
        string yaml = ScenarioYaml.With(find, replace);

        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, ScenarioYaml.FileName));

        ScenarioError error = Assert.Single(exception.Errors);
        Assert.True(
            (error.File, error.Line, error.Column, error.Path) == (ScenarioYaml.FileName, line, column, path),
            $"{mistake}: expected {ScenarioYaml.FileName}:{line}:{column}: {path}, got {error}");
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Equal(error.ToString(), exception.Message);
    }

    [Fact]
    public void ReportsSeveralErrorsInOnePass()
    {
        string yaml = ScenarioYaml.Valid
            .Replace("    weekly_cost_gbp: 400", "    weekly_cost_gbp: abc", StringComparison.Ordinal)
            .Replace("    exit_rate: 0.03", "    exit_rate: 1.5", StringComparison.Ordinal)
            .Replace("    lines: [fostering_recruitment]", "    lines: [fostering]", StringComparison.Ordinal)
            .Replace("    source: paper table 2", "    sauce: paper table 2", StringComparison.Ordinal)
            .Replace("  breakeven_fy: 2021/22", "  breakeven_fy: 2030/31", StringComparison.Ordinal);

        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, ScenarioYaml.FileName));

        Assert.Equal(
            [
                "testshire.yaml:23:16: placement_types[0].exit_rate: must be in [0, 1], found '1.5'",
                "testshire.yaml:24:5: placement_types[0].sauce: unknown field 'sauce'; did you mean 'source'?",
                "testshire.yaml:35:22: placement_types[2].weekly_cost_gbp: expected a number from 0 to 100000 (£ a week per child) or a distribution mapping, found 'abc'",
                "testshire.yaml:74:13: effects[2].lines[0]: unknown investment line 'fostering'; known: edge_of_care, fostering_recruitment",
                "testshire.yaml:106:17: reference.breakeven_fy: FY 2030/31 is outside the horizon, whose FYs are 2019/20 to 2021/22",
            ],
            exception.Errors.Select(e => e.ToString()));
        Assert.Equal(string.Join("\n", exception.Errors), exception.Message);
    }

    [Fact]
    public void ReportsEveryDuplicateKey()
    {
        string yaml = ScenarioYaml.Valid
            .Replace("  total: 500", "  total: 500\n  total: 501", StringComparison.Ordinal)
            .Replace("    monthly_rate: 0.01", "    monthly_rate: 0.01\n    monthly_rate: 0.02", StringComparison.Ordinal);

        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, ScenarioYaml.FileName));

        Assert.Equal(
            [(10, 3, "stock.total"), (42, 5, "step_downs[0].monthly_rate")],
            exception.Errors.Select(e => (e.Line, e.Column, e.Path)));
    }

    [Theory]
    [InlineData("", 1, 1, "", "no YAML document")]
    [InlineData("- just\n- a list\n", 1, 1, "", "expected a mapping")]
    [InlineData("a: 1\n---\nb: 2\n", 3, 1, "", "exactly one")]
    [InlineData("name: x\n  bad: indentation\n", 2, 6, "", "YAML syntax error")]
    [InlineData("a: [1, 2\nb: 3\n", 1, 4, "a", "YAML syntax error: this '[' is not closed by ']'")]
    [InlineData("a: \"abc\nb: 1\n", 1, 4, "", "YAML syntax error")]
    [InlineData("a: *nowhere\n", 1, 4, "a", "refers to no anchor")]
    public void ReportsProblemsWithTheDocumentAsAWhole(string yaml, int line, int column, string path, string fragment)
    {
        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "bad.yaml"));

        ScenarioError error = exception.Errors[0];
        Assert.Equal(("bad.yaml", line, column, path), (error.File, error.Line, error.Column, error.Path));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x10")]
    [InlineData("1,000")]
    [InlineData("1_000")]
    [InlineData("'400'")]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData("1e999")]
    [InlineData("NaN")]
    [InlineData("")]
    [InlineData("[400]")]
    public void RejectsNumbersInOtherNotations(string text)
    {
        string yaml = ScenarioYaml.With("    weekly_cost_gbp: 400", "    weekly_cost_gbp: " + text);

        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, ScenarioYaml.FileName));

        ScenarioError error = Assert.Single(exception.Errors);
        Assert.Equal("placement_types[2].weekly_cost_gbp", error.Path);
    }

    [Theory]
    [InlineData("{dist: normal, mean: 0.03, sd: 0.01, min: 0}", "add `max: 1`")]
    [InlineData("{dist: normal, mean: 0.03, sd: 0.01}", "add `min: 0` and add `max: 1`")]
    [InlineData("{dist: lognormal, median: 0.03, sigma: 0.5}", "ranges over [0, ∞]")]
    [InlineData("{dist: uniform, min: -0.01, max: 0.05}", "outside the field's domain (in [0, 1])")]
    [InlineData("{dist: pert, min: 0.01, mode: 0.02, max: 0.05, plan: 0.06}", "plan (0.06) lies outside")]
    [InlineData("{dist: weibull, shape: 1, scale: 2}", "unknown distribution 'weibull'")]
    [InlineData("{dist: uniform, min: 0.01, mode: 0.02, max: 0.05}", "a uniform distribution has no 'mode'")]
    [InlineData("{min: 0.01, max: 0.05}", "missing required field 'dist'")]
    [InlineData("{dist: normal, mean: 0.5, sd: 0, min: 0, max: 1}", "must be > 0")]
    [InlineData("{dist: normal, mean: 5, sd: 0.1, min: 0, max: 1}", "keep only")]
    public void ChecksDistributionsAgainstTheFieldsDomain(string distribution, string fragment)
    {
        string yaml = ScenarioYaml.With("    exit_rate: 0.03", "    exit_rate: " + distribution);

        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, ScenarioYaml.FileName));

        ScenarioError error = Assert.Single(exception.Errors);
        Assert.StartsWith("placement_types[0].exit_rate", error.Path, StringComparison.Ordinal);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneInOneOutTakesNoSize()
    {
        string yaml = ScenarioYaml.With("    types: [in_house]", "    types: [in_house]\n    size: 0.5");

        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, ScenarioYaml.FileName));

        ScenarioError error = Assert.Single(exception.Errors);
        Assert.Equal((85, 5, "effects[3].size"), (error.Line, error.Column, error.Path));
        Assert.Contains("has no size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorFormatsAsFileLineColumnPathMessage()
    {
        var error = new ScenarioError("staffordshire.yaml", 42, 24, "placement_types[2].weekly_cost_gbp", "expected a number");

        Assert.Equal("staffordshire.yaml:42:24: placement_types[2].weekly_cost_gbp: expected a number", error.ToString());
        Assert.Equal("a.yaml:1:1: YAML syntax error", new ScenarioError("a.yaml", 1, 1, "", "YAML syntax error").ToString());
    }

    [Fact]
    public void NeverThrowsAnythingButScenarioExceptionOnDamagedFiles()
    {
        // Every prefix of the file, and the file with characters deleted at many places, must
        // either load or fail with located errors: never with another exception.
        string valid = ScenarioYaml.Valid;
        var damaged = new List<string>();
        for (int i = 0; i <= valid.Length; i += 7)
        {
            damaged.Add(valid[..i]);
            if (i < valid.Length)
            {
                damaged.Add(valid.Remove(i, 1));
            }
        }

        foreach (string yaml in damaged)
        {
            try
            {
                ScenarioLoader.Parse(yaml, "damaged.yaml");
            }
            catch (ScenarioException e)
            {
                Assert.NotEmpty(e.Errors);
                Assert.All(e.Errors, error => Assert.True(error.Line >= 1 && error.Column >= 1, error.ToString()));
            }
        }
    }
}
