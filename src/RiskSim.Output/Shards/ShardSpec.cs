using System.Globalization;

namespace RiskSim.Output.Shards;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/>: the contiguous range of global trial indices
/// [⌊T·I/N⌋, ⌊T·(I+1)/N⌋) of a T-trial run. Trial i's random streams depend only on (seed, i), so the
/// shards together run exactly the trials of one run, each as it would be in that run.
/// </summary>
/// <param name="Index">0-based shard index (a Kubernetes Indexed Job's completion index).</param>
/// <param name="Count">Number of shards.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Environment variable a Kubernetes Indexed Job sets to the pod's completion index.</summary>
    public const string CompletionIndexVariable = "JOB_COMPLETION_INDEX";

    /// <summary>Start of a shard's sub-folder name: <c>shard=I</c>, a Hive-style partition.</summary>
    public const string FolderPrefix = "shard=";

    /// <summary>Name of the shard's sub-folder, <c>shard=I</c> (Hive-style, so query engines add a <c>shard</c> column).</summary>
    public string FolderName => FolderPrefix + Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>"I/N", as given on the command line.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>The first global trial index and the number of trials of this shard in a run of <paramref name="totalTrials"/>.</summary>
    /// <param name="totalTrials">Trials of the whole run.</param>
    public (long First, int Trials) Range(long totalTrials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalTrials);
        long first = Bound(totalTrials, Index);
        return (first, checked((int)(Bound(totalTrials, Index + 1) - first)));
    }

    /// <summary>
    /// Parses <c>I/N</c> or <c>auto/N</c> (I from <paramref name="environment"/>'s
    /// <see cref="CompletionIndexVariable"/>). Returns null and a message when the text is not a shard.
    /// </summary>
    /// <param name="text">The option's value.</param>
    /// <param name="environment">Reads an environment variable (tests pass their own).</param>
    /// <param name="problem">Why the text was refused.</param>
    public static ShardSpec? TryParse(string text, Func<string, string?> environment, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(environment);
        problem = null;
        string[] parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
        {
            problem = $"--shard '{text}': expected I/N (shard I of N, I = 0 … N−1, N ≥ 1) or auto/N.";
            return null;
        }

        string indexText = parts[0];
        string source = "";
        if (indexText == "auto")
        {
            indexText = environment(CompletionIndexVariable) ?? "";
            source = $" ({CompletionIndexVariable})";
            if (indexText.Length == 0)
            {
                problem = $"--shard auto/{count}: {CompletionIndexVariable} is not set; it is set by a Kubernetes Indexed Job. Outside one, give the index: --shard I/{count}.";
                return null;
            }
        }

        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= count)
        {
            problem = $"--shard '{text}': the index{source} '{indexText}' must be a whole number from 0 to {count - 1}.";
            return null;
        }

        return new ShardSpec(index, count);
    }

    private long Bound(long totalTrials, int index) => (long)(((System.Int128)totalTrials * index) / Count);
}
