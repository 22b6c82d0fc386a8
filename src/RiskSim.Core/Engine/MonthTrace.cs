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
    public void RecordFlows(int m, TrialWorkspace ws, bool programme)
    {
        int at = m * Types;
        Record(ws.EntriesByType, programme ? ProgrammeEntries : DoNothingEntries, programme ? ProgrammeTypeEntries : DoNothingTypeEntries);
        Record(ws.Exits, programme ? ProgrammeExits : DoNothingExits, programme ? ProgrammeTypeExits : DoNothingTypeExits);
        Record(ws.MovesOut, programme ? ProgrammeMovesOut : DoNothingMovesOut, programme ? ProgrammeTypeMovesOut : DoNothingTypeMovesOut);
        Record(ws.MovesIn, programme ? ProgrammeMovesIn : DoNothingMovesIn, programme ? ProgrammeTypeMovesIn : DoNothingTypeMovesIn);

        void Record(double[] byType, double[] totals, double[] typed)
        {
            totals[m] = byType.Sum();
            byType.CopyTo(typed, at);
        }
    }
}
