using RiskSim.Core.Model;
using RiskSim.Core.Sampling;
using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Core.Engine;

/// <summary>
/// A scenario turned into flat arrays and indices, once, before any trial runs, so that the
/// simulation loop does no look-ups and no allocation. Every input of the scenario gets an index
/// into one value vector; uncertain inputs (and sampled placement mixes) become trial columns.
/// </summary>
public sealed partial class CompiledModel
{
    private readonly List<Input> inputs = [];

    private CompiledModel(Scenario scenario)
    {
        Scenario = scenario;
        Horizon = scenario.Horizon;
        MonthCount = Horizon.MonthCount;
        FyCount = Horizon.FinancialYears.Count;
        Types = scenario.PlacementTypes.Count;
        FyOfMonth = new int[MonthCount];
        for (int m = 0; m < MonthCount; m++)
        {
            FyOfMonth[m] = Horizon.FyIndexOfMonth(m);
        }

        var typeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < Types; k++)
        {
            typeIndex.Add(scenario.PlacementTypes[k].Id, k);
        }

        // Placement types.
        StockShare = new double[Types];
        EntryShare = new double[Types];
        WeeklyCostInput = new int[Types];
        InflationInput = new int[Types];
        BudgetInflationInput = new int[Types];
        ExitRateInput = new int[Types];
        for (int k = 0; k < Types; k++)
        {
            var type = scenario.PlacementTypes[k];
            StockShare[k] = type.StockShare;
            EntryShare[k] = type.EntryShare;
            WeeklyCostInput[k] = Add(type.WeeklyCostGbp);
            InflationInput[k] = Add(type.UnitCostInflation);
            ExitRateInput[k] = Add(type.ExitRate);
            BudgetInflationInput[k] = type.BudgetInflation is { } budget ? Add(budget) : InflationInput[k];
        }

        // Demand.
        var demand = scenario.Demand;
        StartStockTotal = demand.StartStock;
        StockMixConcentration = demand.StockMixConcentration;
        EntryMixConcentration = demand.EntryMixConcentration;
        EntryDispersion = demand.EntryDispersion;
        EntriesByFyInput = new int[FyCount];
        if (demand.EntriesPerMonthByFy is { } byFy)
        {
            Array.Fill(EntriesByFyInput, -1);
            foreach (var (fy, input) in byFy.OrderBy(p => p.Key.StartYear))
            {
                EntriesByFyInput[Horizon.IndexOf(fy)] = Add(input);
            }

            if (Array.IndexOf(EntriesByFyInput, -1) >= 0)
            {
                throw new ArgumentException("entries per month by FY must give every FY of the horizon.");
            }
        }
        else
        {
            Array.Fill(EntriesByFyInput, Add(demand.EntriesPerMonth
                ?? throw new ArgumentException("demand needs entries per month, single or by FY.")));
        }

        GrowthInput = Add(demand.AnnualGrowth);
        RateMultiplierInput = Add(demand.RateMultiplier);

        // A dated step: inputs are keyed by name, so adding it moves no other input's draws.
        if (demand.Step is { } step)
        {
            EntryStepInput = Add(step.Size);
            EntryStepMonth = Horizon.IndexOf(step.Month);
        }
        else
        {
            EntryStepInput = -1;
            EntryStepMonth = MonthCount;
        }

        // Step-down pairs: the union of baseline pairs and pairs programme effects add to.
        var pairs = new List<(int From, int To)>();
        var baseInput = new List<int>();
        int PairOf(string from, string to)
        {
            var key = (typeIndex[from], typeIndex[to]);
            int i = pairs.IndexOf(key);
            if (i < 0)
            {
                pairs.Add(key);
                baseInput.Add(-1);
                i = pairs.Count - 1;
            }

            return i;
        }

        foreach (var s in scenario.StepDowns)
        {
            baseInput[PairOf(s.From, s.To)] = Add(s.MonthlyRate);
        }

        foreach (var e in scenario.Effects.OfType<StepDownUplift>())
        {
            PairOf(e.From, e.To);
        }

        // Order pairs by source type so each type's moves are drawn together.
        var order = Enumerable.Range(0, pairs.Count).OrderBy(i => pairs[i].From).ThenBy(i => i).ToArray();
        PairFrom = order.Select(i => pairs[i].From).ToArray();
        PairTo = order.Select(i => pairs[i].To).ToArray();
        PairBaseInput = order.Select(i => baseInput[i]).ToArray();
        Pairs = PairFrom.Length;

