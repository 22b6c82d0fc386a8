using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Core.Model;

/// <summary>
/// A dated step in do-nothing demand: from <paramref name="Month"/> on, the entry rate is
/// (1 + size) times what it would otherwise be (a new duty, a local change in thresholds, or a
/// projection that starts from a higher level than today's steady state).
/// </summary>
/// <param name="Month">First month at the stepped rate.</param>
/// <param name="Size">Relative size of the step (0.2 = 20 % more entries a month); column <c>entries_step_size</c>.</param>
public sealed record EntryStep(YearMonth Month, Input Size);
