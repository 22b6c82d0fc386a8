using RiskSim.Core.Engine;
using RiskSim.Core.Model;
using RiskSim.Core.Random;
using RiskSim.Core.Results;
using RiskSim.Core.Sampling;

namespace RiskSim.Tests.Engine;

/// <summary>
/// The month loop's worlds stepped together (each draw's variates for all worlds in one
/// lane-parallel search, <see cref="DrawnFlows"/>) give, bit for bit, what stepping them one after
/// the other gives (<see cref="WorldByWorldDrawnFlows"/>, the plain per-world loop): every per-FY row
/// of the programme and unadjusted worlds, the breakevens, and every traced monthly flow, on
/// scenarios covering every rule the step applies (step-downs, one-in-one-out, targeted
/// diversions, risk events on entries, costs and exits, Poisson and negative-binomial entries,
/// two and three worlds).
/// </summary>
public sealed class WorldsTogetherTests
{
    private const string Realisation = """
        realisation:
          factor: {dist: pert, min: 0.5, mode: 0.85, max: 1.0, plan: 1.0}
          applies_to: all_effects
          source: "test prior"
        workforce_saving:
        """;

    public static TheoryData<string> Scenarios => new()
    {
        "staffordshire", "staffordshire-poisson", "staffordshire-events", "haringey", "smallshire", "smallshire-realised", "smallshire-targeted",
    };

    private static CompiledModel Model(string name)
    {
        string smallshireRealised = EngineTestData.Edit(EngineTestData.Smallshire, "workforce_saving:", Realisation);
        return name switch
        {
            "staffordshire" => EngineTestData.Staffordshire,
            "staffordshire-poisson" => EngineTestData.Compile(EngineTestData.Edit(EngineTestData.StaffordshireText, "  dispersion: 90\n", "")),
            "staffordshire-events" => CompiledModel.Compile(EngineTestData.Parse(EngineTestData.StaffordshireText) with
            {
                RiskEvents =
                [
                    new RiskEvent("surge", 0.3, "entries_rate_multiplier", 1.3, 12),
                    new RiskEvent("market", 0.3, "residential_weekly_cost_gbp", 1.5, 12),
                    new RiskEvent("stuck", 0.3, "ifa_exit_rate", 0.5, 12),
                ],
            }),
            "haringey" => EngineTestData.Compile(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "haringey-2015.yaml"))),
            "smallshire" => EngineTestData.Compile(EngineTestData.Smallshire),
            "smallshire-realised" => EngineTestData.Compile(smallshireRealised),
            "smallshire-targeted" => EngineTestData.Compile(EngineTestData.Edit(
                smallshireRealised,
                "    size: {dist: pert, min: 0.05, mode: 0.12, max: 0.2, plan: 0.15}",
                "    size: {dist: pert, min: 0.05, mode: 0.12, max: 0.2, plan: 0.15}\n    types: [kinship, residential]")),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Stepping_the_worlds_together_equals_stepping_them_one_by_one_bit_for_bit(string scenario)
    {
        var model = Model(scenario);
        bool withHeld = model.RealisationInput >= 0;
        var design = new MonteCarloDesign(model.InputDimensions, 17);
        var ws = new TrialWorkspace(model);
        var reference = new TrialWorkspace(model);
        int rows = model.FyCount * Metrics.Count;
        var differ = 0;
        for (long trial = 0; trial < 300; trial++)
        {
            Simulator.SetInputs(model, ws, design, trial);
            Simulator.SetInputs(model, reference, design, trial);
            var together = Run<DrawnFlows>(model, ws, trial, withHeld, rows);
            var alone = Run<WorldByWorldDrawnFlows>(model, reference, trial, withHeld, rows);

            Assert.Equal(alone.Yearly, together.Yearly);
            Assert.Equal(alone.Held, together.Held);
            Assert.Equal(alone.Breakeven, together.Breakeven);
            Assert.Equal(alone.HeldBreakeven, together.HeldBreakeven);
            foreach (var (a, b) in Arrays(alone.Trace).Zip(Arrays(together.Trace)))
            {
                Assert.Equal(a, b);
            }

            if (!alone.Held.AsSpan().SequenceEqual(alone.Yearly))
            {
                differ++;
            }
        }

        // With a sampled realisation factor the unadjusted world must differ from the main one (so the third lane is exercised).
        Assert.True(!withHeld || differ > 100, $"the unadjusted world differed in {differ} trials");
    }

    private static (double[] Yearly, double[] Held, int Breakeven, int HeldBreakeven, MonthTrace Trace) Run<TFlows>(
        CompiledModel model, TrialWorkspace ws, long trial, bool withHeld, int rows)
        where TFlows : struct, IFlows
    {
        var rng = Xoshiro256StarStar.ForTrial(17, trial);
        var trace = new MonthTrace(model.MonthCount, model.Types);
        var yearly = new double[rows];
        var held = new double[withHeld ? rows : 0];
        int breakeven = Simulator.Run<TFlows>(model, ws, ref rng, scaleWorkforce: true, yearly, trace, held, out int heldBreakeven);
        return (yearly, held, breakeven, heldBreakeven, trace);
    }

    private static IEnumerable<double[]> Arrays(MonthTrace t) =>
    [
        t.ProgrammeStockStart, t.ProgrammeStockEnd, t.ProgrammeEntries, t.ProgrammeExits, t.ProgrammeMovesOut, t.ProgrammeMovesIn,
        t.DoNothingStockStart, t.DoNothingStockEnd, t.DoNothingEntries, t.DoNothingExits, t.DoNothingMovesOut, t.DoNothingMovesIn,
        t.ProgrammeTypeStockEnd, t.DoNothingTypeStockEnd, t.ProgrammeTypeEntries, t.ProgrammeTypeExits, t.ProgrammeTypeMovesOut,
        t.ProgrammeTypeMovesIn, t.DoNothingTypeEntries, t.DoNothingTypeExits, t.DoNothingTypeMovesOut, t.DoNothingTypeMovesIn,
    ];
}
