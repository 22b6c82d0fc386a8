using RiskSim.Core.Engine;
using RiskSim.Core.Results;

namespace RiskSim.Tests.Engine;

/// <summary>
/// The simulation loop allocates nothing per trial or per month: a worker's workspace and the
/// block buffers are reused. Measured with the current thread's allocation counter around many
/// trials after a warm-up trial (which lets the JIT and MathNet's static state settle).
/// </summary>
public sealed class AllocationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Running_trials_allocates_nothing(bool inputUncertainty)
    {
        foreach (var model in new[] { EngineTestData.Staffordshire, EngineTestData.Compile(EngineTestData.Smallshire) })
        {
            var options = new RunOptions(Trials: 64, Seed: 5, Threads: 1, InputUncertainty: inputUncertainty);
            var block = new TrialBlock(64, model.InputColumns, model.FinancialYears);
            var workspace = new TrialWorkspace(model);
            StochasticRunner.RunTrial(model, workspace, options, 0, block, 0);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 1; i < 64; i++)
            {
                StochasticRunner.RunTrial(model, workspace, options, i, block, i);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
        }
    }
}
