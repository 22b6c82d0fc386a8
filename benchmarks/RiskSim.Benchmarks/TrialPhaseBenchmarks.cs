using BenchmarkDotNet.Attributes;
using RiskSim.Core.Engine;
using RiskSim.Core.Random;
using RiskSim.Core.Results;
using RiskSim.Core.Sampling;
using RiskSim.Scenarios;

namespace RiskSim.Benchmarks;

/// <summary>
/// Where one Staffordshire trial's time goes, phase by phase, on one thread: the input draw
/// (design uniforms, copula, quantile inversions, Dirichlet mixes, derived arrays), the month loop
/// of the programme and do-nothing worlds, the same loop with the unadjusted (realisation at plan)
/// world as well, and the whole trial as the runner calls it.
/// </summary>
/// <remarks>
/// Each invocation runs <see cref="Trials"/> consecutive trials, so the reported time is per trial
/// (via <c>OperationsPerInvoke</c>). The baseline is the whole trial with the unadjusted world run
/// as a second, separate pass (inputs drawn again), which is how the CLI ran a scenario with a
/// realisation factor before the unadjusted world joined the trial pass.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class TrialPhaseBenchmarks
{
    private const int Trials = 256;
    private const ulong Seed = 20191120UL;

    private CompiledModel model = null!;
    private InputDesign design = null!;
    private TrialWorkspace ws = null!;
    private TrialBlock block = null!;
    private TrialBlock heldBlock = null!;
    private bool[] held = null!;
    private double[] yearly = null!;
    private double[] heldYearly = null!;

    /// <summary>Compiles the scenario and allocates one worker's buffers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string path = StochasticRunBenchmarks.FindScenario();
        model = CompiledModel.Compile(ScenarioLoader.Parse(File.ReadAllText(path), path));
        design = InputDesign.Create(SamplingMode.MonteCarlo, model.InputDimensions, Seed, Trials);
        ws = new TrialWorkspace(model);
        block = new TrialBlock(Trials, model.InputColumns, model.FinancialYears, model.EventColumns);
        heldBlock = new TrialBlock(Trials, model.InputColumns, model.FinancialYears, model.EventColumns);
        held = new bool[model.Inputs.Count];
        held[model.RealisationInput] = true;
        yearly = new double[model.FyCount * Metrics.Count];
        heldYearly = new double[yearly.Length];
    }

    /// <summary>Baseline: a trial, then the same trial again with the realisation factor held at plan (two passes).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Trials)]
    public int Trial_TwoPasses()
    {
        for (int i = 0; i < Trials; i++)
        {
            StochasticRunner.RunTrial(model, ws, design, Seed, i, block, i);
            StochasticRunner.RunTrial(model, ws, design, Seed, i, heldBlock, i, held);
        }

        return block.BreakevenFyIndex[Trials - 1];
    }

    /// <summary>A trial with the unadjusted world in the same pass (what the CLI runs).</summary>
    [Benchmark(OperationsPerInvoke = Trials)]
    public int Trial_OnePass()
    {
        for (int i = 0; i < Trials; i++)
        {
            StochasticRunner.RunTrial(model, ws, design, Seed, i, block, i, unadjustedBlock: heldBlock);
        }

        return block.BreakevenFyIndex[Trials - 1];
    }

    /// <summary>The input draw only: design uniforms, copula, quantiles, mixes, events, derived arrays.</summary>
    [Benchmark(OperationsPerInvoke = Trials)]
    public double Inputs()
    {
        for (int i = 0; i < Trials; i++)
        {
            Simulator.SetInputs(model, ws, design, i);
        }

        return ws.Values[0];
    }

    /// <summary>The month loop of the programme and do-nothing worlds, inputs fixed.</summary>
    [Benchmark(OperationsPerInvoke = Trials)]
    public int MonthLoop()
    {
        int sum = 0;
        for (int i = 0; i < Trials; i++)
        {
            var rng = Xoshiro256StarStar.ForTrial(Seed, i);
            sum += Simulator.Run<DrawnFlows>(model, ws, ref rng, scaleWorkforce: true, yearly, trace: null);
        }

        return sum;
    }

    /// <summary>The month loop with the unadjusted world as a third world.</summary>
    [Benchmark(OperationsPerInvoke = Trials)]
    public int MonthLoop_WithUnadjusted()
    {
        int sum = 0;
        for (int i = 0; i < Trials; i++)
        {
            var rng = Xoshiro256StarStar.ForTrial(Seed, i);
            sum += Simulator.Run<DrawnFlows>(model, ws, ref rng, scaleWorkforce: true, yearly, null, heldYearly, out int b) + b;
        }

        return sum;
    }
}
