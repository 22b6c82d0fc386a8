using RiskSim.Scenarios;

namespace RiskSim.Tests.Scenarios;

/// <summary>
/// Issue 6: every value <c>validate</c> accepts must run to completion with finite results, so
/// each parameter that could overflow, leave [0, 1], divide by zero or exceed what the engine can
/// count is refused at its node, naming the allowed range and the value found.
/// </summary>
public sealed class ScenarioLimitTests
{
    /// <summary>find → replace in <see cref="ScenarioYaml.Valid"/>, the error's path and a fragment of its message.</summary>
    public static TheoryData<string, string, string, string> OutOfRange { get; } = new()
    {
        { "    weekly_cost_gbp: 400", "    weekly_cost_gbp: 1e308", "placement_types[2].weekly_cost_gbp", "from 0 to 100000" },
        { "    weekly_cost_gbp: 400", "    weekly_cost_gbp: 100001", "placement_types[2].weekly_cost_gbp", "found '100001'" },
        { "    unit_cost_inflation: 0.03", "    unit_cost_inflation: 1e300", "placement_types[0].unit_cost_inflation", "from −0.5 to 1" },
        { "    unit_cost_inflation: 0.03", "    unit_cost_inflation: -0.9", "placement_types[0].unit_cost_inflation", "from −0.5 to 1" },
        { "{dist: lognormal, median: 900, sigma: 0.1}", "{dist: lognormal, median: 900, sigma: 300}", "placement_types[1].weekly_cost_gbp.sigma", "at most 3, found '300'" },
        { "{dist: lognormal, median: 900, sigma: 0.1}", "{dist: lognormal, median: 900, sigma: 2}", "placement_types[1].weekly_cost_gbp", "P99.9999" },
        { "      2021/22: -200000", "      2021/22: 1e308", "pressures[0].amounts_gbp_by_fy.2021/22", "from −10000000000 to 10000000000" },
        { "{dist: normal, mean: 500000, sd: 100000}", "{dist: normal, mean: 500000, sd: 1e12}", "pressures[0].amounts_gbp_by_fy.2020/21", "P99.9999" },
        { "      2021/22: 150000", "      2021/22: 1e308", "investment_lines[1].amounts_gbp_by_fy.2021/22", "from 0 to 10000000000" },
        { "    annual_cost_gbp: 45000", "    annual_cost_gbp: 1e308", "investment_lines[0].posts.annual_cost_gbp", "from 0 to 1000000" },
        { "    count: 6", "    count: 1e9", "investment_lines[0].posts.count", "at most 10000" },
        { "    agency_cover_ratio: 1.245", "    agency_cover_ratio: 1e308", "investment_lines[0].agency_cover_ratio", "from 0 to 10" },
        { "{dist: pert, min: 0, mode: 2, max: 9, plan: 0}", "{dist: pert, min: 0, mode: 2, max: 1e9, plan: 0}", "investment_lines[0].recruitment_delay_months", "from 0 to 600" },
        { "    2020/21: 50000", "    2020/21: 1e308", "workforce_saving.amounts_gbp_by_fy.2020/21", "from 0 to 10000000000" },
        { "      2020/21: 420000", "      2020/21: 1e308", "reference.rows.investment_gbp.2020/21", "from −10000000000 to 10000000000" },
        { "  total: 500", "  total: 2000000000", "stock.total", "from 0 to 1000000" },
        { "  mix_concentration: 200", "  mix_concentration: 0.001", "stock.mix_concentration", "from 1 to 1000000" },
        { "  mix_concentration: 100", "  mix_concentration: 0.005", "entries.mix_concentration", "from 1 to 1000000" },
        { "{dist: normal, mean: 30, sd: 4, min: 0}", "2e9", "entries.per_month", "from 0 to 10000" },
        { "  annual_growth: 0.02", "  annual_growth: 1e300", "entries.annual_growth", "from −0.5 to 1" },
        { "{dist: uniform, min: 0.9, max: 1.1}", "1e300", "entries.rate_multiplier", "from 0 to 10" },
        { "    size: 0.2", "    size: 1e308", "effects[1].size", "from −1 to 10" },
        { "    ramp_months: 12", "    ramp_months: 2000000000", "effects[2].ramp_months", "from 0 to 600" },
        { "    - {month: 2022-03, lac: 470}", "    - {month: 2022-03, lac: 1e308}", "reference.lac_milestones[1].lac", "from 0 to 100000000" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void RefusesValuesOutsideTheirLimitNamingTheRange(string find, string replace, string path, string fragment)
    {
        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(ScenarioYaml.With(find, replace), ScenarioYaml.FileName));

        ScenarioError error = Assert.Single(exception.Errors);
        Assert.True(error.Path == path, $"expected the error at {path}, got {error}");
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAnEntryRateWhosePeakOverTheHorizonExceedsWhatTheEngineCounts()
    {
        // Each factor is inside its own range, but together: 9,000 × 10 × 2^3 = 720,000 a month.
        string yaml = ScenarioYaml.With("{dist: normal, mean: 30, sd: 4, min: 0}", "9000")
            .Replace("  annual_growth: 0.02", "  annual_growth: 1", StringComparison.Ordinal)
            .Replace("{dist: uniform, min: 0.9, max: 1.1}", "10", StringComparison.Ordinal);

        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, ScenarioYaml.FileName));

        ScenarioError error = Assert.Single(exception.Errors);
        Assert.Equal("entries", error.Path);
        Assert.Contains("at most 100000 a month", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAHorizonLongerThanFiftyYears()
    {
        string yaml = ScenarioYaml.With("  end: 2022-03\n  fy_start_month: 4", "  end: 2100-03\n  fy_start_month: 4");

        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, ScenarioYaml.FileName));

        Assert.Contains(exception.Errors, e => e.Path == "horizon.end" && e.Message.Contains("at most 600 months", StringComparison.Ordinal));
    }

