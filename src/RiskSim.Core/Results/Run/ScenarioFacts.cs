namespace RiskSim.Core.Results.Run;

/// <summary>What a report says about the scenario a run came from.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Source">Where the scenario's figures come from (the paper), when the scenario says.</param>
/// <param name="PaperBreakevenFy">The breakeven FY the paper promises, e.g. <c>2023/24</c>, if it gives one.</param>
/// <param name="RowLabels">Display labels of the money rows, keyed by metric column name (from the scenario where it gives them).</param>
public sealed record ScenarioFacts(string Name, string? Source, string? PaperBreakevenFy, IReadOnlyDictionary<string, string> RowLabels);
