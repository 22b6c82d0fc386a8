using System.CommandLine;
using RiskSim.Analysis.Compare;
using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Output;
using Spectre.Console;

namespace RiskSim.Cli.Commands;

/// <summary>
/// <c>risksim compare A B</c>: B − A for P(breakeven by FY), the contingency at P50/P80/P90 and LAC
/// percentiles, each with its Monte Carlo standard error. A and B are results folders of
/// <c>risksim run</c> or scenario files (then run here with the same seed and trials, on common
/// random numbers).
/// </summary>
public static class CompareCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="console">Where the comparison is printed.</param>
    /// <param name="error">Where messages go.</param>
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var a = new Argument<string>("A") { Description = "The reference: a results folder of 'risksim run', or a scenario file (YAML) to run." };
        var b = new Argument<string>("B") { Description = "The variant: a results folder or a scenario file, compared with A (differences are B − A)." };
        var trials = CommonOptions.WholeNumber("--trials", "trials", () => 10_000, "-n");
        trials.Description = "Trials for each scenario file given (results folders keep their own).";
        var seed = CommonOptions.Seed("--seed", 20191120UL);
        seed.Description = "Seed for each scenario file given; both use it, so trial i draws the same random numbers in both (common random numbers).";
        var threads = CommonOptions.Threads();
        var bootstrap = CommonOptions.WholeNumber("--bootstrap", "resamples", () => new CompareOptions().BootstrapReplicates);
        bootstrap.Description = "Bootstrap resamples for the standard errors of percentile differences (seeded, so reproducible).";
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Also write compare.parquet (long format) and compare.md (the report) into this folder, with _manifest.json; "
                + "it must be empty or new unless --force is given.",
        };
        var force = CommonOptions.Force();
        var command = new Command(
            "compare",
            "Compare two runs: B − A for P(breakeven by FY), the contingency at P50/P80/P90 and LAC percentiles, each with its Monte Carlo "
            + "standard error (paired over trials when both runs have the same trials, e.g. the same seed on common random numbers).")
        {
            a, b, trials, seed, threads, bootstrap, output, force,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandRunner.Guard(error, () =>
        {
            var options = new RunOptions(CommonOptions.AtLeastOne(parse, trials), parse.GetValue(seed), CommonOptions.AtLeastOne(parse, threads));
            int replicates = parse.GetValue(bootstrap);
            if (replicates < 2)
            {
                throw new UserError($"--bootstrap must be at least 2, got {replicates}.");
            }

            return Execute(
                parse.GetValue(a)!,
                parse.GetValue(b)!,
                options,
                new CompareOptions(replicates),
                parse.GetValue(output),
                parse.GetValue(force),
                console,
                cancellationToken,
                error);
        })));
        return command;
    }

    /// <summary>Compares <paramref name="pathB"/> with <paramref name="pathA"/>; returns the exit code.</summary>
    /// <param name="pathA">Results folder or scenario file of the reference.</param>
    /// <param name="pathB">Results folder or scenario file of the variant.</param>
    /// <param name="runOptions">Trials, seed and threads for scenario files.</param>
    /// <param name="compareOptions">Bootstrap settings.</param>
    /// <param name="outputDirectory">Where to write compare.parquet and compare.md, or null to print only.</param>
    /// <param name="force">Replace the results of a folder that is not empty.</param>
    /// <param name="console">Where the comparison is printed.</param>
    /// <param name="cancellationToken">Ctrl+C / SIGTERM.</param>
    /// <param name="error">Where messages go (default stderr).</param>
    public static int Execute(
        string pathA,
        string pathB,
        RunOptions runOptions,
        CompareOptions compareOptions,
        string? outputDirectory,
        bool force,
        IAnsiConsole console,
        CancellationToken cancellationToken = default,
        TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        error ??= Console.Error;
        var sideA = Load(pathA, runOptions, cancellationToken);
        var sideB = Load(pathB, runOptions, cancellationToken);
        Comparison comparison;
        try
        {
            comparison = Comparer.Compare(sideA, sideB, compareOptions);
        }
        catch (CompareException e)
        {
            throw new UserError("risksim compare: " + e.Message);
        }

        if (outputDirectory is not null)
        {
            Write(comparison, outputDirectory, force, error, cancellationToken);
        }

        CompareSummary.Write(console, comparison, outputDirectory);
        return 0;
    }

    private static CompareSide Load(string path, RunOptions options, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            var problems = ResultsManifest.Check(path);
            if (problems.Count > 0)
            {
                throw new UserError($"{path}: not a complete results folder: {problems[0]}");
            }

            try
            {
                return ResultsFolderSide.Read(path);
            }
            catch (CompareException e)
            {
                throw new UserError(e.Message);
            }
        }

        if (!File.Exists(path))
        {
            throw new UserError($"{path}: no such results folder or scenario file.");
        }

        var input = ScenarioInput.Load(path);
        RunMemory.EnsureFits(options.Trials, input.Model.FinancialYears.Count, input.Model.InputColumns.Count, options.BlockSize, RunMemory.AvailableBytes(), options.Threads);
        return ScenarioSide.Run(input.Model, path, input.Scenario.Name, options, cancellationToken);
    }

    private static void Write(Comparison comparison, string outputDirectory, bool force, TextWriter error, CancellationToken cancellationToken)
    {
        var meta = new RunMetadata(
            $"{comparison.A.ScenarioName} vs {comparison.B.ScenarioName}",
            string.Empty,
            comparison.A.Seed ?? 0,
            comparison.A.Trials,
            OutputErrors.EngineVersion());
        var directory = OutputErrors.OpenResults(outputDirectory, force);
        using (directory)
        {
            OutputErrors.ReportLeftovers(directory, error);
            try
            {
                CompareParquetWriter.Write(directory.PathFor(CompareParquetWriter.FileName), comparison);
                CompareMarkdown.Write(directory.PathFor(CompareMarkdown.FileName), comparison);
                directory.Commit(meta, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ResultsFolderException)
            {
                throw OutputErrors.Translate(outputDirectory, e, directory);
            }
        }
    }
}
