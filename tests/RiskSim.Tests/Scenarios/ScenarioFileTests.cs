using System.Diagnostics;
using System.Text;
using RiskSim.Cli;

namespace RiskSim.Tests.Scenarios;

/// <summary>Reading a scenario from disk: what is not a small UTF-8 text file is refused with a plain message.</summary>
public sealed class ScenarioFileTests
{
    [Fact]
    public void ADirectoryIsNotAScenarioFile()
    {
        using var dir = new Cli.TempDir();

        var error = Assert.Throws<UserError>(() => ScenarioInput.Load(dir.Path));

        Assert.Contains("is a directory, expected a scenario file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEndlessDeviceIsRefusedQuickly()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // not a Unix machine: nothing endless to read
        }

        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<UserError>(() => ScenarioInput.Load("/dev/zero"));

        Assert.Contains("larger than the 1 MiB limit", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Utf16IsRefusedAsNotUtf8()
    {
        using var dir = new Cli.TempDir();
        string path = Path.Combine(dir.Path, "utf16.yaml");
        File.WriteAllText(path, ScenarioYaml.Valid, Encoding.Unicode);

        var error = Assert.Throws<UserError>(() => ScenarioInput.Load(path));

        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8IsLocated()
    {
        using var dir = new Cli.TempDir();
        string path = Path.Combine(dir.Path, "latin1.yaml");
        File.WriteAllBytes(path, [.. "name: x\nlabel: caf"u8, 0xE9, .. "\n"u8]);

        var error = Assert.Throws<UserError>(() => ScenarioInput.Load(path));

        Assert.Contains("latin1.yaml:2:11: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("not UTF-8 text (invalid byte 0xE9 here)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithAByteOrderMarkLoads()
    {
        using var dir = new Cli.TempDir();
        string path = Path.Combine(dir.Path, "bom.yaml");
        File.WriteAllText(path, Engine.EngineTestData.StaffordshireText, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        ScenarioInput input = ScenarioInput.Load(path);

        Assert.Equal("staffordshire-2019", input.Scenario.Name);
    }
}
