using System.Runtime.Intrinsics;
using RiskSim.Core.Random;
using RiskSim.Core.Results;

namespace RiskSim.Core.Engine;

/// <summary>
/// Every buffer one trial needs, allocated once per worker thread and reused for each trial it
/// runs, so the simulation loop allocates nothing per trial or per month.
/// </summary>
internal sealed class TrialWorkspace
{
    public TrialWorkspace(CompiledModel model)
    {
        int k = model.Types;
        Values = new double[model.Inputs.Count];
        StockShare = new double[k];
        EntryShare = new double[k];
        StartStock = new double[k];
        ExitRate = new double[k];
        MonthlyCost = new double[k];
        Inflation = new double[k];
        BudgetInflation = new double[k];
        CostNow = new double[k];
        PricePath = new double[k * model.MonthCount];
        BudgetPricePath = new double[k * model.MonthCount];
        PairBase = new double[model.Pairs];
        PairAdd = new double[model.Pairs];
        EffectSize = new double[model.Effects];
        EffectSizeUnadjusted = new double[model.Effects];
        Unadjusted = new double[k];
        YearlyUnadjusted = new double[model.FyCount * Metrics.Count];
        EffectActualStart = new int[model.Effects];
        LineActualStart = new int[model.Lines];
        Lambda = new double[model.MonthCount];
        Spend = new double[model.MonthCount];
        Programme = new double[k];
        DoNothing = new double[k];
        Uniforms = new double[model.UniformsPerMonth];
        BinomialCaches = new BinomialLogCache[Worlds * model.UniformsPerMonth];
        Array.Fill(BinomialCaches, BinomialLogCache.Empty);
        Exits = new double[k];
        MovesOut = new double[k];
        MovesIn = new double[k];
        EntriesByType = new double[k];
        SplitHeld = new bool[k];
        SplitProbability = new double[k];
        SplitType = new int[k];
        Uplift = new double[k];
        OneInOneOut = new bool[k];
        TypeDiversion = new double[k];
        TypeGrowthKept = new double[k];
        ProgrammeEntryShare = new double[k];
        Yearly = new double[model.FyCount * Metrics.Count];
        Months = new int[model.FyCount];
        LacByMonthEnd = new double[model.MonthCount];
        InputUniforms = new double[model.InputDimensions.Count];
        int eventCells = model.Events.Count > 0 ? model.MonthCount : 0;
        EntryFactor = new double[eventCells];
        CostFactor = new double[k * eventCells];
        ExitFactor = new double[k * eventCells];
        EventFirstFy = new int[model.Events.Count];
        CopulaScratch = new double[2 * (model.Copula?.Size ?? 0)];
        WorldLambda = new double[Lanes];
        WorldDiversionFactor = new double[Worlds];
        WorldGrowthKept = new double[Worlds];
        WorldExitProbability = new double[Lanes * k];
        WorldPairProbability = new double[Lanes * model.Pairs];
        WorldSplitProbability = new double[Lanes * k];
        WorldHoldsAny = new bool[Worlds];
        LaneStock = new Vector256<double>[k];
        LaneExits = new Vector256<double>[k];
        LaneMovesOut = new Vector256<double>[k];
        LaneMovesIn = new Vector256<double>[k];
        LaneEntriesByType = new Vector256<double>[k];
        WorldSplitType = new int[Worlds * k];
        WorldSplitCount = new int[Worlds];
        WorldSplitLast = new int[Worlds];
        WorldHeld = new bool[Worlds * k];
        WorldEntries = new double[Worlds];
        WorldExits = new double[Worlds * k];
        WorldMovesOut = new double[Worlds * k];
        WorldMovesIn = new double[Worlds * k];
        WorldEntriesByType = new double[Worlds * k];
        bool negativeBinomial = model.EntryDispersion is { } dispersion && dispersion > 0 && !double.IsPositiveInfinity(dispersion);
        EntryStepRatios = negativeBinomial ? new double[EntryStepRatioCount] : [];
        if (negativeBinomial)
        {
            DiscreteInverse.NegativeBinomialStepRatios(model.EntryDispersion!.Value, EntryStepRatios);
        }
    }

