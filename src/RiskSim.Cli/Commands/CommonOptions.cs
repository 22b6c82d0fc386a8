using System.CommandLine;
using System.Globalization;

namespace RiskSim.Cli.Commands;

/// <summary>Arguments and options shared by several commands.</summary>
public static class CommonOptions
{
    /// <summary>The scenario file argument.</summary>
    public static Argument<string> ScenarioArgument() => new("SCENARIO")
    {
        Description = "Scenario file (YAML), e.g. data/scenarios/staffordshire-2019.yaml. See docs/scenario-format.md.",
    };

    /// <summary>
    /// An option holding a whole number of <paramref name="what"/> (e.g. "trials"). A value that is not a
    /// whole number is a parse error in plain words, e.g. "--trials: expected a whole number of trials,
    /// got 'abc'", instead of System.CommandLine's message naming the .NET type.
    /// </summary>
    /// <param name="name">Option name, e.g. <c>--trials</c>.</param>
    /// <param name="what">What is counted, plural, e.g. <c>trials</c>.</param>
    /// <param name="defaultValue">Value when the option is absent.</param>
    /// <param name="aliases">Other names, e.g. <c>-n</c>.</param>
    public static Option<int> WholeNumber(string name, string what, Func<int> defaultValue, params string[] aliases)
    {
        ArgumentNullException.ThrowIfNull(defaultValue);
        return new Option<int>(name, aliases)
        {
            DefaultValueFactory = _ => defaultValue(),
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return defaultValue();
                }

                string text = result.Tokens[^1].Value;
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
                {
                    return value;
                }

                result.AddError(long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                    ? string.Create(CultureInfo.InvariantCulture, $"{name}: expected at most {int.MaxValue} {what}, got '{text}'.")
                    : $"{name}: expected a whole number of {what}, got '{text}'.");
                return default;
            },
        };
    }

    /// <summary>An option holding a seed: a whole number from 0 to <see cref="ulong.MaxValue"/>.</summary>
    /// <param name="name">Option name, e.g. <c>--seed</c>.</param>
    /// <param name="defaultValue">Value when the option is absent.</param>
    public static Option<ulong> Seed(string name, ulong defaultValue) => new(name)
    {
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return defaultValue;
            }

            string text = result.Tokens[^1].Value;
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
            {
                return value;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name}: expected a whole number from 0 to {ulong.MaxValue}, got '{text}'."));
            return default;
        },
    };

    /// <summary>An optional amount of money in £: a positive finite number (absent: null).</summary>
    /// <param name="name">Option name, e.g. <c>--precision</c>.</param>
    public static Option<double?> PoundsOrNull(string name) => new(name)
    {
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return null;
            }

            string text = result.Tokens[^1].Value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value > 0)
            {
                return value;
            }

            result.AddError($"{name}: expected a positive amount in £ (e.g. 250000), got '{text}'.");
            return null;
        },
    };

    /// <summary>The <c>--out</c> folder of a command that writes a results set.</summary>
    /// <param name="defaultFolder">Folder when the option is absent.</param>
    /// <param name="files">The files the set holds, for the help text.</param>
    public static Option<string> OutputFolder(string defaultFolder, string files) => new("--out", "-o")
    {
        Description = $"Folder for {files} and _manifest.json. It must be empty or new unless --force is given; "
            + "the set is replaced as a whole, and nothing partial is left on failure.",
        DefaultValueFactory = _ => defaultFolder,
    };

    /// <summary><c>--force</c>: replace the results set in a folder that is not empty.</summary>
    public static Option<bool> Force() => new("--force", "-f")
    {
        Description = "Replace the results in a --out folder that is not empty (other files in it are kept).",
    };

    /// <summary><c>--threads</c>: worker threads, all cores by default.</summary>
    public static Option<int> Threads()
    {
        var threads = WholeNumber("--threads", "threads", () => Environment.ProcessorCount);
        threads.Description = "Worker threads (default: all cores). Results are bit-identical for any value.";
        return threads;
    }

    /// <summary>
    /// Reads a count option and refuses a value below 1. Checked here rather than with option
    /// validators: a validator runs before type conversion has been reported, and reading a value
    /// that failed to convert throws.
    /// </summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="option">A <see cref="WholeNumber"/> option such as <c>--trials</c>.</param>
    /// <exception cref="UserError">The value is below 1.</exception>
    public static int AtLeastOne(ParseResult parse, Option<int> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(option);
        int value = parse.GetValue(option);
        return value >= 1 ? value : throw new UserError($"{option.Name} must be at least 1, got {value}.");
    }
}
