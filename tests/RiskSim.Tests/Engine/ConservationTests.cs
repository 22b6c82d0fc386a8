using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Core.Time;

namespace RiskSim.Tests.Engine;

/// <summary>
/// Stock accounting of single trials (stochastic, and plan mode), read from the month trace:
/// children are neither created nor lost, in total and per type; step-downs go from source to
/// destination; stocks are whole and non-negative; the per-FY rows agree with the months; and
/// one-in-one-out holds its types' stock.
/// </summary>
/// <remarks>Uses the per-type flow arrays of <see cref="MonthTrace"/> (a test hook in the engine).</remarks>
public sealed class ConservationTests
{
    private static readonly Lazy<CompiledModel> SmallshireModel = new(() => EngineTestData.Compile(EngineTestData.Smallshire, "smallshire.yaml"));

    /// <summary>Seeds × trial indices: the first trials of a run and some far in.</summary>
    public static TheoryData<ulong, long> Trials { get; } = new()
    {
        { 20191120UL, 0 },
        { 20191120UL, 1 },
        { 20191120UL, 4_095 },
        { 1UL, 0 },
        { 1UL, 77 },
        { 987_654_321UL, 123_456 },
    };

    [Theory]
    [MemberData(nameof(Trials))]
    public void Staffordshire_stock_is_conserved_whole_and_non_negative(ulong seed, long trial)
    {
        var model = EngineTestData.Staffordshire;
        AssertConserved(model, EngineTestData.RunTraced(model, seed, trial), stochastic: true);
    }

    [Theory]
    [MemberData(nameof(Trials))]
    public void Smallshire_stock_is_conserved_whole_and_non_negative(ulong seed, long trial)
    {
        var model = SmallshireModel.Value;
        AssertConserved(model, EngineTestData.RunTraced(model, seed, trial), stochastic: true);
    }

    [Fact]
    public void Plan_mode_stock_is_conserved()
    {
        // Expected flows are fractional, so the balance holds to rounding only: 1e-9 of the stock.
        AssertConserved(EngineTestData.Staffordshire, EngineTestData.RunPlanTraced(EngineTestData.Staffordshire), stochastic: false);
        AssertConserved(SmallshireModel.Value, EngineTestData.RunPlanTraced(SmallshireModel.Value), stochastic: false);
    }

    [Theory]
    [MemberData(nameof(Trials))]
    public void Smallshire_one_in_one_out_holds_residential_from_the_rule_start(ulong seed, long trial)
    {
        var model = SmallshireModel.Value;
        var run = EngineTestData.RunTraced(model, seed, trial);
        int ruleStart = model.Horizon.IndexOf(new YearMonth(2021, 4));
        int sufficient = AssertHeld(model, run, ruleStart, held: 0, exact: true);

        // ~27 entrants a month against ~2 residential leavers: the entries suffice every month.
        Assert.Equal(model.MonthCount - ruleStart, sufficient);
    }

    [Fact]
    public void Smallshire_one_in_one_out_holds_residential_in_plan_mode()
    {
        var model = SmallshireModel.Value;
        var run = EngineTestData.RunPlanTraced(model);
        int ruleStart = model.Horizon.IndexOf(new YearMonth(2021, 4));
        Assert.Equal(model.MonthCount - ruleStart, AssertHeld(model, run, ruleStart, held: 0, exact: false));

        // The rule matters: before it, residential grows (10 % of ~27 entrants a month against ~1 leaver).
        double before = run.Trace.ProgrammeTypeStockEnd[(ruleStart - 1) * model.Types];
        Assert.True(before > run.StartStock[0] + 10, $"residential before the rule: {before} vs start {run.StartStock[0]}");
    }

    [Fact]
    public void Staffordshire_one_in_one_out_holds_residential_from_April_2024_in_plan_mode()
    {
        var model = EngineTestData.Staffordshire;
        int residential = model.Scenario.PlacementTypes.ToList().FindIndex(t => t.Id == "residential");
        int ruleStart = model.Horizon.IndexOf(new YearMonth(2024, 4));
        Assert.Equal(model.MonthCount - ruleStart, AssertHeld(model, EngineTestData.RunPlanTraced(model), ruleStart, residential, exact: false));
    }

    [Theory]
    [MemberData(nameof(Trials))]
    public void Staffordshire_one_in_one_out_holds_residential_from_April_2024(ulong seed, long trial)
    {
        var model = EngineTestData.Staffordshire;
        int residential = model.Scenario.PlacementTypes.ToList().FindIndex(t => t.Id == "residential");
        int ruleStart = model.Horizon.IndexOf(new YearMonth(2024, 4));
        int sufficient = AssertHeld(model, EngineTestData.RunTraced(model, seed, trial), ruleStart, residential, exact: true);

        // ~27 entrants a month against ~3 residential leavers: the entries suffice every month.
        Assert.Equal(model.MonthCount - ruleStart, sufficient);
    }

