using System.CommandLine;
using System.Diagnostics;
using RiskSim.Analysis;
using RiskSim.Cli.Rendering;
using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Output;
using Spectre.Console;

namespace RiskSim.Cli.Commands;

/// <summary><c>risksim sensitivity SCENARIO</c>: what drives the risk, written to <c>sensitivity.parquet</c>, with the top drivers on screen.</summary>
public static class SensitivityCommand
{
    /// <summary>Default base trials.</summary>
    public const int DefaultTrials = 4000;

    /// <summary>Builds the command, printing the summary to <paramref name="console"/> and messages and progress to <paramref name="error"/>.</summary>
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var trials = CommonOptions.WholeNumber("--trials", "trials", () => DefaultTrials, "-n");
        trials.Description = "Trials of the base Monte Carlo run (Spearman, PRCC, decile tornado, surrogate). The Saltelli design uses "
            + "n = max(256, trials / (inputs + 2)) rows and the P10/P90 tornado max(256, trials / 8) trials per bar.";
        var seed = CommonOptions.Seed("--seed", 20191120UL);
        seed.Description = "Master seed (0 to 18446744073709551615). Every run of the analysis derives from it, so results are reproducible.";
        var output = CommonOptions.OutputFolder("sensitivity", "sensitivity.parquet");
        var force = CommonOptions.Force();
        var threads = CommonOptions.Threads();
        var command = new Command(
            "sensitivity",
            "Rank the uncertain inputs by how much they drive the cumulative position, years to breakeven, LAC at the end and the position "
            + "per FY: Spearman, PRCC, Sobol first/total (per input and per group), tornado (P10/P90 on common random numbers and "
            + "decile-conditional) and a Microsoft.ML surrogate's permutation importance. Writes sensitivity.parquet.")
        {
            scenario, trials, seed, output, force, threads,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandRunner.Guard(error, () =>
        {
            int trialCount = CommonOptions.AtLeastOne(parse, trials);
            int threadCount = CommonOptions.AtLeastOne(parse, threads);

            var options = new SensitivityOptions(trialCount, parse.GetValue(seed), threadCount);
            return Execute(parse.GetValue(scenario)!, options, parse.GetValue(output)!, parse.GetValue(force), console, cancellationToken, error);
        })));
        return command;
    }

    /// <summary>Runs the analysis and writes its results; returns the exit code.</summary>
    /// <param name="scenarioPath">Scenario file.</param>
    /// <param name="options">Trials, seed, threads.</param>
    /// <param name="outputDirectory">The <c>--out</c> folder as the user gave it.</param>
    /// <param name="force">Replace the results of a folder that is not empty.</param>
    /// <param name="console">Where the summary goes.</param>
    /// <param name="cancellationToken">Ctrl+C / SIGTERM; honoured until the new set starts replacing the old one.</param>
    /// <param name="error">Where messages and progress go (default stderr).</param>
    public static int Execute(string scenarioPath, SensitivityOptions options, string outputDirectory, bool force, IAnsiConsole console, CancellationToken cancellationToken = default, TextWriter? error = null)
    {
        error ??= Console.Error;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var input = ScenarioInput.Load(scenarioPath);
        var model = input.Model;
        int d = model.InputColumns.Count;
        if (d == 0)
        {
            throw new UserError($"{scenarioPath}: the scenario has no uncertain inputs, so there is nothing to rank. Give some inputs a distribution (docs/scenario-format.md).");
        }

        int minimum = SensitivityOptions.MinimumTrials(d);
        if (options.Trials < minimum)
        {
            throw new UserError($"--trials must be at least {minimum} for a sensitivity analysis of {d} inputs, got {options.Trials}.");
        }

        // The base run keeps every trial's inputs and outputs, and the rank-based methods copy
        // them a few times: refuse up front rather than run out of memory half-way.
        int outputs = 3 + model.FinancialYears.Count;
        long need = RunMemory.FixedOverheadBytes + ((long)options.Trials * (d + outputs) * sizeof(double) * 4);
        long available = RunMemory.AvailableBytes();
        if (need > available)
        {
            long most = Math.Max(0, (available - RunMemory.FixedOverheadBytes) / ((d + outputs) * sizeof(double) * 4)) / 1000 * 1000;
            throw new UserError(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"--trials {options.Trials}: the analysis would need about {need / 1e9:0.0} GB of memory ({d} inputs and {outputs} outputs per trial, "
                + $"kept and ranked), but only {available / 1e9:0.0} GB is available. Use at most --trials {most}."));
        }

        var meta = new RunMetadata(input.Scenario.Name, input.Sha256, options.Seed, options.Trials, OutputErrors.EngineVersion(), "mc");
        var clock = Stopwatch.StartNew();

        var directory = OutputErrors.OpenResults(outputDirectory, force);

        SensitivityResult result;
        using (directory)
        {
            OutputErrors.ReportLeftovers(directory, error);

            result = SensitivityRunner.Run(model, options, new Progress(error), cancellationToken);
            try
            {
                SensitivityParquetWriter.Write(directory.PathFor(SensitivityParquetWriter.FileName), result.Rows, meta, FileMetadata(result));
                directory.Commit(meta, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ResultsFolderException)
            {
                throw OutputErrors.Translate(outputDirectory, e, directory);
            }
        }

        if (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("risksim: the stop signal arrived after the results had started replacing the old ones; the run was completed.");
        }

        new SensitivitySummary(console).Write(input.Scenario, result, options, clock.Elapsed, outputDirectory);
        return 0;
    }

    private static SensitivityFileMetadata FileMetadata(SensitivityResult result) => new(
        result.SobolRows,
        result.TornadoTrials,
        result.ModelRuns,
        result.Outputs.Select(o => new KeyValuePair<string, double?>(SensitivityParquetWriter.OutputLabel(o.Name, o.Fy), o.SurrogateRSquared)).ToArray(),
        result.Groups.SelectMany(g => g.Columns.Select(c => new KeyValuePair<string, string>(c, g.Name))).ToArray());


    /// <summary>Phases on stderr, so stdout stays the summary.</summary>
    private sealed class Progress(TextWriter error) : IProgress<string>
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();

        public void Report(string value) => error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"risksim: {clock.Elapsed.TotalSeconds,5:0.0} s  {value}"));
    }
}