    /// <summary>How many of the entries' negative-binomial step ratios are tabled (searches from 0 have means ≤ 100).</summary>
    private const int EntryStepRatioCount = 512;

    public double[] Values { get; }
    public double[] StockShare { get; }
    public double[] EntryShare { get; }
    public double[] StartStock { get; }
    public double[] ExitRate { get; }
    public double[] MonthlyCost { get; }
    public double[] Inflation { get; }

    /// <summary>Per type, the annual uplift of the budget baseline (standstill).</summary>
    public double[] BudgetInflation { get; }
    public double[] CostNow { get; }

    /// <summary>
    /// Per type and month, [type × months + m], this trial's monthly price before risk events:
    /// monthly cost × (1 + inflation)^(m/12) (see <see cref="Simulator.FillPricePath"/>).
    /// </summary>
    public double[] PricePath { get; }

    /// <summary>
    /// As <see cref="PricePath"/> at the budget's inflation; filled only for the types whose budget
    /// inflation is a different input from their price inflation (the others' budget is the price).
    /// </summary>
    public double[] BudgetPricePath { get; }
    public double[] PairBase { get; }
    public double[] PairAdd { get; }
    public double[] EffectSize { get; }

    /// <summary>Per effect, its size with the realisation factor at plan (the unadjusted world).</summary>
    public double[] EffectSizeUnadjusted { get; }

    /// <summary>The unadjusted programme world's stock per type.</summary>
    public double[] Unadjusted { get; }

    /// <summary>The unadjusted world's month sums per FY (as <see cref="Yearly"/>).</summary>
    public double[] YearlyUnadjusted { get; }
    public int[] EffectActualStart { get; }
    public int[] LineActualStart { get; }
    public double[] Lambda { get; }
    public double[] Spend { get; }
    public double[] Programme { get; }
    public double[] DoNothing { get; }
    public double[] Uniforms { get; }

    /// <summary>The most worlds a month steps: programme, do-nothing and unadjusted programme.</summary>
    public const int Worlds = 3;

    /// <summary>The lanes of the vectors the worlds are stepped in (world w in lane w; the lanes past the worlds hold 0).</summary>
    public const int Lanes = DiscreteInverse.MaxLanes;

    /// <summary>
    /// Per world and uniform slot, the binomial draw site's cache, [world × uniforms a month + slot]
    /// (slot 0, the entries, has none). Carried across trials: a cache holds a pure function of p.
    /// </summary>
    public BinomialLogCache[] BinomialCaches { get; }
    public double[] Exits { get; }
    public double[] MovesOut { get; }
    public double[] MovesIn { get; }
    public double[] EntriesByType { get; }
    public double[] Uplift { get; }
    public bool[] OneInOneOut { get; }
    public double DiversionFactor { get; set; }
    public double GrowthKept { get; set; }
    public bool AnyOneInOneOut { get; set; }

    /// <summary>Per type, Π(1 − size) of the targeted entry diversions naming it, this month.</summary>
    public double[] TypeDiversion { get; }

    /// <summary>Per type, Π(1 − size) of the targeted growth diversions naming it, this month.</summary>
    public double[] TypeGrowthKept { get; }

    /// <summary>The programme world's entry mix this month when a targeted diversion is active.</summary>
    public double[] ProgrammeEntryShare { get; }

    /// <summary>Whether a targeted diversion is active this month (see <see cref="EntryTargeting"/>).</summary>
    public bool AnyTargetedEntries { get; set; }
    public double[] Yearly { get; }
    public int[] Months { get; }

    /// <summary>Programme-world LAC at the end of each month of the trial (for the LAC fan).</summary>
    public double[] LacByMonthEnd { get; }

    /// <summary>The trial's input uniforms, one per input dimension, before the quantiles.</summary>
    public double[] InputUniforms { get; }

    /// <summary>Scratch for the copula's normal scores (2 × its size).</summary>
    public double[] CopulaScratch { get; }

    /// <summary>Risk events: per month, the factor on expected entries (empty without events).</summary>
    public double[] EntryFactor { get; }