        // Investment lines.
        var lineIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        Lines = scenario.InvestmentLines.Count;
        LinePlannedStart = new int[Lines];
        LineDelayInput = new int[Lines];
        LineAgencyCover = new double[Lines];
        LineCovered = new bool[Lines];
        LineBenefitLagInput = new int[Lines];
        LinePlannedSpend = new double[Lines * MonthCount];
        for (int l = 0; l < Lines; l++)
        {
            var line = scenario.InvestmentLines[l];
            lineIndex.Add(line.Id, l);
            LinePlannedStart[l] = Horizon.IndexOf(line.PlannedStart);
            LineDelayInput[l] = Add(line.RecruitmentDelayMonths);
            LineAgencyCover[l] = line.AgencyCoverRatio ?? 0.0;
            LineCovered[l] = line.AgencyCoverRatio is not null;
            LineBenefitLagInput[l] = Add(line.BenefitLagMonths ?? Input.Fixed(line.Id + "_benefit_lag_months", 0));
            SpreadPlannedSpend(line, LinePlannedSpend.AsSpan(l * MonthCount, MonthCount));
        }

        // Effects.
        Effects = scenario.Effects.Count;
        EffectKind = new EffectKind[Effects];
        EffectSizeInput = new int[Effects];
        EffectStart = new int[Effects];
        EffectEnd = new int[Effects];
        EffectRamp = new int[Effects];
        EffectPair = new int[Effects];
        EffectTypeMask = new bool[Effects * Types];
        EffectTargeted = new bool[Effects];
        EffectLines = new int[Effects][];
        for (int e = 0; e < Effects; e++)
        {
            var effect = scenario.Effects[e];
            EffectStart[e] = Horizon.IndexOf(effect.Start);
            EffectEnd[e] = effect.End is { } end ? Horizon.IndexOf(end) : int.MaxValue;
            EffectRamp[e] = effect.RampMonths;
            EffectLines[e] = effect.Lines.Select(id => lineIndex[id]).ToArray();
            EffectPair[e] = -1;
            EffectSizeInput[e] = -1;
            var mask = EffectTypeMask.AsSpan(e * Types, Types);
            switch (effect)
            {
                case EntryDiversion d:
                    EffectKind[e] = Engine.EffectKind.EntryDiversion;
                    EffectSizeInput[e] = Add(d.Size);
                    EffectTargeted[e] = SetTargetMask(mask, d.Types, typeIndex);
                    break;
                case GrowthDiversion g:
                    EffectKind[e] = Engine.EffectKind.GrowthDiversion;
                    EffectSizeInput[e] = Add(g.Size);
                    EffectTargeted[e] = SetTargetMask(mask, g.Types, typeIndex);
                    break;
                case ExitUplift x:
                    EffectKind[e] = Engine.EffectKind.ExitUplift;
                    EffectSizeInput[e] = Add(x.Size);
                    SetMask(mask, x.Types, typeIndex, emptyMeansAll: true);
                    break;
                case StepDownUplift s:
                    EffectKind[e] = Engine.EffectKind.StepDown;
                    EffectSizeInput[e] = Add(s.Size);
                    EffectPair[e] = FindPair(typeIndex[s.From], typeIndex[s.To]);
                    break;
                case OneInOneOut o:
                    EffectKind[e] = Engine.EffectKind.OneInOneOut;
                    SetMask(mask, o.Types, typeIndex, emptyMeansAll: false);
                    break;
                default:
                    throw new ArgumentException($"unknown effect type {effect.GetType().Name}.");
            }
        }

        // Benefit realisation: one factor multiplying the sizes of the effects it applies to.
        EffectRealised = new bool[Effects];
        RealisationInput = -1;
        if (scenario.Realisation is { } realisation)
        {
            RealisationInput = Add(realisation.Factor);
            for (int e = 0; e < Effects; e++)
            {
                EffectRealised[e] = EffectSizeInput[e] >= 0 && realisation.AppliesTo(scenario.Effects[e].Id);
            }
        }

        // Workforce saving and pressures.
        WorkforcePlanGbp = new double[FyCount];
        if (scenario.Workforce is { } wf)
        {
            foreach (var (fy, amount) in wf.AmountsGbpByFy)
            {
                WorkforcePlanGbp[Horizon.IndexOf(fy)] = amount;
            }

            WorkforceScales = wf.ScalesWithLacReduction;
        }

        var pressureInputs = new List<int>[FyCount];
        for (int f = 0; f < FyCount; f++)
        {
            pressureInputs[f] = [];
        }

        foreach (var p in scenario.Pressures)
        {
            foreach (var (fy, input) in p.AmountsGbpByFy.OrderBy(x => x.Key.StartYear))
            {
                pressureInputs[Horizon.IndexOf(fy)].Add(Add(input));
            }
        }

