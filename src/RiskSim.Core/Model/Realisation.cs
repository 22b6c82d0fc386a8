using RiskSim.Core.Uncertainty;

namespace RiskSim.Core.Model;

/// <summary>
/// Benefit realisation (optimism bias made explicit): one uncertain factor, the share of the planned
/// benefit that is realised, multiplying the size of every listed effect in the programme world.
/// It is kept apart from each effect's own size uncertainty (estimation error, centred on plan) and
/// from timing (recruitment delays, benefit lags, ramps). Its <c>plan</c> is what the paper assumes
/// (normally 1: all the planned benefit).
/// </summary>
public sealed record Realisation
{
    /// <summary>The trials column of the factor.</summary>
    public const string ColumnName = "realisation_factor";

    /// <summary>The factor (≥ 0); its plan value is what plan mode and the "as the paper assumes" pass use.</summary>
    public required Input Factor { get; init; }

    /// <summary>Ids of the effects it multiplies; null for every effect with a size.</summary>
    public IReadOnlyList<string>? Effects { get; init; }

    /// <summary>Where the prior comes from (free text, shown in the docs and kept with the scenario).</summary>
    public required string Source { get; init; }

    /// <summary>Whether the effect <paramref name="id"/> is multiplied.</summary>
    public bool AppliesTo(string id) => Effects is null || Effects.Contains(id, StringComparer.Ordinal);
}