    [Fact]
    public void AcceptsTheBundledScenarioAndTheTestScenarios()
    {
        ScenarioLoader.Parse(ScenarioYaml.Valid, ScenarioYaml.FileName);
        ScenarioLoader.Parse(Engine.EngineTestData.StaffordshireText, "staffordshire-2019.yaml");
        ScenarioLoader.Parse(Engine.EngineTestData.Smallshire, "smallshire.yaml");
    }

    [Fact]
    public void RefusesAFileLargerThanTheLimitBeforeParsingIt()
    {
        string yaml = ScenarioYaml.Valid + "\n#" + new string('x', ScenarioLimits.MaxFileBytes);

        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, ScenarioYaml.FileName));

        ScenarioError error = Assert.Single(exception.Errors);
        Assert.Contains("larger than the 1 MiB limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesDeepNestingWhileParsing()
    {
        string yaml = "name: " + new string('[', 200_000) + new string(']', 200_000) + "\n";
        long before = GC.GetAllocatedBytesForCurrentThread();

        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "deep.yaml"));

        ScenarioError error = Assert.Single(exception.Errors);
        Assert.Equal((1, 38), (error.Line, error.Column));
        Assert.Contains("nested more than 32 levels deep", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000_000, "nesting must be refused before the document is built");
    }

    [Fact]
    public void RefusesAliasesThatExpandBeyondTheNodeLimit()
    {
        // "Billion laughs": each level refers to the previous one ten times.
        var text = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++)
        {
            text.Append($"a{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]\n");
        }

        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text.ToString(), "laughs.yaml"));

        Assert.Contains(exception.Errors, e => e.Message.Contains("expands to more than 100000 nodes", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsTheFirstFiftyErrorsAndCountsTheRest()
    {
        string yaml = ScenarioYaml.Valid + "\n" + string.Concat(Enumerable.Range(0, 120).Select(i => $"unknown_{i}: 1\n"));

        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, ScenarioYaml.FileName));

        Assert.Equal(50, exception.Errors.Count);
        Assert.Equal(70, exception.MoreErrors);
        Assert.EndsWith("and 70 more errors", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsAUtf8ByteOrderMark()
    {
        ScenarioLoader.Parse("\uFEFF" + ScenarioYaml.Valid, ScenarioYaml.FileName);
    }

    [Theory]
    [InlineData("    exit_rate: 0.03", "\texit_rate: 0.03", 23, 1)]
    [InlineData("    exit_rate: 0.03", "  \texit_rate: 0.03", 23, 3)]
    [InlineData("schema: risksim/scenario/1", "\tschema: risksim/scenario/1", 1, 1)]
    [InlineData("  total: 500", "\ttotal: 500", 9, 1)]
    public void LocatesATabAtItsLine(string find, string replace, int line, int column)
    {
        string yaml = ScenarioYaml.With(find, replace);

        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, ScenarioYaml.FileName));

        ScenarioError error = exception.Errors[0];
        Assert.True((error.Line, error.Column) == (line, column), error.ToString());
        Assert.Contains("tab", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  start: 2019-04", "  start: 1850-04", "horizon.start", "year 1850 is out of range: years from 1900 to 2200 are supported")]
    [InlineData("  breakeven_fy: 2021/22", "  breakeven_fy: 2300/01", "reference.breakeven_fy", "year 2300 is out of range: years from 1900 to 2200 are supported")]
    public void SaysAYearIsOutOfRange(string find, string replace, string path, string fragment)
    {
        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(ScenarioYaml.With(find, replace), ScenarioYaml.FileName));

        Assert.Contains(exception.Errors, e => e.Path == path && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void RefusesDuplicateMilestoneMonths()
    {
        string yaml = ScenarioYaml.With("    - {month: 2022-03, lac: 470}", "    - {month: 2022-03, lac: 470}\n    - {month: 2022-03, lac: 480}");

        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, ScenarioYaml.FileName));

        ScenarioError error = Assert.Single(exception.Errors);
        Assert.Equal((106, "reference.lac_milestones[2].month"), (error.Line, error.Path));
        Assert.Contains("milestone for 2022-03 is given twice (first at line 105)", error.Message, StringComparison.Ordinal);
    }
}
