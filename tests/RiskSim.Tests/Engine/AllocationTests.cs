using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Core.Sampling;

namespace RiskSim.Tests.Engine;

/// <summary>
/// The simulation loop allocates nothing per trial or per month: a worker's workspace and the
/// block buffers are reused. Measured with the current thread's allocation counter around many
/// trials after a warm-up trial (which lets the JIT and MathNet's static state settle).
/// </summary>
public sealed class AllocationTests
{
    [Theory]
    [InlineData(SamplingMode.MonteCarlo, true)]
    [InlineData(SamplingMode.LatinHypercube, true)]
    [InlineData(SamplingMode.MonteCarlo, false)]
    public void Running_trials_allocates_nothing(SamplingMode sampling, bool inputUncertainty)
    {
        foreach (var model in new[] { EngineTestData.Staffordshire, EngineTestData.Compile(EngineTestData.Smallshire) })
        {
            var design = inputUncertainty ? InputDesign.Create(sampling, model.InputDimensions, seed: 5, trials: 64) : null;
            var block = new TrialBlock(64, model.InputColumns, model.FinancialYears, model.EventColumns, model.MonthCount);
            var workspace = new TrialWorkspace(model);
            StochasticRunner.RunTrial(model, workspace, design, 5, 0, block, 0);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 1; i < 64; i++)
            {
                StochasticRunner.RunTrial(model, workspace, design, 5, i, block, i);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
        }
    }
}
