using RiskSim.Core.Model;
using RiskSim.Scenarios;

namespace RiskSim.Tests.Scenarios;

/// <summary>
/// <c>types</c> on <c>entry_diversion</c> and <c>growth_diversion</c>: read through the same type
/// list reader as <c>exit_uplift</c>, so a mistake is reported at its list item.
/// </summary>
public sealed class TargetedDiversionValidationTests
{
    private const string DiversionSize = "    size: {dist: pert, min: 0, mode: 0.1, max: 0.2}";

    /// <summary>Adds <c>types: LIST</c> (YAML line 65) to the first effect, optionally changing its kind.</summary>
    private static string WithTypes(string list, string kind = "entry_diversion")
    {
        string yaml = ScenarioYaml.With(DiversionSize, DiversionSize + "\n    types: " + list);
        return yaml.Replace("    kind: entry_diversion", "    kind: " + kind, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int, string, string> InvalidCases { get; } = new()
    {
        {
            "[residentail]", "entry_diversion", 13, "effects[0].types[0]",
            "unknown placement type 'residentail'; known: residential, ifa, in_house; did you mean 'residential'?"
        },
        {
            "[fostering]", "growth_diversion", 13, "effects[0].types[0]",
            "unknown placement type 'fostering'; known: residential, ifa, in_house"
        },
        {
            "[ifa, ifa]", "entry_diversion", 18, "effects[0].types[1]",
            "placement type 'ifa' is listed twice"
        },
        {
            "[in_house, residential, in_house]", "growth_diversion", 36, "effects[0].types[2]",
            "placement type 'in_house' is listed twice"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Reports_a_bad_type_list_at_its_item(string list, string kind, int column, string path, string message)
    {
        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(WithTypes(list, kind), ScenarioYaml.FileName));

        ScenarioError error = Assert.Single(exception.Errors);
        Assert.Equal((ScenarioYaml.FileName, 65, column, path), (error.File, error.Line, error.Column, error.Path));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Reports_types_that_are_not_a_list()
    {
        var exception = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(WithTypes("residential"), ScenarioYaml.FileName));

        ScenarioError error = Assert.Single(exception.Errors);
        Assert.Equal((65, 12, "effects[0].types"), (error.Line, error.Column, error.Path));
    }

    [Theory]
    [InlineData("entry_diversion")]
    [InlineData("growth_diversion")]
    public void Reads_the_listed_types_and_defaults_to_all(string kind)
    {
        Scenario listed = ScenarioLoader.Parse(WithTypes("[residential, ifa]", kind), ScenarioYaml.FileName);
        Scenario plain = ScenarioLoader.Parse(
            ScenarioYaml.Valid.Replace("    kind: entry_diversion", "    kind: " + kind, StringComparison.Ordinal), ScenarioYaml.FileName);

        IReadOnlyList<string> Types(Scenario s) => s.Effects[0] switch
        {
            EntryDiversion d => d.Types,
            GrowthDiversion g => g.Types,
            var other => throw new InvalidOperationException(other.GetType().Name),
        };

        Assert.Equal(["residential", "ifa"], Types(listed));
        Assert.Empty(Types(plain));
    }
}
