namespace RiskSim.Analysis.Compare;

/// <summary>What a comparison says about one of its sides.</summary>
/// <param name="Label">The folder or scenario path the side came from.</param>
/// <param name="ScenarioName">The scenario's name.</param>
/// <param name="Seed">Master seed, when known.</param>
/// <param name="Trials">Number of trials.</param>
/// <param name="Sampling">Input design (<c>mc</c>, <c>lhs</c>, <c>fixed</c>), when known.</param>
/// <param name="PlanCumulativeGbp">The plan's cumulative position at the horizon, £.</param>
public sealed record CompareSideInfo(string Label, string ScenarioName, ulong? Seed, int Trials, string? Sampling, double PlanCumulativeGbp)
{
    /// <summary>The description of <paramref name="side"/>.</summary>
    public static CompareSideInfo Of(CompareSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        return new(side.Label, side.ScenarioName, side.Seed, side.Count, side.Sampling, side.PlanCumulativeGbp);
    }
}
