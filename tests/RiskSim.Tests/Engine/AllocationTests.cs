using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Core.Sampling;

namespace RiskSim.Tests.Engine;

/// <summary>
/// The simulation loop allocates nothing per trial or per month: a worker's workspace and the
/// block buffers are reused. Measured with the current thread's allocation counter around rounds of
/// trials after a warm-up round (which lets the JIT and MathNet's static state settle).
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

            // A per-trial or per-month allocation shows in every round; one-off runtime allocations
            // (tiered JIT's PGO instrumentation and OSR, charged to whichever thread runs the code,
            // at times that depend on machine load) show in one round at most. So the least of three
            // measured rounds, after a warm-up round, must be 0.
            long allocated = long.MaxValue;
            for (int round = 0; round < 4; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 64; i++)
                {
                    StochasticRunner.RunTrial(model, workspace, design, 5, i, block, i);
                }

                long used = GC.GetAllocatedBytesForCurrentThread() - before;
                if (round > 0)
                {
                    allocated = Math.Min(allocated, used);
                }
            }

            Assert.Equal(0, allocated);
        }
    }
}
