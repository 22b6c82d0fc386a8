using RiskSim.Core.Uncertainty;

namespace RiskSim.Core.Model;

/// <summary>A baseline monthly move from one placement type to another (in both worlds).</summary>
/// <param name="From">Placement type id children move out of.</param>
/// <param name="To">Placement type id children move into.</param>
/// <param name="MonthlyRate">Monthly probability that a child in <paramref name="From"/> moves.</param>
public sealed record StepDown(string From, string To, Input MonthlyRate);
