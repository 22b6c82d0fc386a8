namespace RiskSim.Core.Engine;

/// <summary>The names of the input groups used for group sensitivity indices.</summary>
public static class InputGroups
{
    /// <summary>Entries per month, the entries rate multiplier and annual growth.</summary>
    public const string Demand = "demand";

    /// <summary>The sampled starting and entry placement mixes (one dimension per type).</summary>
    public const string Mix = "mix";

    /// <summary>Programme effect sizes.</summary>
    public const string Effects = "effects";

    /// <summary>Recruitment delays of investment lines.</summary>
    public const string Delays = "delays";

    /// <summary>Weekly unit costs, unit cost inflation and budget pressures.</summary>
    public const string Costs = "costs";

    /// <summary>Baseline exit rates and step-down rates (what happens to children already looked after).</summary>
    public const string Flows = "flows";

    /// <summary>Risk events (none in the model yet; the name is reserved).</summary>
    public const string Events = "events";
}

/// <content>Which group each input column belongs to.</content>
public sealed partial class CompiledModel
{
    private string[]? columnGroups;

    /// <summary>
    /// The group (one of <see cref="InputGroups"/>) of input column <paramref name="column"/> of
    /// <see cref="InputColumns"/>, from the role the input plays in the model (not from its name).
    /// </summary>
    /// <param name="column">Zero-based index into <see cref="InputColumns"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside <see cref="InputColumns"/>.</exception>
    public string InputGroupOf(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, InputColumns.Count);
        columnGroups ??= BuildColumnGroups();
        return columnGroups[column];
    }

    private string[] BuildColumnGroups()
    {
        var byInput = new string?[Inputs.Count];
        void Mark(IEnumerable<int> indices, string group)
        {
            foreach (int i in indices)
            {
                if (i >= 0)
                {
                    byInput[i] = group;
                }
            }
        }

        Mark(EntriesByFyInput, InputGroups.Demand);
        Mark([GrowthInput, RateMultiplierInput, EntryStepInput], InputGroups.Demand);
        Mark(WeeklyCostInput, InputGroups.Costs);
        Mark(InflationInput, InputGroups.Costs);
        Mark(BudgetInflationInput, InputGroups.Costs);
        Mark(PressureInputs.SelectMany(p => p), InputGroups.Costs);
        Mark(ExitRateInput, InputGroups.Flows);
        Mark(PairBaseInput, InputGroups.Flows);
        Mark(LineDelayInput, InputGroups.Delays);
        Mark(LineBenefitLagInput, InputGroups.Delays);
        Mark(EffectSizeInput, InputGroups.Effects);
        Mark([RealisationInput], InputGroups.Effects);

        var groups = new string[InputColumns.Count];
        int c = 0;
        foreach (int i in SampledInputs)
        {
            groups[c++] = byInput[i] ?? throw new InvalidOperationException($"input '{Inputs[i].Name}' has no sensitivity group.");
        }

        for (; c < groups.Length; c++)
        {
            groups[c] = InputGroups.Mix;
        }

        return groups;
    }
}
