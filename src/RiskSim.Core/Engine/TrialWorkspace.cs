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
        PairBase = new double[model.Pairs];
        PairAdd = new double[model.Pairs];
        EffectSize = new double[model.Effects];
        EffectActualStart = new int[model.Effects];
        LineActualStart = new int[model.Lines];
        Lambda = new double[model.MonthCount];
        Spend = new double[model.MonthCount];
        Programme = new double[k];
        DoNothing = new double[k];
        Uniforms = new double[model.UniformsPerMonth];
        Exits = new double[k];
        MovesOut = new double[k];
        MovesIn = new double[k];
        EntriesByType = new double[k];
        Uplift = new double[k];
        OneInOneOut = new bool[k];
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
    }

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
    public double[] PairBase { get; }
    public double[] PairAdd { get; }
    public double[] EffectSize { get; }
    public int[] EffectActualStart { get; }
    public int[] LineActualStart { get; }
    public double[] Lambda { get; }
    public double[] Spend { get; }
    public double[] Programme { get; }
    public double[] DoNothing { get; }
    public double[] Uniforms { get; }
    public double[] Exits { get; }
    public double[] MovesOut { get; }
    public double[] MovesIn { get; }
    public double[] EntriesByType { get; }
    public double[] Uplift { get; }
    public bool[] OneInOneOut { get; }
    public double DiversionFactor { get; set; }
    public double GrowthKept { get; set; }
    public bool AnyOneInOneOut { get; set; }
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
}
