using System.CommandLine;
using System.Globalization;
using RiskSim.Analysis;
using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using RiskSim.Core.Threading;
using RiskSim.Output;
using RiskSim.Output.Shards;
using Spectre.Console;

namespace RiskSim.Cli.Commands;

/// <summary><c>risksim merge OUT --out M</c>: builds every output of a sharded run from its <c>OUT/shard=I</c> folders.</summary>
public static class MergeCommand
{
    /// <summary>Builds the command, printing to <paramref name="console"/> and errors to <paramref name="error"/>.</summary>
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var shards = new Argument<string>("SHARDS")
        {
            Description = "The --out folder the shards were run into (it holds shard=0, shard=1, …).",
        };
        var output = CommonOptions.OutputFolder("merged", "trials.parquet, yearly.parquet, summary.parquet, plan.parquet, result.json and report.html of all the shards' trials");
        var force = CommonOptions.Force();
        var contingency = CommonOptions.PoundsOrNull("--contingency");
        contingency.Description = "A contingency in £: stores which percentile of the cumulative position it covers, as `run --contingency` does.";
        var scenarioFile = new Option<string?>("--scenario")
        {
            Description = "The scenario file the shards ran (its SHA-256 must be theirs); by default the path the shards recorded. Needed for result.json, report.html and the scenario's contingency lines.",
        };
        var xlsx = new Option<bool>("--xlsx") { Description = "Also write results.xlsx, as `run --xlsx` does." };
        var threads = CommonOptions.Threads();
        threads.Description = "Threads for the summary's columns and the result files (default: all cores). The files are the same bits for any value.";
        var command = new Command(
            "merge",
            "Merge the shards of a run (risksim run --shard I/N) into the outputs of one run of all their trials: trials and yearly files equal byte for byte, the summary exactly. Refuses an incomplete or inconsistent set.")
        {
            shards, output, force, contingency, scenarioFile, xlsx, threads,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandRunner.Guard(error, () =>
            Execute(console, error, parse.GetValue(shards)!, parse.GetValue(output)!, parse.GetValue(force), parse.GetValue(contingency), cancellationToken, parse.GetValue(scenarioFile), parse.GetValue(xlsx), CommonOptions.AtLeastOne(parse, threads)))));
        return command;
    }

    /// <summary>Merges and writes the results; returns the exit code.</summary>
    /// <param name="console">Where the summary goes.</param>
    /// <param name="error">Where messages go.</param>
    /// <param name="shardsFolder">The folder holding <c>shard=I</c> folders.</param>
    /// <param name="outputDirectory">The merged results folder.</param>
    /// <param name="force">Replace the results of a folder that is not empty.</param>
    /// <param name="contingencyGbp">A contingency whose coverage to store, or null.</param>
    /// <param name="cancellationToken">Ctrl+C / SIGTERM.</param>
    /// <param name="scenarioPath">The scenario file the shards ran, or null for the path they recorded.</param>
    /// <param name="xlsx">Also write <c>results.xlsx</c>.</param>
    /// <param name="threads">Threads for the summary build and the result files.</param>
    public static int Execute(
        IAnsiConsole console,
        TextWriter error,
        string shardsFolder,
        string outputDirectory,
        bool force = false,
        double? contingencyGbp = null,
        CancellationToken cancellationToken = default,
        string? scenarioPath = null,
        bool xlsx = false,
        int threads = 1)
    {
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(shardsFolder));
        string target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        if (target == root || target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UserError($"--out {outputDirectory}: put the merged results outside {shardsFolder}, so that {shardsFolder}/*/trials.parquet reads the shards only.");
        }

        ShardSet set;
        try
        {
            set = ShardSet.Open(shardsFolder);
        }
        catch (ShardSetException e)
        {
            throw new UserError($"risksim merge: {e.Message}");
        }

        var (input, missing) = FindScenario(set, scenarioPath);
        var directory = OutputErrors.OpenResults(outputDirectory, force);
        MergeResult result;
        using (directory)
        {
            OutputErrors.ReportLeftovers(directory, error);
            try
            {
                result = ShardMerge.Merge(set, directory, contingencyGbp, cancellationToken: cancellationToken, budget: input?.Scenario.Budget, threads: threads);
                if (input is not null && result.Fan is null)
                {
                    missing = $"a shard has no {LacFanFile.FileName} (run by an older RiskSim), so the LAC fan cannot be rebuilt; run the shards again";
                }
                else if (input is not null)
                {
                    WriteResultFiles(input, result, directory, xlsx, threads);
                }

                directory.Commit(set.Meta, cancellationToken);
            }
            catch (ShardSetException e)
            {
                throw new UserError($"risksim merge: {e.Message}");
            }
            catch (Exception e) when (e is Parquet.ParquetException or InvalidDataException)
            {
                throw new UserError($"risksim merge: {shardsFolder}: a shard's file cannot be read ({e.Message}); run that shard again.");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ResultsFolderException)
            {
                throw OutputErrors.Translate(outputDirectory, e, directory);
            }
        }

        if (missing is not null)
        {
            error.WriteLine($"risksim merge: result.json and report.html not written: {missing}.");
        }

        var horizon = result.Summary.First(r => r.Fy == result.Years[^1] && r.Metric == Metric.CumulativePositionGbp.ColumnName());
        var inv = CultureInfo.InvariantCulture;
        console.WriteLine(string.Create(inv, $"Merged {result.Shards} shards of '{result.Meta.ScenarioName}' ({result.Meta.Trials:#,0} trials, seed {result.Meta.Seed}) into {outputDirectory}."));
        console.WriteLine(string.Create(inv, $"Cumulative position at {result.Years[^1].Label}: P50 £{horizon.P50:#,0}, P80 £{horizon.P80:#,0} (95 % CI £{horizon.P80Ci.Low:#,0} to £{horizon.P80Ci.High:#,0}), P90 £{horizon.P90:#,0}."));
        foreach (var coverage in result.Coverages)
        {
            string what = coverage.AmountGbp == 0 ? "The plan" : string.Create(inv, $"A contingency of £{coverage.AmountGbp:#,0}");
            console.WriteLine($"{what} covers {coverage.Describe()} of trials.");
        }

        return 0;
    }

    /// <summary>
    /// The scenario the shards ran: <paramref name="scenarioPath"/> if given (it must be theirs), else the
    /// path the first shard recorded if that file is still theirs; otherwise null and why.
    /// </summary>
    private static (ScenarioInput? Input, string? Missing) FindScenario(ShardSet set, string? scenarioPath)
    {
        if (scenarioPath is not null)
        {
            var given = ScenarioInput.Load(scenarioPath);
            if (given.Sha256 != set.Meta.ScenarioSha256)
            {
                throw new UserError($"--scenario {scenarioPath}: not the scenario the shards ran (its SHA-256 is {given.Sha256}, theirs {set.Meta.ScenarioSha256}).");
            }

            return (given, null);
        }

        string? recorded = set.RecordedScenarioPath;
        if (recorded is null || !File.Exists(recorded))
        {
            string where = recorded is null ? "the shards recorded no scenario path" : $"{recorded}, the scenario the shards recorded, is not here";
            return (null, $"{where}; give --scenario FILE (the scenario the shards ran)");
        }

        ScenarioInput input;
        try
        {
            input = ScenarioInput.Load(recorded);
        }
        catch (UserError e)
        {
            return (null, $"{recorded}, the scenario the shards recorded, no longer loads ({e.Message}); give --scenario FILE");
        }

        return input.Sha256 == set.Meta.ScenarioSha256
            ? (input, null)
            : (null, $"{recorded}, the scenario the shards recorded, has changed since they ran; give --scenario FILE (the file they ran)");
    }

    /// <summary>result.json, report.html (and results.xlsx) from the merged trials, as one run of them writes them.</summary>
    private static void WriteResultFiles(ScenarioInput input, MergeResult merged, ResultsDirectory directory, bool xlsx, int threads)
    {
        var plan = PlanRunner.Run(input.Model);
        var result = RunResultBuilder.Build(
            input.Scenario, input.Model, plan, merged.Meta, merged.Summary, merged.Coverages, merged.Positions, merged.Fan!, merged.Unadjusted);
        ParallelWork.RunAll([.. MonteCarloJob.ResultFileWriters(result, directory, RunCommand.FileExporters(xlsx))], threads);
    }
}
