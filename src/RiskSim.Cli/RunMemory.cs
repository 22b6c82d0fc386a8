using System.Globalization;
using RiskSim.Core.Results;

namespace RiskSim.Cli;

/// <summary>How much memory a run needs, so that a run that cannot fit is refused before it starts.</summary>
public static class RunMemory
{
    /// <summary>The runtime, loaded libraries, the compiled scenario and per-thread workspaces: measured about 70 MB.</summary>
    public const long FixedOverheadBytes = 80L * 1000 * 1000;

    /// <summary>
    /// Estimated peak memory, in bytes, of <c>risksim run</c>. Trials stream through blocks: the
    /// workers' ring of <paramref name="threads"/> + 1 block buffers (the block being delivered and
    /// those being filled), the Parquet writer's column copies and its encoded pages, and the summary's
    /// spill buffer, so <paramref name="threads"/> + 4 blocks of inputs and per-FY metrics. The summary
    /// keeps its values in a temporary file, not in memory (<see cref="SummaryAccumulator"/>), and reads
    /// back one FY × metric column per building thread to select its percentiles: trials × 8 bytes a
    /// thread; the result's S-curve and CVaR90 keep each trial's cumulative position (another 8 bytes a
    /// trial), and with a realisation factor the unadjusted pass keeps two figures a trial (12 bytes,
    /// counted for every scenario). Those (<paramref name="threads"/> + 1) × 8 + 12 bytes a trial are the
    /// only part that grows with trials (36 MB per million trials on 2 threads); the LAC fan's histograms
    /// are fixed (about 1 MB).
    /// </summary>
    /// <param name="trials">Number of trials.</param>
    /// <param name="financialYears">FYs in the horizon.</param>
    /// <param name="inputColumns">Sampled inputs written per trial.</param>
    /// <param name="blockSize">Trials per block.</param>
    /// <param name="threads">Worker threads (<c>--threads</c>).</param>
    public static long EstimateBytes(int trials, int financialYears, int inputColumns, int blockSize, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        long blockPerTrial = (((long)inputColumns + ((long)financialYears * Metrics.Count)) * sizeof(double)) + sizeof(int);
        long blockTrials = Math.Min(blockSize, trials);
        long perTrial = ((threads + 1L) * sizeof(double)) + sizeof(double) + sizeof(int);
        return FixedOverheadBytes + (trials * perTrial) + ((threads + 4L) * blockTrials * blockPerTrial);
    }

    /// <summary>Memory the process may use: physical memory, or the container's or GC's limit if lower.</summary>
    public static long AvailableBytes() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Throws a <see cref="UserError"/> with the figure and what to change when the run cannot fit.</summary>
    /// <param name="trials">Number of trials asked for.</param>
    /// <param name="financialYears">FYs in the horizon.</param>
    /// <param name="inputColumns">Sampled inputs written per trial.</param>
    /// <param name="blockSize">Trials per block.</param>
    /// <param name="availableBytes">Memory available to the process.</param>
    /// <param name="threads">Worker threads (<c>--threads</c>).</param>
    public static void EnsureFits(int trials, int financialYears, int inputColumns, int blockSize, long availableBytes, int threads = 1)
    {
        long need = EstimateBytes(trials, financialYears, inputColumns, blockSize, threads);
        if (need <= availableBytes)
        {
            return;
        }

        long perTrial = EstimateBytes(2, financialYears, inputColumns, 1, threads) - EstimateBytes(1, financialYears, inputColumns, 1, threads);
        long fixedPart = EstimateBytes(0, financialYears, inputColumns, blockSize, threads);
        long most = Math.Max(0, (availableBytes - fixedPart) / perTrial) / 1000 * 1000;
        string advice = most >= 1000
            ? string.Create(CultureInfo.InvariantCulture, $"Use at most --trials {most}, or a machine with more memory.")
            : "Run it on a machine with more memory.";
        throw new UserError(string.Create(
            CultureInfo.InvariantCulture,
            $"--trials {trials}: the run would need about {need / 1e9:0.0} GB of memory (exact percentiles read one column of "
            + $"8 bytes per trial per thread at a time, and the S-curve keeps 8 bytes per trial), but only {availableBytes / 1e9:0.0} GB is available. {advice}"));
    }

    /// <summary>
    /// Throws a <see cref="UserError"/> when the disk of <paramref name="outputDirectory"/> has less free
    /// space than the summary's temporary file needs: trials × (FYs × 14 + 2) × 8 bytes (the results'
    /// own files come on top; a full disk while writing them is reported as such).
    /// </summary>
    /// <param name="trials">Number of trials summarised (0: no summary, e.g. a shard).</param>
    /// <param name="financialYears">FYs in the horizon.</param>
    /// <param name="outputDirectory">The <c>--out</c> folder (need not exist yet).</param>
    public static void EnsureDiskFits(long trials, int financialYears, string outputDirectory)
    {
        long need = trials * SummaryAccumulator.StoredPerTrial(financialYears) * sizeof(double);
        long? free = FreeBytes(outputDirectory);
        if (need == 0 || free is not { } available || need <= available)
        {
            return;
        }

        throw new UserError(string.Create(
            CultureInfo.InvariantCulture,
            $"--trials {trials}: the summary's temporary file would need about {need / 1e9:0.0} GB of free disk in {outputDirectory} "
            + $"({SummaryAccumulator.StoredPerTrial(financialYears)} values × 8 bytes per trial, for exact percentiles), but only {available / 1e9:0.0} GB is free. "
            + $"Use fewer trials, another --out disk, or split the run with --shard I/N over several machines."));
    }

    /// <summary>Free bytes on the disk of <paramref name="path"/> (or of its nearest existing parent); null when unknown.</summary>
    private static long? FreeBytes(string path)
    {
        try
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(path)); dir is not null; dir = dir.Parent)
            {
                if (dir.Exists)
                {
                    return new DriveInfo(dir.FullName).AvailableFreeSpace;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Unknown: the write itself reports a full disk.
        }

        return null;
    }
}