        PressureInputs = pressureInputs.Select(l => l.ToArray()).ToArray();
        Budget = new Accounting.CompiledBudget(scenario.Budget, Horizon, Add);

        Inputs = inputs;
        SampledInputs = Enumerable.Range(0, inputs.Count).Where(i => inputs[i].Distribution.IsUncertain).ToArray();
        var columns = SampledInputs.Select(i => inputs[i].Name).ToList();
        if (StockMixConcentration is not null)
        {
            columns.AddRange(scenario.PlacementTypes.Select(t => $"stock_share_{t.Id}"));
        }

        if (EntryMixConcentration is not null)
        {
            columns.AddRange(scenario.PlacementTypes.Select(t => $"entry_share_{t.Id}"));
        }

        InputColumns = columns;
        Events = new CompiledEvents(this, scenario, typeIndex);
        InputDimensions = [.. columns, .. Events.DimensionNames];

        // Correlations act on the scalar inputs, which lead the dimension list.
        Copula = GaussianCopula.Create(
            columns.Take(SampledInputs.Length).ToList(), scenario.Correlations, scenario.RepairCorrelations);
        UniformsPerMonth = 1 + (Types - 1) + Types + Pairs;
    }

    /// <summary>The scenario this was compiled from.</summary>
    public Scenario Scenario { get; }

    /// <summary>Simulated months and FYs.</summary>
    public Horizon Horizon { get; }

    /// <summary>The horizon's financial years.</summary>
    public IReadOnlyList<FinancialYear> FinancialYears => Horizon.FinancialYears;

    /// <summary>Every input of the scenario, in value-vector order.</summary>
    public IReadOnlyList<Input> Inputs { get; }

    /// <summary>Names of the per-trial sampled columns (uncertain inputs, then sampled mixes).</summary>
    public IReadOnlyList<string> InputColumns { get; }

    /// <summary>
    /// The input design's dimensions: one per <see cref="InputColumns"/> entry, then one per risk
    /// event and FY (<c>event_&lt;id&gt;_&lt;fy&gt;</c>), whose uniform decides whether and when it occurs.
    /// </summary>
    public IReadOnlyList<string> InputDimensions { get; }

    /// <summary>Names of the per-trial event columns, <c>event_&lt;id&gt;_fy</c> (the first FY the event occurs in).</summary>
    public IReadOnlyList<string> EventColumns => Events.Columns;

    /// <summary>The scenario's risk events, compiled.</summary>
    internal CompiledEvents Events { get; }

    /// <summary>The copula imposing the scenario's rank correlations, or null when there are none.</summary>
    public GaussianCopula? Copula { get; }

    internal int MonthCount { get; }
    internal int FyCount { get; }
    internal int Types { get; }
    internal int Pairs { get; }
    internal int Lines { get; }
    internal int Effects { get; }
    internal int UniformsPerMonth { get; }
    internal int[] FyOfMonth { get; }
    internal int StartStockTotal { get; }
    internal double[] StockShare { get; }
    internal double[] EntryShare { get; }
    internal double? StockMixConcentration { get; }
    internal double? EntryMixConcentration { get; }
    internal int[] WeeklyCostInput { get; }
    internal int[] InflationInput { get; }

    /// <summary>Per type, the input of the budget (standstill) uplift; the same index as <see cref="InflationInput"/> when the budget follows prices.</summary>
    internal int[] BudgetInflationInput { get; }

    /// <summary>Negative-binomial dispersion of monthly entries, or null for Poisson.</summary>
    internal double? EntryDispersion { get; }
    internal int[] ExitRateInput { get; }
    internal int[] EntriesByFyInput { get; }
    internal int GrowthInput { get; }
    internal int RateMultiplierInput { get; }

    /// <summary>Input of the relative entry step, or −1 when the scenario has none.</summary>
    internal int EntryStepInput { get; }

    /// <summary>First month index at the stepped entry rate (<see cref="MonthCount"/> when there is no step).</summary>
    internal int EntryStepMonth { get; }
    internal int[] PairFrom { get; }
    internal int[] PairTo { get; }
    internal int[] PairBaseInput { get; }
    internal int[] LinePlannedStart { get; }
    internal int[] LineDelayInput { get; }
    internal double[] LineAgencyCover { get; }

    /// <summary>Whether a line's vacancies are covered (by agency): its effects are then not delayed by recruitment.</summary>
    internal bool[] LineCovered { get; }

    /// <summary>Per line, the input of the months from being in place to the benefit beginning.</summary>
    internal int[] LineBenefitLagInput { get; }
    internal double[] LinePlannedSpend { get; }
    internal EffectKind[] EffectKind { get; }
    internal int[] EffectSizeInput { get; }
    /// <summary>Per effect, whether the realisation factor multiplies its size.</summary>
    internal bool[] EffectRealised { get; }

    /// <summary>The input index of the realisation factor, or −1 when the scenario has none.</summary>
    public int RealisationInput { get; }

    internal int[] EffectStart { get; }
    internal int[] EffectEnd { get; }
    internal int[] EffectRamp { get; }
    internal int[] EffectPair { get; }
    internal bool[] EffectTypeMask { get; }

    /// <summary>
    /// Per effect, whether an entry or growth diversion acts on only some types' entrants. A list
    /// naming every type is not targeted: it is the untargeted effect and computed exactly as it.
    /// </summary>
    internal bool[] EffectTargeted { get; }
    internal int[][] EffectLines { get; }
    internal double[] WorkforcePlanGbp { get; }
    internal bool WorkforceScales { get; }
    internal int[][] PressureInputs { get; }

    /// <summary>The scenario's budget framing (baseline, funded growth, contingency), compiled.</summary>
    internal Accounting.CompiledBudget Budget { get; }
    internal int[] SampledInputs { get; }

    /// <summary>Plan-mode LAC reduction per FY (start stock − average stock), set by <see cref="Compile"/>; scales workforce savings.</summary>
    internal double[] PlanLacReduction { get; private set; } = [];

    /// <summary>Compiles a validated scenario.</summary>
    public static CompiledModel Compile(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var model = new CompiledModel(scenario);

        // The plan's own LAC reduction is the yardstick for scaling workforce savings in trials.
        var plan = PlanRunner.RunUnscaled(model);
        model.PlanLacReduction = new double[model.FyCount];
        for (int f = 0; f < model.FyCount; f++)
        {
            model.PlanLacReduction[f] = model.StartStockTotal - plan.Get(f, Results.Metric.LacAverage);
        }

        return model;
    }

    private int Add(Input input)
    {
        inputs.Add(input);
        return inputs.Count - 1;
    }

    private int FindPair(int from, int to)
    {
        for (int p = 0; p < PairFrom.Length; p++)
        {
            if (PairFrom[p] == from && PairTo[p] == to)
            {
                return p;
            }
        }

        throw new InvalidOperationException("step-down pair missing after compilation.");
    }

    /// <summary>Sets a diversion's mask (empty = all); returns whether it leaves out some type.</summary>
    private static bool SetTargetMask(Span<bool> mask, IReadOnlyList<string> ids, Dictionary<string, int> typeIndex)
    {
        SetMask(mask, ids, typeIndex, emptyMeansAll: true);
        return mask.Contains(false);
    }

    private static void SetMask(Span<bool> mask, IReadOnlyList<string> ids, Dictionary<string, int> typeIndex, bool emptyMeansAll)
    {
        if (ids.Count == 0 && emptyMeansAll)
        {
            mask.Fill(true);
            return;
        }

        foreach (var id in ids)
        {
            mask[typeIndex[id]] = true;
        }
    }

    /// <summary>Spreads a line's planned spend over months: an FY's amount evenly over its months from the planned start.</summary>
    private void SpreadPlannedSpend(InvestmentLine line, Span<double> spend)
    {
        int start = Horizon.IndexOf(line.PlannedStart);
        if (line.AmountsGbpByFy is { } amounts)
        {
            foreach (var (fy, amount) in amounts)
            {
                int fyIndex = Horizon.IndexOf(fy);
                int first = Math.Max(start, 0);
                int months = 0;
                for (int m = first; m < MonthCount; m++)
                {
                    if (FyOfMonth[m] == fyIndex)
                    {
                        months++;
                    }
                }

                if (months == 0)
                {
                    if (amount != 0)
                    {
                        throw new ArgumentException(
                            $"investment line '{line.Id}' has £{amount} in {fy} but no funded month of that FY inside the horizon from {line.PlannedStart}.");
                    }

                    continue;
                }

                for (int m = first; m < MonthCount; m++)
                {
                    if (FyOfMonth[m] == fyIndex)
                    {
                        spend[m] += amount / months;
                    }
                }
            }
        }
        else if (line.Posts is { } posts)
        {
            int end = Math.Min(Horizon.IndexOf(posts.End), MonthCount - 1);
            for (int m = Math.Max(start, 0); m <= end; m++)
            {
                spend[m] += posts.Count * posts.AnnualCostGbp / 12.0;
            }
        }
    }
}
