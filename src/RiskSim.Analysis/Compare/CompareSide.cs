namespace RiskSim.Analysis.Compare;

/// <summary>
/// One side of a comparison: what every trial of a run found, kept per trial so that two runs on
/// common random numbers can be compared pair by pair (trial i of A against trial i of B).
/// </summary>
public sealed class CompareSide
{
    /// <summary>Creates a side; the arrays are kept, not copied.</summary>
    /// <param name="label">How reports name the side (a folder or scenario path).</param>
    /// <param name="scenarioName">The scenario's name.</param>
    /// <param name="seed">Master seed, when known.</param>
    /// <param name="sampling">Input design (<c>mc</c>, <c>lhs</c>, <c>fixed</c>), when known.</param>
    /// <param name="years">FY labels, e.g. <c>2019/20</c>, in order.</param>
    /// <param name="planCumulativeGbp">The plan's cumulative position at the horizon, £.</param>
    /// <param name="trials">Trial indices, ascending; every other per-trial array follows them.</param>
    /// <param name="cumulativePositionGbp">Each trial's cumulative position at the horizon, £.</param>
    /// <param name="breakevenFy">Each trial's first breakeven FY index, or −1 (none within the horizon).</param>
    /// <param name="lastingBreakevenFy">Each trial's lasting breakeven FY index, or −1.</param>
    /// <param name="lacEnd">LAC at the end of each FY, laid out [trial × years + FY].</param>
    public CompareSide(
        string label,
        string scenarioName,
        ulong? seed,
        string? sampling,
        IReadOnlyList<string> years,
        double planCumulativeGbp,
        long[] trials,
        double[] cumulativePositionGbp,
        int[] breakevenFy,
        int[] lastingBreakevenFy,
        double[] lacEnd)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(cumulativePositionGbp);
        ArgumentNullException.ThrowIfNull(breakevenFy);
        ArgumentNullException.ThrowIfNull(lastingBreakevenFy);
        ArgumentNullException.ThrowIfNull(lacEnd);
        int n = trials.Length;
        if (n == 0)
        {
            throw new ArgumentException("a side needs at least one trial", nameof(trials));
        }

        if (cumulativePositionGbp.Length != n || breakevenFy.Length != n || lastingBreakevenFy.Length != n || lacEnd.Length != (long)n * years.Count)
        {
            throw new ArgumentException("every per-trial array must have one entry per trial (lacEnd: one per trial and FY)");
        }

        Label = label;
        ScenarioName = scenarioName;
        Seed = seed;
        Sampling = sampling;
        Years = years;
        PlanCumulativeGbp = planCumulativeGbp;
        Trials = trials;
        CumulativePositionGbp = cumulativePositionGbp;
        BreakevenFy = breakevenFy;
        LastingBreakevenFy = lastingBreakevenFy;
        LacEnd = lacEnd;
    }

    /// <summary>How reports name the side.</summary>
    public string Label { get; }

    /// <summary>The scenario's name.</summary>
    public string ScenarioName { get; }

    /// <summary>Master seed, when known.</summary>
    public ulong? Seed { get; }

    /// <summary>Input design, when known.</summary>
    public string? Sampling { get; }

    /// <summary>FY labels in order.</summary>
    public IReadOnlyList<string> Years { get; }

    /// <summary>The plan's cumulative position at the horizon, £.</summary>
    public double PlanCumulativeGbp { get; }

    /// <summary>Number of trials.</summary>
    public int Count => Trials.Count;

    /// <summary>Trial indices, ascending.</summary>
    public IReadOnlyList<long> Trials { get; }

    /// <summary>Each trial's cumulative position at the horizon, £.</summary>
    public IReadOnlyList<double> CumulativePositionGbp { get; }

    /// <summary>Each trial's first breakeven FY index, or −1.</summary>
    public IReadOnlyList<int> BreakevenFy { get; }

    /// <summary>Each trial's lasting breakeven FY index, or −1.</summary>
    public IReadOnlyList<int> LastingBreakevenFy { get; }

    /// <summary>LAC at the end of each FY, [trial × years + FY].</summary>
    public IReadOnlyList<double> LacEnd { get; }
}
