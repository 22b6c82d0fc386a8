using BenchmarkDotNet.Running;

namespace RiskSim.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/RiskSim.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args) { if (args.Length == 1 && args[0] == "--phases") { PhaseProbe.Run(); return; } if (args.Length == 1 && args[0] == "--loop") { LoopProbe.Run(); return; } if (args.Length == 1 && args[0] == "--months") { MonthsProbe.Run(); return; } BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args); }
}
