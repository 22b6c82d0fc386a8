using RiskSim.Core.Random;
using RiskSim.Core.Results;

namespace RiskSim.Core.Engine;

/// <summary>
/// Plan mode: every input at its planned value and expected flows instead of draws. This is the
/// paper's own deterministic line, which a faithful scenario reproduces.
/// </summary>
public static class PlanRunner
{
    /// <summary>Runs plan mode.</summary>
    public static PlanResult Run(CompiledModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return RunUnscaled(model);
    }

    /// <summary>Plan mode; workforce savings are never scaled here (the plan is their yardstick).</summary>
    internal static PlanResult RunUnscaled(CompiledModel model) => RunTraced(model, out _, out _);

    /// <summary>Plan mode with its month trace and workspace (tests look inside both).</summary>
    internal static PlanResult RunTraced(CompiledModel model, out MonthTrace trace, out TrialWorkspace workspace)
    {
        var ws = new TrialWorkspace(model);
        var rng = default(Xoshiro256StarStar);
        Simulator.SetInputs(model, ws, design: null, trial: 0);
        Simulator.ThrowIfBeyondCapacity(model, ws, trial: null);
        trace = new MonthTrace(model.MonthCount, model.Types);
        var yearly = new double[model.FyCount * Metrics.Count];
        int breakeven = Simulator.Run<ExpectedFlows>(model, ws, ref rng, scaleWorkforce: false, yearly, trace);
        workspace = ws;
        FiniteGuard.ThrowIfNonFinite(yearly, model.FinancialYears, trial: null);
        return new PlanResult(model.Horizon, model.StartStockTotal, yearly, trace.ProgrammeStockEnd, breakeven);
    }
}
