using System.Diagnostics;
using RiskSim.Core.Engine;
using RiskSim.Core.Random;

namespace RiskSim.Benchmarks;

/// <summary>
/// The drawn month loop of a Staffordshire trial alone (<c>dotnet run -c Release -- --months</c>):
/// per trial over 2,000 trials, nine rounds, printing each round and the fastest. On a shared machine
/// the fastest round is the least disturbed by other work, so it is the figure to compare changes by.
/// </summary>
public static class MonthsProbe
{
    /// <summary>Prints the rounds.</summary>
    public static void Run()
    {
        const int n = 2000;
        var (model, design, ws, y, hy) = ProbeTrials.Staffordshire(n);
        double best = double.MaxValue;
        double check = 0;
        for (int rep = 0; rep < 9; rep++)
        {
            var watch = new Stopwatch();
            for (int i = 0; i < n; i++)
            {
                Simulator.SetInputs(model, ws, design, i);
                var rng = Xoshiro256StarStar.ForTrial(5, i);
                watch.Start();
                Simulator.Run<DrawnFlows>(model, ws, ref rng, true, y, null, hy, out _);
                watch.Stop();
                check += y[0];
            }

            double perTrial = watch.Elapsed.TotalMicroseconds / n;
            best = Math.Min(best, perTrial);
            Console.Write($"{perTrial:F1} ");
        }

        Console.WriteLine();
        Console.WriteLine($"months(3 worlds) per trial, fastest of 9 rounds: {best:F1} us (check {check:G6})");
    }
}
