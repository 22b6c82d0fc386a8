using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Core.Sampling;
using RiskSim.Scenarios;

namespace RiskSim.Benchmarks;

/// <summary>What the stopwatch probes share: Staffordshire compiled, a design of its inputs, one trial's workspace and rows.</summary>
/// <param name="Model">The bundled Staffordshire scenario, compiled.</param>
/// <param name="Design">A Monte Carlo design of <c>n</c> trials, seed 5.</param>
/// <param name="Workspace">One trial's workspace.</param>
/// <param name="Yearly">A trial's per-FY rows.</param>
/// <param name="Unadjusted">The unadjusted world's per-FY rows.</param>
internal sealed record ProbeTrials(CompiledModel Model, InputDesign Design, TrialWorkspace Workspace, double[] Yearly, double[] Unadjusted)
{
    /// <summary>The probes' setup for <paramref name="n"/> trials.</summary>
    public static ProbeTrials Staffordshire(int n)
    {
        string path = StochasticRunBenchmarks.FindScenario();
        var model = CompiledModel.Compile(ScenarioLoader.Parse(File.ReadAllText(path), path));
        var yearly = new double[model.FyCount * Metrics.Count];
        return new ProbeTrials(
            model, InputDesign.Create(SamplingMode.MonteCarlo, model.InputDimensions, 5, n), new TrialWorkspace(model), yearly, new double[yearly.Length]);
    }
}
