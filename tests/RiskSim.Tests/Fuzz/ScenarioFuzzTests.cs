using System.Diagnostics;
using System.Globalization;
using FsCheck;
using Xunit.Abstractions;

namespace RiskSim.Tests.Fuzz;

/// <summary>
/// Issue 6's property: no input makes the loader or the CLI's reading path fail with anything but
/// located errors (exit 2), in bounded time and memory, and every scenario that validates runs to
/// completion with finite figures. CI tries a few hundred mutated scenarios (seconds); a longer run
/// is switched on by environment variables (README, "Testing"):
/// <c>RISKSIM_FUZZ_CASES</c> (default 300), <c>RISKSIM_FUZZ_MINUTES</c> (a time budget instead),
/// <c>RISKSIM_FUZZ_SEED</c> (default fixed, so CI is reproducible) and <c>RISKSIM_FUZZ_FINDINGS</c>
/// (where failing files are saved; default a temporary directory). Findings are kept as regression
/// files in <c>tests/RiskSim.Tests/Fuzz/corpus/</c>, replayed by <see cref="CorpusTests"/>.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class ScenarioFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 300;
    private const ulong DefaultSeed = 20191120;

    /// <summary>A long run stops after this many findings (each is saved) rather than flooding the disk.</summary>
    private const int MaxFindings = 25;

    [Fact]
    public void MutatedScenariosAreRefusedOrRunWithFiniteFigures()
    {
        long cases = Environment.GetEnvironmentVariable("RISKSIM_FUZZ_CASES") is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : DefaultCases;
        TimeSpan budget = Environment.GetEnvironmentVariable("RISKSIM_FUZZ_MINUTES") is { } m
            ? TimeSpan.FromMinutes(double.Parse(m, CultureInfo.InvariantCulture))
            : TimeSpan.MaxValue;
        ulong seed = Environment.GetEnvironmentVariable("RISKSIM_FUZZ_SEED") is { } s ? ulong.Parse(s, CultureInfo.InvariantCulture) : DefaultSeed;
        string findingsDir = Environment.GetEnvironmentVariable("RISKSIM_FUZZ_FINDINGS")
            ?? Path.Combine(Path.GetTempPath(), "risksim-fuzz-findings");

        Gen<FuzzCase> generator = ScenarioMutator.Cases(FuzzHarness.Seeds.Count);
        var findings = new List<string>();
        var clock = Stopwatch.StartNew();
        long tried = 0;
        long accepted = 0;
        for (long i = 0; i < cases && clock.Elapsed < budget && findings.Count < MaxFindings; i++, tried++)
        {
            FuzzCase fuzzCase = ScenarioMutator.Case(generator, seed, i);
            (string name, string text) = FuzzHarness.Seeds[fuzzCase.Seed];
            byte[] bytes = ScenarioMutator.Apply(text, fuzzCase);
            string? finding = FuzzHarness.Check(bytes, name);
            if (finding is null)
            {
                accepted += IsAccepted(bytes, name) ? 1 : 0;
                continue;
            }

            string description = $"case {i} of seed {seed} ({name}; {fuzzCase}): {finding}";
            string saved = FuzzHarness.Save(findingsDir, bytes, description);
            findings.Add($"{description}\n  saved as {saved}");
        }

        string summary = string.Create(
            CultureInfo.InvariantCulture,
            $"fuzz: {tried} cases in {clock.Elapsed.TotalSeconds:F1} s (seed {seed}), {accepted} validated and ran, {findings.Count} findings");
        output.WriteLine(summary);
        foreach (string finding in findings)
        {
            output.WriteLine(finding);
        }

        Assert.True(findings.Count == 0, summary + "\n" + string.Join("\n", findings));
    }

    /// <summary>
    /// A systematic sweep next to the random cases: every number of the two test scenarios in
    /// turn replaced by each extreme (a single out-of-range field is what random cases rarely hit).
    /// </summary>
    [Theory]
    [InlineData("1e308")]
    [InlineData("-1e308")]
    [InlineData("5e-324")]
    [InlineData("1e15")]
    [InlineData("-0")]
    public void EveryNumberReplacedByAnExtremeIsRefusedOrRunsFinite(string token)
    {
        var findings = new List<string>();
        foreach ((string name, string text) in FuzzHarness.Seeds.Skip(1))
        {
            foreach ((int index, string mutated) in ScenarioMutator.EachNumberReplaced(text, token))
            {
                if (FuzzHarness.Check(System.Text.Encoding.UTF8.GetBytes(mutated), name, trials: 10) is { } finding)
                {
                    findings.Add($"{name}, number {index} → {token}: {finding}");
                }
            }
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    /// <summary>Cheap re-check of whether a case validated, for the summary line only.</summary>
    private static bool IsAccepted(byte[] bytes, string name)
    {
        try
        {
            global::RiskSim.Scenarios.ScenarioLoader.Parse(bytes, name);
            return true;
        }
        catch (global::RiskSim.Scenarios.ScenarioException)
        {
            return false;
        }
    }
}

/// <summary>
/// Files the fuzzer or issue 6 found, replayed on every test run: each must be refused with
/// located errors or run with finite figures.
/// </summary>
public sealed class CorpusTests
{
    private static readonly string CorpusDir = Path.Combine(AppContext.BaseDirectory, "fuzz-corpus");

    public static TheoryData<string> Files { get; } = List(CorpusDir, SearchOption.TopDirectoryOnly);


    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFileIsRefusedOrRunsFinite(string file)
    {
        string path = Path.Combine(CorpusDir, file);

        string? finding = FuzzHarness.Check(File.ReadAllBytes(path), file);

        Assert.True(finding is null, $"{file}: {finding}");
    }

    [Fact]
    public void TheCorpusIsThere() => Assert.True(Files.Cast<object[]>().Count() >= 10, $"expected the corpus in {CorpusDir}");

    private static TheoryData<string> List(string dir, SearchOption option)
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(dir))
        {
            foreach (string path in Directory.EnumerateFiles(dir, "*.yaml", option).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(CorpusDir, path));
            }
        }

        return data;
    }
}
