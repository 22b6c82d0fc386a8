using System.Diagnostics;
using RiskSim.Core.Engine;
using RiskSim.Core.Random;
using RiskSim.Core.Results;
namespace RiskSim.Benchmarks;
/// <summary>
/// A quick stopwatch split of a Staffordshire trial (<c>dotnet run -c Release -- --phases</c>): input
/// draw, month loop with drawn flows (three worlds), month loop with expected flows (no sampling), per
/// trial over 4,000 trials, three rounds. Cruder than BenchmarkDotNet, but it runs in seconds and prints
/// the process CPU time, which on a shared machine is the figure to trust over wall time.
/// </summary>
public static class PhaseProbe
{
    /// <summary>Prints the split.</summary>
    public static void Run()
    {
        int n = 4000;
        var (model, design, ws, y, hy) = ProbeTrials.Staffordshire(n);
        var block = new TrialBlock(n, model.InputColumns, model.FinancialYears, model.EventColumns);
        var hb = new TrialBlock(n, model.InputColumns, model.FinancialYears, model.EventColumns);
        for (int rep = 0; rep < 3; rep++)
        {
            var s1 = new Stopwatch(); var s2 = new Stopwatch(); var s3 = new Stopwatch();
            for (int i = 0; i < n; i++)
            {
                s1.Start(); Simulator.SetInputs(model, ws, design, i); s1.Stop();
                var rng = Xoshiro256StarStar.ForTrial(5, i);
                s2.Start(); Simulator.Run<DrawnFlows>(model, ws, ref rng, true, y, null, hy, out _); s2.Stop();
                rng = Xoshiro256StarStar.ForTrial(5, i);
                s3.Start(); Simulator.Run<ExpectedFlows>(model, ws, ref rng, true, y, null, hy, out _); s3.Stop();
            }
            Console.WriteLine($"types {model.Types} pairs {model.Pairs} events {model.Events.Count} effects {model.Effects} months {model.MonthCount} disp {model.EntryDispersion}");
            Console.WriteLine($"per trial: inputs {s1.Elapsed.TotalMicroseconds / n:F1} us, months(3 worlds) {s2.Elapsed.TotalMicroseconds / n:F1} us, expected-flows months {s3.Elapsed.TotalMicroseconds / n:F1} us; cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1}s");
        }
    }
}
