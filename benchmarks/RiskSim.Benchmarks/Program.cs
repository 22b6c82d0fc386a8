using BenchmarkDotNet.Running;

namespace RiskSim.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/RiskSim.Benchmarks -- --filter '*'</c>;
/// or one quick stopwatch probe: <c>--phases</c> (a trial's phases), <c>--months</c> (the drawn month
/// loop alone, fastest of nine rounds), <c>--loop</c> (worlds stepped together against one by one).
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args)
    {
        Action? probe = args is [var only] ? only switch
        {
            "--phases" => PhaseProbe.Run,
            "--months" => MonthsProbe.Run,
            "--loop" => LoopProbe.Run,
            _ => null,
        } : null;
        if (probe is not null)
        {
            probe();
            return;
        }

        // The CLI runs without dynamic PGO (its runtimeconfig); the benchmark processes BenchmarkDotNet
        // starts inherit this environment, so every job (including the classes' own [SimpleJob]s) runs
        // with the same setting and their figures are the CLI's.
        Environment.SetEnvironmentVariable("DOTNET_TieredPGO", "0");
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
