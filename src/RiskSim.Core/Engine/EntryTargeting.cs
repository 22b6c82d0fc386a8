namespace RiskSim.Core.Engine;

/// <summary>
/// Entry and growth diversions targeted at named placement types. A targeted diversion removes
/// only the would-be entrants of its types: the programme's entry rate into type k becomes
/// r_k = share_k · (λ − (1 − kept · kept_k) · growth) · diversion · diversion_k, where kept and
/// diversion are the untargeted effects' factors and kept_k, diversion_k the product over the
/// targeted effects naming k. The month's entries are then drawn once with mean Σ r_k and split
/// by r_k / Σ r_k, on the same uniforms as the do-nothing world (one per draw), so plan mode's
/// expected entries into type k are r_k exactly and common random numbers still hold.
/// </summary>
internal static class EntryTargeting
{
    /// <summary>Resets the per-type factors at the first targeted diversion active in a month.</summary>
    public static void Begin(TrialWorkspace ws)
    {
        if (!ws.AnyTargetedEntries)
        {
            Array.Fill(ws.TypeDiversion, 1.0);
            Array.Fill(ws.TypeGrowthKept, 1.0);
            ws.AnyTargetedEntries = true;
        }
    }

    /// <summary>Multiplies the factors of the types in <paramref name="mask"/> by (1 − <paramref name="size"/>).</summary>
    public static void Apply(double[] factors, ReadOnlySpan<bool> mask, double size)
    {
        for (int k = 0; k < factors.Length; k++)
        {
            if (mask[k])
            {
                factors[k] *= 1 - size;
            }
        }
    }

    /// <summary>
    /// The programme world's expected entries this month when a targeted diversion is active; writes
    /// each type's share of them into <see cref="TrialWorkspace.ProgrammeEntryShare"/>.
    /// </summary>
    /// <param name="ws">The trial's workspace, with this month's programme rates set.</param>
    /// <param name="lambda">The do-nothing expected entries this month.</param>
    /// <param name="growth">The do-nothing growth above the first month's rate, max(0, λ − λ₀).</param>
    public static double Rate(TrialWorkspace ws, double lambda, double growth)
    {
        var shares = ws.EntryShare;
        var rates = ws.ProgrammeEntryShare;
        double total = 0;
        for (int k = 0; k < rates.Length; k++)
        {
            double kept = Math.Max(0.0, ws.GrowthKept * ws.TypeGrowthKept[k]);
            double diversion = Math.Max(0.0, ws.DiversionFactor * ws.TypeDiversion[k]);
            rates[k] = shares[k] * Math.Max(0.0, lambda - ((1.0 - kept) * growth)) * diversion;
            total += rates[k];
        }

        // With nothing left to enter the draw is 0 whatever the split; keep the do-nothing mix so
        // the split's conditional probabilities stay finite.
        for (int k = 0; k < rates.Length; k++)
        {
            rates[k] = total > 0 ? rates[k] / total : shares[k];
        }

        return total;
    }
}
