using System.CommandLine;
using System.Globalization;
using RiskSim.Core.Results;
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
        var output = CommonOptions.OutputFolder("merged", "trials.parquet, yearly.parquet, summary.parquet, plan.parquet of all the shards' trials");
        var force = CommonOptions.Force();
        var contingency = CommonOptions.PoundsOrNull("--contingency");
        contingency.Description = "A contingency in £: stores which percentile of the cumulative position it covers, as `run --contingency` does.";
        var command = new Command(
            "merge",
            "Merge the shards of a run (risksim run --shard I/N) into the outputs of one run of all their trials: trials and yearly files equal byte for byte, the summary exactly. Refuses an incomplete or inconsistent set.")
        {
            shards, output, force, contingency,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandRunner.Guard(error, () =>
            Execute(console, error, parse.GetValue(shards)!, parse.GetValue(output)!, parse.GetValue(force), parse.GetValue(contingency), cancellationToken))));
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
    public static int Execute(IAnsiConsole console, TextWriter error, string shardsFolder, string outputDirectory, bool force = false, double? contingencyGbp = null, CancellationToken cancellationToken = default)
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

        var directory = OutputErrors.OpenResults(outputDirectory, force);
        MergeResult result;
        using (directory)
        {
            OutputErrors.ReportLeftovers(directory, error);
            try
            {
                result = ShardMerge.Merge(set, directory, contingencyGbp, cancellationToken: cancellationToken);
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
}
