using System.Globalization;
using RiskSim.Core.Results;

namespace RiskSim.Cli;

/// <summary>How much memory a run needs, so that a run that cannot fit is refused before it starts.</summary>
public static class RunMemory
{
    /// <summary>The runtime, loaded libraries, the compiled scenario and per-thread workspaces: measured about 70 MB.</summary>
    public const long FixedOverheadBytes = 80L * 1000 * 1000;

    /// <summary>
    /// Estimated peak memory, in bytes, of <c>risksim run</c>. The summary keeps every trial's value of each
    /// FY × metric (and the breakeven flag) for exact percentiles: trials × FYs × (14 + 1) × 8 bytes, the
    /// only part that grows with trials. Trials stream through one block at a time: the engine's block,
    /// the Parquet writer's column copies and its encoded pages are about four blocks of inputs and
    /// per-FY metrics. (At 100,000 trials of Staffordshire this gives about 180 MB; measured peak 162 MB.)
    /// </summary>
    /// <param name="trials">Number of trials.</param>
    /// <param name="financialYears">FYs in the horizon.</param>
    /// <param name="inputColumns">Sampled inputs written per trial.</param>
    /// <param name="blockSize">Trials per block.</param>
    public static long EstimateBytes(int trials, int financialYears, int inputColumns, int blockSize)
    {
        long keptPerTrial = (long)financialYears * SummaryAccumulator.FiguresPerFy * sizeof(double);
        long blockPerTrial = (((long)inputColumns + ((long)financialYears * Metrics.Count)) * sizeof(double)) + sizeof(int);
        long blockTrials = Math.Min(blockSize, trials);
        return FixedOverheadBytes + (trials * keptPerTrial) + (4 * blockTrials * blockPerTrial);
    }

    /// <summary>Memory the process may use: physical memory, or the container's or GC's limit if lower.</summary>
    public static long AvailableBytes() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Throws a <see cref="UserError"/> with the figure and what to change when the run cannot fit.</summary>
    /// <param name="trials">Number of trials asked for.</param>
    /// <param name="financialYears">FYs in the horizon.</param>
    /// <param name="inputColumns">Sampled inputs written per trial.</param>
    /// <param name="blockSize">Trials per block.</param>
    /// <param name="availableBytes">Memory available to the process.</param>
    public static void EnsureFits(int trials, int financialYears, int inputColumns, int blockSize, long availableBytes)
    {
        long need = EstimateBytes(trials, financialYears, inputColumns, blockSize);
        if (need <= availableBytes)
        {
            return;
        }

        long perTrial = EstimateBytes(2, financialYears, inputColumns, 1) - EstimateBytes(1, financialYears, inputColumns, 1);
        long fixedPart = EstimateBytes(0, financialYears, inputColumns, blockSize);
        long most = Math.Max(0, (availableBytes - fixedPart) / perTrial) / 1000 * 1000;
        string advice = most >= 1000
            ? string.Create(CultureInfo.InvariantCulture, $"Use at most --trials {most}, or a machine with more memory.")
            : "Run it on a machine with more memory.";
        throw new UserError(string.Create(
            CultureInfo.InvariantCulture,
            $"--trials {trials}: the run would need about {need / 1e9:0.0} GB of memory (exact percentiles keep {financialYears} FYs × "
            + $"{SummaryAccumulator.FiguresPerFy} figures × 8 bytes for every trial), but only {availableBytes / 1e9:0.0} GB is available. {advice}"));
    }
}
