namespace RiskSim.Core.Engine;

/// <summary>
/// Optional per-month record of one trial's flows, for tests and for plan mode's LAC path.
/// Not used on the hot path of stochastic runs.
/// </summary>
internal sealed class MonthTrace
{
    public MonthTrace(int months, int types)
    {
        Types = types;
        ProgrammeStockStart = new double[months];
        ProgrammeStockEnd = new double[months];
        ProgrammeEntries = new double[months];
        ProgrammeExits = new double[months];
        ProgrammeMovesOut = new double[months];
        ProgrammeMovesIn = new double[months];
        DoNothingStockStart = new double[months];
        DoNothingStockEnd = new double[months];
        DoNothingEntries = new double[months];
        DoNothingExits = new double[months];
        DoNothingMovesOut = new double[months];
        DoNothingMovesIn = new double[months];
        ProgrammeTypeStockEnd = new double[months * types];
        DoNothingTypeStockEnd = new double[months * types];
        ProgrammeTypeEntries = new double[months * types];
        ProgrammeTypeExits = new double[months * types];
        ProgrammeTypeMovesOut = new double[months * types];
        ProgrammeTypeMovesIn = new double[months * types];
        DoNothingTypeEntries = new double[months * types];
        DoNothingTypeExits = new double[months * types];
        DoNothingTypeMovesOut = new double[months * types];
        DoNothingTypeMovesIn = new double[months * types];
    }

    public int Types { get; }
    public double[] ProgrammeStockStart { get; }
    public double[] ProgrammeStockEnd { get; }
    public double[] ProgrammeEntries { get; }
    public double[] ProgrammeExits { get; }
    public double[] ProgrammeMovesOut { get; }
    public double[] ProgrammeMovesIn { get; }
    public double[] DoNothingStockStart { get; }
    public double[] DoNothingStockEnd { get; }
    public double[] DoNothingEntries { get; }
    public double[] DoNothingExits { get; }
    public double[] DoNothingMovesOut { get; }
    public double[] DoNothingMovesIn { get; }
    public double[] ProgrammeTypeStockEnd { get; }
    public double[] DoNothingTypeStockEnd { get; }

    // Per-type flows of each month, laid out [month × types + type], so tests can check each type's
    // balance and the one-in-one-out rule directly.
    public double[] ProgrammeTypeEntries { get; }
    public double[] ProgrammeTypeExits { get; }
    public double[] ProgrammeTypeMovesOut { get; }
    public double[] ProgrammeTypeMovesIn { get; }
    public double[] DoNothingTypeEntries { get; }
    public double[] DoNothingTypeExits { get; }
    public double[] DoNothingTypeMovesOut { get; }
    public double[] DoNothingTypeMovesIn { get; }

    /// <summary>Records the flows one world just took in month <paramref name="m"/> (totals and per type).</summary>
    public void RecordFlows(int m, TrialWorkspace ws, bool programme) =>
        Record(m, programme, ws.EntriesByType, ws.Exits, ws.MovesOut, ws.MovesIn);

    /// <summary>
    /// Records the flows world <paramref name="world"/> (0 programme, 1 do-nothing) took in month
    /// <paramref name="m"/> when the worlds are stepped together (the workspace's per-world flows).
    /// </summary>
    public void RecordFlows(int m, TrialWorkspace ws, int world)
    {
        int types = Types;
        Record(
            m,
            world == 0,
            ws.WorldEntriesByType.AsSpan(world * types, types),
            ws.WorldExits.AsSpan(world * types, types),
            ws.WorldMovesOut.AsSpan(world * types, types),
            ws.WorldMovesIn.AsSpan(world * types, types));
    }

    private void Record(int m, bool programme, ReadOnlySpan<double> entries, ReadOnlySpan<double> exits, ReadOnlySpan<double> movesOut, ReadOnlySpan<double> movesIn)
    {
        int at = m * Types;
        Copy(entries, programme ? ProgrammeEntries : DoNothingEntries, programme ? ProgrammeTypeEntries : DoNothingTypeEntries);
        Copy(exits, programme ? ProgrammeExits : DoNothingExits, programme ? ProgrammeTypeExits : DoNothingTypeExits);
        Copy(movesOut, programme ? ProgrammeMovesOut : DoNothingMovesOut, programme ? ProgrammeTypeMovesOut : DoNothingTypeMovesOut);
        Copy(movesIn, programme ? ProgrammeMovesIn : DoNothingMovesIn, programme ? ProgrammeTypeMovesIn : DoNothingTypeMovesIn);

        void Copy(ReadOnlySpan<double> byType, double[] totals, double[] typed)
        {
            double sum = 0;
            foreach (double v in byType)
            {
                sum += v;
            }

            totals[m] = sum;
            byType.CopyTo(typed.AsSpan(at));
        }
    }
}