    /// <summary>Risk events: [type × months + month], the factor on the weekly cost.</summary>
    public double[] CostFactor { get; }

    /// <summary>Risk events: [type × months + month], the factor on the exit rate.</summary>
    public double[] ExitFactor { get; }

    /// <summary>Per event, the index of the first FY it occurred in this trial, or −1.</summary>
    public int[] EventFirstFy { get; }

    // The worlds stepped together (programme, do-nothing, unadjusted programme: w = 0, 1, 2): each
    // world's parameters for the month, fixed before any draw, then its flows. The parameters are
    // lane-major, [item × Lanes + w], so one draw's parameters for all worlds load as one vector;
    // the per-world flows below are [w × types + type].

    /// <summary>Per world (lane), this month's expected entries.</summary>
    public double[] WorldLambda { get; }

    /// <summary>Per type and world, [type × Lanes + w], this month's exit probability (after competing risks).</summary>
    public double[] WorldExitProbability { get; }

    /// <summary>Per programme world, the <see cref="DiversionFactor"/> its last full <see cref="Simulator"/> preparation used.</summary>
    public double[] WorldDiversionFactor { get; }

    /// <summary>Per programme world, the <see cref="GrowthKept"/> its last full preparation used.</summary>
    public double[] WorldGrowthKept { get; }

    /// <summary>Per step-down pair and world, [pair × Lanes + w], the conditional probability of the move.</summary>
    public double[] WorldPairProbability { get; }

    /// <summary>The one-world step's split plan (<see cref="Simulator"/>'s <c>PlanSplit</c>): per type, whether one-in-one-out holds it.</summary>
    public bool[] SplitHeld { get; }

    /// <summary>The one-world step's split plan: per split draw, the conditional share of the entries left.</summary>
    public double[] SplitProbability { get; }

    /// <summary>The one-world step's split plan: per split draw, the type it draws for.</summary>
    public int[] SplitType { get; }

    /// <summary>Per split draw s and world, [s × Lanes + w], the conditional share of the entries left for type <see cref="WorldSplitType"/>.</summary>
    public double[] WorldSplitProbability { get; }

    /// <summary>Per world, whether one-in-one-out holds any type this month (then the split differs by world).</summary>
    public bool[] WorldHoldsAny { get; }

    /// <summary>Per type, the worlds' stocks while the worlds are stepped together (world w in lane w).</summary>
    public Vector256<double>[] LaneStock { get; }

    /// <summary>Per type, this month's exits of every world (lanes as <see cref="LaneStock"/>).</summary>
    public Vector256<double>[] LaneExits { get; }

    /// <summary>Per type, this month's step-downs out of the type, every world.</summary>
    public Vector256<double>[] LaneMovesOut { get; }

    /// <summary>Per type, this month's step-downs into the type, every world.</summary>
    public Vector256<double>[] LaneMovesIn { get; }

    /// <summary>Per type, this month's entries into the type, every world.</summary>
    public Vector256<double>[] LaneEntriesByType { get; }

    /// <summary>Per world and split draw s, the type it draws for.</summary>
    public int[] WorldSplitType { get; }

    /// <summary>Per world, how many split draws it makes this month.</summary>
    public int[] WorldSplitCount { get; }

    /// <summary>Per world, the type that takes the entries left after the split draws.</summary>
    public int[] WorldSplitLast { get; }

    /// <summary>Per world and type, whether one-in-one-out holds the type this month.</summary>
    public bool[] WorldHeld { get; }

    /// <summary>Per world, this month's entries.</summary>
    public double[] WorldEntries { get; }

    /// <summary>Per world and type, this month's exits.</summary>
    public double[] WorldExits { get; }

    /// <summary>Per world and type, this month's step-downs out of the type.</summary>
    public double[] WorldMovesOut { get; }

    /// <summary>Per world and type, this month's step-downs into the type.</summary>
    public double[] WorldMovesIn { get; }

    /// <summary>Per world and type, this month's entries into the type.</summary>
    public double[] WorldEntriesByType { get; }

    /// <summary>The entries' negative-binomial step ratios (x + k)/(x + 1) (empty for Poisson entries).</summary>
    public double[] EntryStepRatios { get; }
}
