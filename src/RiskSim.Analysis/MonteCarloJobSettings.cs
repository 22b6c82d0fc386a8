using RiskSim.Core.Results.Run;

namespace RiskSim.Analysis;

/// <summary>What a <see cref="MonteCarloJob"/> does beyond its trials.</summary>
public sealed record MonteCarloJobSettings
{
    /// <summary>With <c>--precision</c>: add trials until the P80 contingency is this precise (null: a fixed count).</summary>
    public PrecisionTarget? Precision { get; init; }

    /// <summary>With <c>--contingency</c>: an amount, £, whose coverage to report.</summary>
    public double? ContingencyGbp { get; init; }

    /// <summary>Extra files written from the result into the results folder (a report, a workbook); result.json is always written.</summary>
    public IReadOnlyList<IRunResultFileExporter> FileExporters { get; init; } = [];

    /// <summary>Progress of the main pass, or null.</summary>
    public IRunProgress? Progress { get; init; }
}
