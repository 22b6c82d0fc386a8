using System.Diagnostics;
using RiskSim.Core.Engine;
using RiskSim.Core.Random;

namespace RiskSim.Benchmarks;

/// <summary>
/// A quick split of a Staffordshire trial's month loop (<c>dotnet run -c Release -- --loop</c>), in
/// process CPU time (the figure to trust on a shared machine): the worlds stepped together (the
/// engine's path) against stepped one by one (the same draws, bit for bit), per trial over 8,000
/// trials, the two interleaved in three rounds.
/// </summary>
public static class LoopProbe
{
    /// <summary>Prints the split.</summary>
    public static void Run()
    {
        const int n = 8000;
        var (model, design, ws, y, hy) = ProbeTrials.Staffordshire(n);
        for (int rep = 0; rep < 3; rep++)
        {
            double together = Time<DrawnFlows>(), alone = Time<WorldByWorldDrawnFlows>();
            Console.WriteLine($"months(3 worlds) per trial, CPU: together {together:F1} us, one by one {alone:F1} us");
        }

        // Process CPU time has a coarse tick, so each figure is a whole batch's: (inputs + months)
        // minus inputs alone, per trial.
        double Time<TFlows>()
            where TFlows : struct, IFlows =>
            (Batch<TFlows>(months: true) - Batch<TFlows>(months: false)) / n;

        double Batch<TFlows>(bool months)
            where TFlows : struct, IFlows
        {
            var proc = Process.GetCurrentProcess();
            var start = proc.TotalProcessorTime;
            for (int i = 0; i < n; i++)
            {
                Simulator.SetInputs(model, ws, design, i);
                if (months)
                {
                    var rng = Xoshiro256StarStar.ForTrial(5, i);
                    Simulator.Run<TFlows>(model, ws, ref rng, true, y, null, hy, out _);
                }
            }

            proc.Refresh();
            return (proc.TotalProcessorTime - start).TotalMicroseconds;
        }
    }
}