    /// <summary>
    /// Checks the month-by-month balance in both worlds, per type and in total; whole non-negative
    /// stocks and flows (stochastic mode); continuity between months; and that the FY rows (LAC at
    /// 31 March in both worlds, average LAC) match the trace.
    /// </summary>
    internal static void AssertConserved(CompiledModel model, TracedTrial run, bool stochastic)
    {
        var t = run.Trace;
        int types = model.Types;
        double total = run.StartStock.Sum();
        Assert.Equal(model.StartStockTotal, total);

        // Stochastic flows are whole numbers held in doubles far below 2^53, so sums are exact.
        // Expected flows are fractional: the balance holds to rounding only, 1e-9 of the stock.
        double tolerance = stochastic ? 0.0 : 1e-9 * total;

        for (int m = 0; m < model.MonthCount; m++)
        {
            // Continuity: each month starts where the last ended.
            double progStart = m == 0 ? total : t.ProgrammeStockEnd[m - 1];
            double dnStart = m == 0 ? total : t.DoNothingStockEnd[m - 1];
            Assert.Equal(progStart, t.ProgrammeStockStart[m]);
            Assert.Equal(dnStart, t.DoNothingStockStart[m]);

            // Totals: end = start + entries − exits; step-downs only move children between types.
            AssertClose(t.ProgrammeMovesOut[m], t.ProgrammeMovesIn[m], tolerance, $"month {m}: programme moves out vs in");
            AssertClose(
                t.ProgrammeStockStart[m] + t.ProgrammeEntries[m] - t.ProgrammeExits[m], t.ProgrammeStockEnd[m], tolerance, $"month {m}: programme balance");
            AssertClose(
                t.DoNothingStockStart[m] + t.DoNothingEntries[m] - t.DoNothingExits[m], t.DoNothingStockEnd[m], tolerance, $"month {m}: do-nothing balance");

            double progSum = 0, dnSum = 0, dnOut = 0, dnIn = 0;
            for (int k = 0; k < types; k++)
            {
                int i = (m * types) + k;
                double progBefore = m == 0 ? run.StartStock[k] : t.ProgrammeTypeStockEnd[i - types];
                double dnBefore = m == 0 ? run.StartStock[k] : t.DoNothingTypeStockEnd[i - types];
                double p = t.ProgrammeTypeStockEnd[i];
                double d = t.DoNothingTypeStockEnd[i];

                // Per type: end = start + entries − exits − moves out + moves in.
                AssertClose(
                    progBefore + t.ProgrammeTypeEntries[i] - t.ProgrammeTypeExits[i] - t.ProgrammeTypeMovesOut[i] + t.ProgrammeTypeMovesIn[i],
                    p, tolerance, $"month {m} type {k}: programme balance");
                AssertClose(
                    dnBefore + t.DoNothingTypeEntries[i] - t.DoNothingTypeExits[i] - t.DoNothingTypeMovesOut[i] + t.DoNothingTypeMovesIn[i],
                    d, tolerance, $"month {m} type {k}: do-nothing balance");

                // Nobody leaves a type who was not in it at the start of the month.
                Assert.True(t.ProgrammeTypeExits[i] + t.ProgrammeTypeMovesOut[i] <= progBefore + tolerance, $"month {m} type {k}: programme outflow exceeds the stock");
                Assert.True(t.DoNothingTypeExits[i] + t.DoNothingTypeMovesOut[i] <= dnBefore + tolerance, $"month {m} type {k}: do-nothing outflow exceeds the stock");

                Assert.True(p >= 0 && d >= 0, $"month {m} type {k}: negative stock (programme {p}, do nothing {d})");
                if (stochastic)
                {
                    Assert.True(p == Math.Floor(p) && d == Math.Floor(d), $"month {m} type {k}: fractional stock (programme {p}, do nothing {d})");
                    foreach (double flow in new[]
                    {
                        t.ProgrammeTypeEntries[i], t.ProgrammeTypeExits[i], t.ProgrammeTypeMovesOut[i], t.ProgrammeTypeMovesIn[i],
                        t.DoNothingTypeEntries[i], t.DoNothingTypeExits[i], t.DoNothingTypeMovesOut[i], t.DoNothingTypeMovesIn[i],
                    })
                    {
                        Assert.True(flow >= 0 && flow == Math.Floor(flow), $"month {m} type {k}: flow {flow} is not a whole number ≥ 0");
                    }
                }

                progSum += p;
                dnSum += d;
                dnOut += t.DoNothingTypeMovesOut[i];
                dnIn += t.DoNothingTypeMovesIn[i];
            }

            AssertMovesFollowPairs(model, t.ProgrammeTypeMovesOut, t.ProgrammeTypeMovesIn, m, tolerance, "programme");
            AssertMovesFollowPairs(model, t.DoNothingTypeMovesOut, t.DoNothingTypeMovesIn, m, tolerance, "do nothing");
            AssertClose(t.ProgrammeStockEnd[m], progSum, tolerance, $"month {m}: programme types sum");
            AssertClose(t.DoNothingStockEnd[m], dnSum, tolerance, $"month {m}: do-nothing types sum");
            AssertClose(dnOut, dnIn, tolerance, $"month {m}: do-nothing moves out vs in");
        }

        // FY rows: LAC at 31 March is the stock after the FY's last month; average LAC is the mean of
        // each month's (start + end) / 2.
        int[] last = EngineTestData.LastMonthOfFy(model);
        for (int f = 0; f < model.FyCount; f++)
        {
            Assert.Equal(t.ProgrammeStockEnd[last[f]], EngineTestData.Get(run.Yearly, f, Metric.LacEnd));
            Assert.Equal(t.DoNothingStockEnd[last[f]], EngineTestData.Get(run.Yearly, f, Metric.LacEndDoNothing));
            double sum = 0;
            int months = 0;
            for (int m = 0; m < model.MonthCount; m++)
            {
                if (model.FyOfMonth[m] == f)
                {
                    sum += 0.5 * (t.ProgrammeStockStart[m] + t.ProgrammeStockEnd[m]);
                    months++;
                }
            }

            double average = EngineTestData.Get(run.Yearly, f, Metric.LacAverage);
            Assert.True(Math.Abs((sum / months) - average) <= 1e-9 * total, $"FY {f}: average LAC {average} vs trace {sum / months}");
        }
    }

