using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Core.Sampling;

namespace RiskSim.Analysis.Compare;

/// <summary>
/// Runs a scenario in memory as one side of a comparison. Two scenarios run with the same seed and
/// trial count are on common random numbers: trial i draws its inputs (keyed by input name) and its
/// flows from streams that depend only on (seed, i), so the pair differs only by the scenarios.
/// </summary>
public static class ScenarioSide
{
    /// <summary>Runs <paramref name="model"/> and keeps what a comparison needs of every trial.</summary>
    /// <param name="model">The compiled scenario.</param>
    /// <param name="label">How reports name the side (the scenario's path).</param>
    /// <param name="scenarioName">The scenario's name.</param>
    /// <param name="options">Trials, seed, threads, input design.</param>
    /// <param name="cancellationToken">Stops between trials.</param>
    public static CompareSide Run(CompiledModel model, string label, string scenarioName, RunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var plan = PlanRunner.Run(model);
        int years = model.FinancialYears.Count;
        var sink = new CompareSideSink(options.Trials, years);
        StochasticRunner.Run(model, options, [sink], cancellationToken: cancellationToken);
        string design = !options.InputUncertainty ? "fixed" : options.Sampling == SamplingMode.LatinHypercube ? "lhs" : "mc";
        return sink.ToSide(
            label,
            scenarioName,
            options.Seed,
            design,
            [.. model.FinancialYears.Select(fy => fy.Label)],
            plan.Get(years - 1, Metric.CumulativePositionGbp));
    }
}