    /// <summary>
    /// One-in-one-out from <paramref name="ruleStart"/>: the held type's leavers (exits + moves out −
    /// moves in) are replaced first from the month's entries. When the entries suffice, the held type
    /// takes exactly its leavers and its stock does not change; otherwise it takes every entrant.
    /// Returns the number of months in which the entries sufficed.
    /// </summary>
    private static int AssertHeld(CompiledModel model, TracedTrial run, int ruleStart, int held, bool exact)
    {
        var t = run.Trace;
        int types = model.Types;
        double tolerance = exact ? 0.0 : 1e-9 * model.StartStockTotal;
        int sufficient = 0;
        for (int m = ruleStart; m < model.MonthCount; m++)
        {
            int i = (m * types) + held;
            double start = m == 0 ? run.StartStock[held] : t.ProgrammeTypeStockEnd[i - types];
            double end = t.ProgrammeTypeStockEnd[i];
            double leavers = Math.Max(0, t.ProgrammeTypeExits[i] + t.ProgrammeTypeMovesOut[i] - t.ProgrammeTypeMovesIn[i]);
            double entries = t.ProgrammeEntries[m];
            if (entries >= leavers)
            {
                sufficient++;
                AssertClose(leavers, t.ProgrammeTypeEntries[i], tolerance, $"month {m}: held type's entrants vs its leavers");
                // Unless more children stepped down into the held type than left it, its stock is held.
                if (t.ProgrammeTypeExits[i] + t.ProgrammeTypeMovesOut[i] >= t.ProgrammeTypeMovesIn[i])
                {
                    AssertClose(start, end, tolerance, $"month {m}: held stock changed under one-in-one-out");
                }
            }
            else
            {
                AssertClose(entries, t.ProgrammeTypeEntries[i], tolerance, $"month {m}: too few entrants, all should go to the held type");
            }
        }

        return sufficient;
    }

    /// <summary>
    /// Step-downs take children from a pair's source to its destination: in these scenarios each
    /// source has one destination, so a type's moves in are the moves out of the sources pointing at it.
    /// </summary>
    private static void AssertMovesFollowPairs(CompiledModel model, double[] movesOut, double[] movesIn, int m, double tolerance, string world)
    {
        int types = model.Types;
        Assert.Equal(model.PairFrom.Length, model.PairFrom.Distinct().Count());
        for (int j = 0; j < types; j++)
        {
            double expectedIn = 0;
            for (int p = 0; p < model.Pairs; p++)
            {
                if (model.PairTo[p] == j)
                {
                    expectedIn += movesOut[(m * types) + model.PairFrom[p]];
                }
            }

            AssertClose(expectedIn, movesIn[(m * types) + j], tolerance, $"month {m} type {j}: {world} moves in vs its sources' moves out");
            if (!model.PairFrom.Contains(j))
            {
                Assert.True(movesOut[(m * types) + j] == 0, $"month {m} type {j}: {world} moves out of a type with no step-down");
            }
        }
    }

    private static void AssertClose(double expected, double actual, double tolerance, string what)
    {
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
