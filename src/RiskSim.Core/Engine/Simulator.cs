using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using RiskSim.Core.Random;
using RiskSim.Core.Results;
using RiskSim.Core.Sampling;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Core.Engine;

/// <summary>
/// One trial: sets the inputs, then steps the programme world and the do-nothing world month by
/// month on the same uniforms, and fills the per-FY rows (see docs/model.md for the equations).
/// </summary>
/// <remarks>
/// The month loop's methods that are not inlined carry <see cref="MethodImplOptions.AggressiveOptimization"/>:
/// their vector code is not ReadyToRun-precompiled, and the CLI runs without dynamic PGO, so tiering
/// would only add a tier-0 compile, on-stack replacement and a tier-1 recompile (on the JIT's thread,
/// competing with the trials) before the same optimised code. Marking them instead of turning quick
/// JIT for loops off process-wide keeps the start-up of small runs (100 trials: 0.37 s against 0.44 s);
/// 50,000 trials on two threads: 2.66 s marked, 2.68 s with quick JIT for loops off, 2.78 s with neither.
/// </remarks>
internal static class Simulator
{
    /// <summary>Average weeks in a month: weekly cost × 52 / 12.</summary>
    private const double WeeksPerMonth = 52.0 / 12.0;

    /// <summary>
    /// Sets <paramref name="ws"/>'s inputs: from <paramref name="design"/>'s uniforms for trial
    /// <paramref name="trial"/> (through the copula, then each distribution's quantile), or every
    /// input at its plan value when <paramref name="design"/> is null. Inputs never touch the flow
    /// stream, so how they are drawn cannot move a child.
    /// </summary>
    /// <param name="model">The compiled scenario.</param>
    /// <param name="ws">The trial's workspace.</param>
    /// <param name="design">The input design, or null for every input at plan.</param>
    /// <param name="trial">The trial index.</param>
    /// <param name="heldAtPlan">Optional, per input: true holds that input at its plan value while
    /// its uniform is still drawn (and passed through the copula), so every other input and flow
    /// keeps its draw: the "as the paper assumes" pass of a scenario with a realisation factor.</param>
    public static void SetInputs(CompiledModel model, TrialWorkspace ws, InputDesign? design, long trial, bool[]? heldAtPlan = null)
    {
        var inputs = model.Inputs;
        if (design is null)
        {
            for (int i = 0; i < inputs.Count; i++)
            {
                ws.Values[i] = inputs[i].Plan;
            }

            model.StockShare.CopyTo(ws.StockShare, 0);
            model.EntryShare.CopyTo(ws.EntryShare, 0);
            ClearEvents(model, ws);
            Derive(model, ws);
            return;
        }

        Debug.Assert(design.Dimensions == model.InputDimensions.Count, "one uniform per input dimension");
        var u = ws.InputUniforms;
        design.Fill(trial, u);
        model.Copula?.Apply(u, ws.CopulaScratch);

        int d = 0;
        for (int i = 0; i < inputs.Count; i++)
        {
            var distribution = inputs[i].Distribution;
            ws.Values[i] = distribution.IsUncertain ? distribution.Quantile(u[d++]) : distribution.Plan;
            if (heldAtPlan is not null && heldAtPlan[i])
            {
                ws.Values[i] = distribution.Plan;
            }
        }

        d = DrawMix(model.StockShare, model.StockMixConcentration, ws.StockShare, u, d);
        d = DrawMix(model.EntryShare, model.EntryMixConcentration, ws.EntryShare, u, d);
        DrawEvents(model, ws, u, d);
        Derive(model, ws);
    }

    /// <summary>No event occurs: every factor 1 (plan mode and fixed inputs).</summary>
    private static void ClearEvents(CompiledModel model, TrialWorkspace ws)
    {
        Array.Fill(ws.EntryFactor, 1.0);
        Array.Fill(ws.CostFactor, 1.0);
        Array.Fill(ws.ExitFactor, 1.0);
        Array.Fill(ws.EventFirstFy, -1);
        Debug.Assert(model.Events.Count == ws.EventFirstFy.Length, "one slot per event");
    }

    /// <summary>
    /// Decides each event's occurrences from its per-FY uniforms (see <see cref="CompiledEvents"/>)
    /// and multiplies the affected month factors. An event that recurs while its impact lasts
    /// extends the impact rather than compounding it (a second poor inspection does not multiply
    /// demand again); impacts of different events multiply.
    /// </summary>
    private static void DrawEvents(CompiledModel model, TrialWorkspace ws, double[] uniforms, int d)
    {
        var events = model.Events;
        if (events.Count == 0)
        {
            return;
        }

        ClearEvents(model, ws);
        int months = model.MonthCount;
        for (int e = 0; e < events.Count; e++)
        {
            int activeUntil = 0; // months before this already carry this event's factor
            for (int f = 0; f < model.FyCount; f++)
            {
                double u = uniforms[d++];
                double p = events.Probability[(e * model.FyCount) + f];
                if (!(u < p))
                {
                    continue;
                }

                if (ws.EventFirstFy[e] < 0)
                {
                    ws.EventFirstFy[e] = f;
                }

                int start = events.FyFirstMonth[f] + Math.Min((int)(u / p * events.FyMonths[f]), events.FyMonths[f] - 1);
                int end = Math.Min(months, start + events.Months[e]);
                var factor = events.Target[e] switch
                {
                    CompiledEvents.EventTarget.Entries => ws.EntryFactor.AsSpan(),
                    CompiledEvents.EventTarget.WeeklyCost => ws.CostFactor.AsSpan(events.TargetType[e] * months, months),
                    _ => ws.ExitFactor.AsSpan(events.TargetType[e] * months, months),
                };
                for (int m = Math.Max(start, activeUntil); m < end; m++)
                {
                    factor[m] *= events.Multiply[e];
                }

                activeUntil = Math.Max(activeUntil, end);
            }
        }
    }

    /// <summary>
    /// Dirichlet(share × concentration) from one uniform per type: normalised Gamma(share × c, 1)
    /// variates taken by their quantiles, so every input design (LHS, Sobol matrices) applies to
    /// mixes too. Returns the next unused dimension.
    /// </summary>
    private static int DrawMix(double[] plan, double? concentration, double[] result, double[] uniforms, int d)
    {
        if (concentration is not { } c)
        {
            plan.CopyTo(result, 0);
            return d;
        }

        // Gamma variates of small shape underflow to 0 (a shape of 0.001 gives values like 1e-300
        // or exactly 0), so a sum of them can be 0 and the shares 0/0. Working with log-gammas and
        // normalising by the largest keeps every share finite and summing to 1 for any shape > 0.
        double maxLog = double.NegativeInfinity;
        for (int k = 0; k < plan.Length; k++)
        {
            result[k] = plan[k] > 0 ? GammaQuantile.Log(plan[k] * c, uniforms[d + k]) : double.NegativeInfinity;
            maxLog = Math.Max(maxLog, result[k]);
        }

        double sum = 0;
        for (int k = 0; k < plan.Length; k++)
        {
            result[k] = Math.Exp(result[k] - maxLog);
            sum += result[k];
        }

        Debug.Assert(sum >= 1.0, "the largest term is exp(0) = 1");
        for (int k = 0; k < plan.Length; k++)
        {
            result[k] /= sum;
        }

        return d + plan.Length;
    }

    /// <summary>Turns the value vector into the arrays the month loop reads.</summary>
    private static void Derive(CompiledModel model, TrialWorkspace ws)
    {
        var v = ws.Values;
        int types = model.Types;
        for (int k = 0; k < types; k++)
        {
            ws.ExitRate[k] = v[model.ExitRateInput[k]];
            ws.MonthlyCost[k] = v[model.WeeklyCostInput[k]] * WeeksPerMonth;
            ws.Inflation[k] = v[model.InflationInput[k]];
            ws.BudgetInflation[k] = v[model.BudgetInflationInput[k]];
        }

        RoundStock(model.StartStockTotal, ws.StockShare, ws.StartStock);

        for (int p = 0; p < model.Pairs; p++)
        {
            int input = model.PairBaseInput[p];
            ws.PairBase[p] = input >= 0 ? v[input] : 0.0;
        }

        // Actual starts: planned start + whole months of recruitment delay.
        for (int l = 0; l < model.Lines; l++)
        {
            ws.LineActualStart[l] = model.LinePlannedStart[l] + DelayMonths(v[model.LineDelayInput[l]]);
        }

        // An effect waits for the latest of its lines: for recruitment, unless the line's vacancies are
        // covered (the work happens, at the agency price), then for the line's benefit lag.
        for (int e = 0; e < model.Effects; e++)
        {
            int delay = 0;
            foreach (int l in model.EffectLines[e])
            {
                int recruitment = model.LineCovered[l] ? 0 : ws.LineActualStart[l] - model.LinePlannedStart[l];
                delay = Math.Max(delay, recruitment + DelayMonths(v[model.LineBenefitLagInput[l]]));
            }

            ws.EffectActualStart[e] = model.EffectStart[e] + delay;
            int input = model.EffectSizeInput[e];
            double size = input >= 0 ? v[input] : 0.0;
            ws.EffectSize[e] = model.EffectRealised[e] ? Realised(model, e, size, v[model.RealisationInput]) : size;

            // The unadjusted world ("as the paper assumes"): the realisation factor at its plan value,
            // exactly what a pass with that input held at plan computes.
            ws.EffectSizeUnadjusted[e] = model.EffectRealised[e] ? Realised(model, e, size, model.Inputs[model.RealisationInput].Distribution.Plan) : size;
        }

        double growth = v[model.GrowthInput];
        double multiplier = v[model.RateMultiplierInput];
        double stepped = model.EntryStepInput >= 0 ? multiplier * (1 + v[model.EntryStepInput]) : multiplier;
        // (1 + growth)^(m/12) for every month first, as the prices (FillPricePath: within 1e-14 of
        // Math.Pow, and exactly 1 without growth), then the month's rate times it.
        FillPricePath(1.0, growth, ws.Lambda);
        for (int m = 0; m < model.MonthCount; m++)
        {
            ws.Lambda[m] = v[model.EntriesByFyInput[model.FyOfMonth[m]]] * (m >= model.EntryStepMonth ? stepped : multiplier) * ws.Lambda[m];
            if (model.Events.Count > 0)
            {
                ws.Lambda[m] *= ws.EntryFactor[m];
            }
        }

        // Spend follows actual starts: a vacant month is unpaid, or paid at the agency-cover multiple.
        Array.Clear(ws.Spend);
        for (int l = 0; l < model.Lines; l++)
        {
            int offset = l * model.MonthCount;
            for (int m = 0; m < model.MonthCount; m++)
            {
                double planned = model.LinePlannedSpend[offset + m];
                ws.Spend[m] += m >= ws.LineActualStart[l] ? planned : planned * model.LineAgencyCover[l];
            }
        }
    }

    /// <summary>
    /// Refuses a trial whose children could exceed <see cref="EngineLimitException.MaxChildren"/>:
    /// no flow creates children except entries, so the opening stock plus a generous upper tail
    /// of every month's entries (mean + 10 sd + 20, Poisson or negative binomial) bounds every stock of either world.
    /// </summary>
    internal static void ThrowIfBeyondCapacity(CompiledModel model, TrialWorkspace ws, long? trial)
    {
        double bound = model.StartStockTotal;
        double k = model.EntryDispersion ?? double.PositiveInfinity;
        for (int m = 0; m < model.MonthCount; m++)
        {
            double lambda = Math.Max(ws.Lambda[m], 0);
            double variance = double.IsPositiveInfinity(k) ? lambda : lambda + (lambda * lambda / k);
            bound += ws.Lambda[m] + (10 * Math.Sqrt(variance)) + 20;
        }

        // NaN compares false: a NaN mean (e.g. from an infinite multiplier) is refused here too.
        if (!(bound <= EngineLimitException.MaxChildren))
        {
            throw new EngineLimitException("the opening stock plus the entries over the horizon", bound, trial);
        }
    }

    /// <summary>
    /// The realised share of the planned benefit. A proportion (a diversion or a monthly step-down
    /// rate) cannot pass 1; an exit uplift is relative and is not capped.
    /// </summary>
    private static double Realised(CompiledModel model, int effect, double size, double realisation)
    {
        size *= realisation;
        return model.EffectKind[effect] != Engine.EffectKind.ExitUplift ? Math.Min(size, 1.0) : size;
    }

    private static int DelayMonths(double months) =>
        months <= 0 ? 0 : (int)Math.Min(Math.Round(months, MidpointRounding.AwayFromZero), 1200);

    /// <summary>Whole children per type: total × share, rounded by largest remainder (ties to the lower index).</summary>
    internal static void RoundStock(int total, double[] shares, double[] stock)
    {
        int assigned = 0;
        for (int k = 0; k < shares.Length; k++)
        {
            stock[k] = Math.Floor(total * shares[k]);
            assigned += (int)stock[k];
        }

        for (int left = total - assigned; left > 0; left--)
        {
            int best = -1;
            double bestRemainder = -1;
            for (int k = 0; k < shares.Length; k++)
            {
                double remainder = (total * shares[k]) - stock[k];
                if (remainder > bestRemainder)
                {
                    best = k;
                    bestRemainder = remainder;
                }
            }

            stock[best] += 1;
        }
    }

    /// <summary>
    /// Runs the months of one trial whose inputs are set. Writes the per-FY rows into
    /// <paramref name="yearly"/> and returns the breakeven FY index (−1 if none).
    /// </summary>
    public static int Run<TFlows>(
        CompiledModel model, TrialWorkspace ws, ref Xoshiro256StarStar rng, bool scaleWorkforce, Span<double> yearly, MonthTrace? trace)
        where TFlows : struct, IFlows =>
        Run<TFlows>(model, ws, ref rng, scaleWorkforce, yearly, trace, default, out _);

    /// <summary>
    /// As <see cref="Run{TFlows}(CompiledModel, TrialWorkspace, ref Xoshiro256StarStar, bool, Span{double}, MonthTrace?)"/>;
    /// when <paramref name="unadjustedYearly"/> is not empty, also steps a third world: the
    /// programme with the realisation factor at plan (<see cref="TrialWorkspace.EffectSizeUnadjusted"/>),
    /// on the same uniforms, and writes its per-FY rows there. The realisation factor touches only the
    /// programme's effects, so that world's do-nothing world, standstill and spend are this trial's
    /// own, and its rows equal bit for bit those of a separate pass with the factor held at plan.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Run<TFlows>(
        CompiledModel model,
        TrialWorkspace ws,
        ref Xoshiro256StarStar rng,
        bool scaleWorkforce,
        Span<double> yearly,
        MonthTrace? trace,
        Span<double> unadjustedYearly,
        out int unadjustedBreakeven)
        where TFlows : struct, IFlows
    {
        int types = model.Types;
        var prog = ws.Programme;
        var dn = ws.DoNothing;
        var held = ws.Unadjusted;
        bool withHeld = !unadjustedYearly.IsEmpty;
        ws.StartStock.CopyTo(prog, 0);
        ws.StartStock.CopyTo(dn, 0);
        ws.StartStock.CopyTo(held, 0);
        var acc = ws.Yearly;
        var heldAcc = ws.YearlyUnadjusted;
        Array.Clear(acc);
        Array.Clear(heldAcc);
        Array.Clear(ws.Months);
        const int stride = Metrics.Count;
        for (int k = 0; k < types; k++)
        {
            FillPricePath(ws.MonthlyCost[k], ws.Inflation[k], ws.PricePath.AsSpan(k * model.MonthCount, model.MonthCount));
            if (model.BudgetInflationInput[k] != model.InflationInput[k])
            {
                FillPricePath(ws.MonthlyCost[k], ws.BudgetInflation[k], ws.BudgetPricePath.AsSpan(k * model.MonthCount, model.MonthCount));
            }
        }

        if (TFlows.StepsWorldsTogether)
        {
            // The worlds live in the lanes of ws.LaneStock for the whole trial (the third lane 0
            // without the unadjusted world); the arrays get the final stocks after the last month.
            for (int k = 0; k < types; k++)
            {
                double start = ws.StartStock[k];
                ws.LaneStock[k] = Vector256.Create(start, start, withHeld ? start : 0.0, 0.0);
            }
        }

        int nextLevelChange = NextLevelChange(0, ws.EffectActualStart, model.EffectEnd, model.EffectRamp);
        for (int m = 0; m < model.MonthCount; m++)
        {
            int fy = model.FyOfMonth[m];
            int row = fy * stride;

            // Costs are charged on the month's average stock, (start + end) / 2: a child who leaves
            // mid-month costs half a month. Charging the start-of-month stock instead would lag every
            // change by half a month.
            // Standstill is the starting stock at the budget's unit cost: the same prices as the
            // placements unless the scenario gives a separate budget uplift (then price growth above
            // it is a cost the budget does not fund). Risk events' cost shocks are unfunded too only
            // when a budget uplift is given; otherwise the budget follows them as before.
            double standCost = 0;
            int months = model.MonthCount;
            for (int k = 0; k < types; k++)
            {
                ws.CostNow[k] = ws.PricePath[(k * months) + m];
                if (model.Events.Count > 0)
                {
                    ws.CostNow[k] *= ws.CostFactor[(k * months) + m];
                }

                double budget = model.BudgetInflationInput[k] == model.InflationInput[k] ? ws.CostNow[k] : ws.BudgetPricePath[(k * months) + m];
                standCost += ws.StartStock[k] * budget;
            }

            double progCost, dnCost, progLac, heldCost, heldLac;
            if (TFlows.StepsWorldsTogether)
            {
                // Lane by lane the same sums as Dot and Sum on each world's array.
                var laneCost = DotLanes(ws.LaneStock, ws.CostNow);
                var laneLac = SumLanes(ws.LaneStock);
                progCost = laneCost.GetElement(0);
                dnCost = laneCost.GetElement(1);
                progLac = laneLac.GetElement(0);
                heldCost = withHeld ? laneCost.GetElement(2) : 0;
                heldLac = withHeld ? laneLac.GetElement(2) : 0;
                if (trace is not null)
                {
                    trace.ProgrammeStockStart[m] = progLac;
                    trace.DoNothingStockStart[m] = laneLac.GetElement(1);
                }
            }
            else
            {
                progCost = Dot(prog, ws.CostNow);
                dnCost = Dot(dn, ws.CostNow);
                progLac = Sum(prog);
                heldCost = withHeld ? Dot(held, ws.CostNow) : 0;
                heldLac = withHeld ? Sum(held) : 0;
            }

            if (TFlows.UsesUniforms)
            {
                rng.Fill(ws.Uniforms);
            }

            if (TFlows.StepsWorldsTogether)
            {
                // Each world's parameters first (the unadjusted world's rates last, as below), then
                // every draw once for all worlds.
                // Without risk events a world's exit, step-down and split probabilities move only when
                // an effect's level does (the do-nothing world's never), so after the first month they
                // are last month's unless a level changed: only the expected entries are recomputed.
                bool steadyRates = m > 0 && model.Events.Count == 0;
                bool steadyProgramme = steadyRates && m < nextLevelChange;
                if (m == nextLevelChange)
                {
                    nextLevelChange = NextLevelChange(m, ws.EffectActualStart, model.EffectEnd, model.EffectRamp);
                }

                if (steadyProgramme && !ws.AnyTargetedEntries)
                {
                    // The same effects at the same levels as last month (so no targeted entries now
                    // either): each programme world's diversion and growth kept are last month's, and
                    // only the expected entries move, without re-running the effects.
                    ws.WorldLambda[0] = ProgrammeLambda(ws, m, ws.WorldDiversionFactor[0], ws.WorldGrowthKept[0]);
                    ws.WorldLambda[1] = ws.Lambda[m];
                    if (withHeld)
                    {
                        ws.WorldLambda[2] = ProgrammeLambda(ws, m, ws.WorldDiversionFactor[2], ws.WorldGrowthKept[2]);
                    }
                }
                else
                {
                    SetProgrammeRates(model, ws, m, ws.EffectSize);
                    PrepareWorld(model, ws, m, world: 0, programme: true, lambdaOnly: steadyProgramme);
                    PrepareWorld(model, ws, m, world: 1, programme: false, lambdaOnly: steadyRates);
                    if (withHeld)
                    {
                        SetProgrammeRates(model, ws, m, ws.EffectSizeUnadjusted);
                        PrepareWorld(model, ws, m, world: 2, programme: true, lambdaOnly: steadyProgramme);
                    }
                }

                int worlds = withHeld ? 3 : 2;
                StepWorlds(model, ws, worlds, perWorldFlows: trace is not null);
                if (trace is not null)
                {
                    ToWorlds(ws.LaneStock, prog, dn, held, worlds);
                    trace.RecordFlows(m, ws, world: 0);
                    trace.RecordFlows(m, ws, world: 1);
                    RecordStockEnd(trace, m, prog, dn);
                }

                var laneCostEnd = DotLanes(ws.LaneStock, ws.CostNow);
                var laneLacEnd = SumLanes(ws.LaneStock);
                double dnCostEnd = laneCostEnd.GetElement(1), dnLacEnd = laneLacEnd.GetElement(1);
                Accumulate(acc, row, progCost, laneCostEnd.GetElement(0), dnCost, dnCostEnd, standCost, ws.Spend[m], progLac, laneLacEnd.GetElement(0), dnLacEnd);
                if (withHeld)
                {
                    Accumulate(heldAcc, row, heldCost, laneCostEnd.GetElement(2), dnCost, dnCostEnd, standCost, ws.Spend[m], heldLac, laneLacEnd.GetElement(2), dnLacEnd);
                }
            }
            else
            {
                SetProgrammeRates(model, ws, m, ws.EffectSize);
                if (trace is not null)
                {
                    trace.ProgrammeStockStart[m] = Sum(prog);
                    trace.DoNothingStockStart[m] = Sum(dn);
                }

                Step<TFlows>(model, ws, prog, m, programme: true, world: 0);
                trace?.RecordFlows(m, ws, programme: true);
                Step<TFlows>(model, ws, dn, m, programme: false, world: 1);
                if (trace is not null)
                {
                    trace.RecordFlows(m, ws, programme: false);
                    RecordStockEnd(trace, m, prog, dn);
                }

                double dnCostEnd = Dot(dn, ws.CostNow), dnLacEnd = Sum(dn);
                Accumulate(acc, row, progCost, Dot(prog, ws.CostNow), dnCost, dnCostEnd, standCost, ws.Spend[m], progLac, Sum(prog), dnLacEnd);
                if (withHeld)
                {
                    // After the main worlds, so their steps and the trace are exactly as without it.
                    SetProgrammeRates(model, ws, m, ws.EffectSizeUnadjusted);
                    Step<TFlows>(model, ws, held, m, programme: true, world: 2);
                    Accumulate(heldAcc, row, heldCost, Dot(held, ws.CostNow), dnCost, dnCostEnd, standCost, ws.Spend[m], heldLac, Sum(held), dnLacEnd);
                }
            }

            ws.LacByMonthEnd[m] = acc[row + (int)Metric.LacEnd];
            ws.Months[fy]++;
        }

        if (TFlows.StepsWorldsTogether)
        {
            ToWorlds(ws.LaneStock, prog, dn, held, withHeld ? 3 : 2);
        }

        unadjustedBreakeven = withHeld ? Accounting.BudgetAccounting.Finish(model, ws, heldAcc, scaleWorkforce, unadjustedYearly) : -1;
        return Accounting.BudgetAccounting.Finish(model, ws, acc, scaleWorkforce, yearly);
    }

    /// <summary>
    /// path[m] = <paramref name="cost"/> × (1 + <paramref name="inflation"/>)^(m/12) for every month:
    /// with m = 12a + b, cost × (y^a · g^b), y = 1 + inflation and g = y^(1/12) (one
    /// <see cref="Math.Pow"/>), both powers by repeated multiplication.
    /// </summary>
    /// <remarks>
    /// Replaces a <see cref="Math.Pow"/> per type and month (about 4 % of the month loop) at a cost in
    /// rounding: y^a takes a − 1 roundings, g^b takes b − 1 and inherits b times g's error (Math.Pow's,
    /// under 1 ulp), and the two products two more, so the relative error against the exact price is
    /// below (a + 2b + 3) · 2⁻⁵³: at most 44 · 2⁻⁵³ ≈ 4.9e-15 up to 240 months (the tests check 1e-14
    /// against Math.Pow). An inflation of 0 gives the cost exactly in every month (every factor is 1).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void FillPricePath(double cost, double inflation, Span<double> path)
    {
        double y = 1 + inflation;
        double g = Math.Pow(y, 1.0 / 12.0);
        Span<double> inYear = stackalloc double[12];
        inYear[0] = 1.0;
        for (int b = 1; b < inYear.Length; b++)
        {
            inYear[b] = inYear[b - 1] * g;
        }

        double year = 1.0; // y^a
        for (int m = 0; m < path.Length; m++)
        {
            int b = m % 12;
            if (b == 0 && m > 0)
            {
                year *= y;
            }

            path[m] = cost * (year * inYear[b]);
        }
    }

    private static void RecordStockEnd(MonthTrace trace, int m, double[] prog, double[] dn)
    {
        int types = prog.Length;
        trace.ProgrammeStockEnd[m] = Sum(prog);
        trace.DoNothingStockEnd[m] = Sum(dn);
        prog.CopyTo(trace.ProgrammeTypeStockEnd, m * types);
        dn.CopyTo(trace.DoNothingTypeStockEnd, m * types);
    }

    /// <summary>Adds one month of one programme world (with its do-nothing world) to the FY sums in row <paramref name="row"/>.</summary>
    private static void Accumulate(
        double[] acc, int row, double progCost, double progCostEnd, double dnCost, double dnCostEnd, double standCost, double spend, double progLac, double progLacEnd, double dnLacEnd)
    {
        acc[row + (int)Metric.CostProgrammeGbp] += 0.5 * (progCost + progCostEnd);
        acc[row + (int)Metric.CostDoNothingGbp] += 0.5 * (dnCost + dnCostEnd);
        acc[row + (int)Metric.CostStandstillGbp] += standCost;
        acc[row + (int)Metric.InvestmentGbp] += spend;
        acc[row + (int)Metric.LacAverage] += 0.5 * (progLac + progLacEnd);

        // The stock after the FY's last month is the stock at 31 March.
        acc[row + (int)Metric.LacEnd] = progLacEnd;
        acc[row + (int)Metric.LacEndDoNothing] = dnLacEnd;
    }

    /// <summary>
    /// The first month after <paramref name="from"/> in which some effect's level (as
    /// <see cref="SetProgrammeRates"/> computes it, see <see cref="EffectLevel"/>) differs from the month
    /// before's; <see cref="int.MaxValue"/> if none. An effect active from s to e with ramp r changes
    /// at s (it starts), at each month m with s &lt; m ≤ min(e, s + r − 1) (its level (m − s + 1)/r is
    /// still below 1 the month before) and at e + 1 (it ends); one that never starts (s &gt; e) never.
    /// </summary>
    /// <remarks>
    /// Called only at the months it returns, so a month's test for unchanged rates is one comparison
    /// rather than every effect's level in two months (the tests check it against <see cref="EffectLevel"/>).
    /// </remarks>
    internal static int NextLevelChange(int from, ReadOnlySpan<int> start, ReadOnlySpan<int> end, ReadOnlySpan<int> ramp)
    {
        long next = int.MaxValue;
        for (int e = 0; e < start.Length; e++)
        {
            long s = start[e], last = end[e];
            if (s > last)
            {
                continue;
            }

            if (s > from)
            {
                next = Math.Min(next, s); // any later change of this effect comes after its start
                continue;
            }

            long rampLast = Math.Min(last, s + ramp[e] - 1L);
            if (from + 1L <= rampLast)
            {
                next = Math.Min(next, from + 1L);
            }
            else if (last < int.MaxValue && last + 1L > from)
            {
                next = Math.Min(next, last + 1L); // it ends (an effect that ended by from changes no more)
            }
        }

        return (int)next;
    }

    /// <summary>An effect's level in month <paramref name="m"/> (−1 when inactive), as <see cref="SetProgrammeRates"/> computes it.</summary>
    internal static double EffectLevel(int start, int end, int ramp, int m)
    {
        if (m < start || m > end)
        {
            return -1.0;
        }

        return ramp == 0 ? 1.0 : Math.Min(1.0, (m - start + 1) / (double)ramp);
    }

    /// <summary>Programme-world rates for month <paramref name="m"/>, from each effect's actual start and ramp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SetProgrammeRates(CompiledModel model, TrialWorkspace ws, int m, double[] effectSize)
    {
        double diversion = 1.0;
        double growthKept = 1.0;
        Array.Clear(ws.Uplift);
        Array.Clear(ws.PairAdd);
        Array.Clear(ws.OneInOneOut);
        ws.AnyTargetedEntries = false;
        bool anyOneInOneOut = false;
        int types = model.Types;
        for (int e = 0; e < model.Effects; e++)
        {
            int start = ws.EffectActualStart[e];
            if (m < start || m > model.EffectEnd[e])
            {
                continue;
            }

            int ramp = model.EffectRamp[e];
            double level = ramp == 0 ? 1.0 : Math.Min(1.0, (m - start + 1) / (double)ramp);
            double size = effectSize[e] * level;
            switch (model.EffectKind[e])
            {
                case EffectKind.EntryDiversion when model.EffectTargeted[e]:
                    EntryTargeting.Begin(ws);
                    EntryTargeting.Apply(ws.TypeDiversion, model.EffectTypeMask.AsSpan(e * types, types), size);
                    break;
                case EffectKind.EntryDiversion:
                    diversion *= 1 - size;
                    break;
                case EffectKind.GrowthDiversion when model.EffectTargeted[e]:
                    EntryTargeting.Begin(ws);
                    EntryTargeting.Apply(ws.TypeGrowthKept, model.EffectTypeMask.AsSpan(e * types, types), size);
                    break;
                case EffectKind.GrowthDiversion:
                    growthKept *= 1 - size;
                    break;
                case EffectKind.ExitUplift:
                    for (int k = 0; k < types; k++)
                    {
                        if (model.EffectTypeMask[(e * types) + k])
                        {
                            ws.Uplift[k] += size;
                        }
                    }

                    break;
                case EffectKind.StepDown:
                    ws.PairAdd[model.EffectPair[e]] += size;
                    break;
                case EffectKind.OneInOneOut:
                    for (int k = 0; k < types; k++)
                    {
                        if (model.EffectTypeMask[(e * types) + k])
                        {
                            ws.OneInOneOut[k] = true;
                            anyOneInOneOut = true;
                        }
                    }

                    break;
            }
        }

        ws.DiversionFactor = Math.Max(0.0, diversion);
        ws.GrowthKept = Math.Max(0.0, growthKept);
        ws.AnyOneInOneOut = anyOneInOneOut;
    }

    /// <summary>
    /// One month of one world: entries, exits and step-downs from the start-of-month stock, then the
    /// stock update. Uniform slots: [0] entries, [1..K−1] entry split, [K..2K−1] exits, [2K..] step-downs;
    /// both worlds read the same slots, whatever rules apply, so they never fall out of step.
    /// </summary>
    private static void Step<TFlows>(CompiledModel model, TrialWorkspace ws, double[] stock, int m, bool programme, int world)
        where TFlows : struct, IFlows
    {
        int types = model.Types;
        var u = ws.Uniforms;
        var caches = ws.BinomialCaches.AsSpan(world * u.Length, u.Length);
        int exitSlot = types;
        int pairSlot = 2 * types;
        var exits = ws.Exits;
        var movesOut = ws.MovesOut;
        var movesIn = ws.MovesIn;
        Array.Clear(movesOut);
        Array.Clear(movesIn);

        double lambda = EntryRate(ws, m, programme, out double[] entryShare);

        double entries = TFlows.Entries(u[0], lambda, model.EntryDispersion ?? double.PositiveInfinity);

        // Leavers and movers, type by type; a type's step-down pairs are contiguous (sorted by source).
        int p = 0;
        for (int k = 0; k < types; k++)
        {
            int firstPair = p;
            double h = ExitProbability(model, ws, k, m, programme, ref p, out double scale);
            double n = stock[k];
            double left = n - (exits[k] = TFlows.Binomial(u[exitSlot + k], n, h, ref caches[exitSlot + k]));
            double leftProbability = 1.0 - h;
            for (int q = firstPair; q < p; q++)
            {
                double rate = PairRate(ws, q, programme) * scale;
                double conditional = Conditional(rate, leftProbability);
                double moved = TFlows.Binomial(u[pairSlot + q], left, conditional, ref caches[pairSlot + q]);
                left -= moved;
                leftProbability -= rate;
                movesOut[k] += moved;
                movesIn[model.PairTo[q]] += moved;
            }
        }

        SplitEntries<TFlows>(model, ws, entries, entryShare, programme && ws.AnyOneInOneOut, caches);

        for (int k = 0; k < types; k++)
        {
            stock[k] += ws.EntriesByType[k] - exits[k] - movesOut[k] + movesIn[k];
            Debug.Assert(stock[k] >= -1e-9, "a stock went negative");
        }
    }

    /// <summary>
    /// World <paramref name="world"/>'s parameters for month <paramref name="m"/>, from the rates
    /// <see cref="SetProgrammeRates"/> set (for a programme world): its expected entries, exit and
    /// step-down probabilities and the entry split's conditional shares. They depend on no draw, so
    /// all worlds' can be set before the month's draws; each is computed by exactly the operations
    /// <see cref="Step{TFlows}"/> and <see cref="SplitEntries{TFlows}"/> use, so the draws are the same.
    /// </summary>
    /// <param name="model">The compiled scenario.</param>
    /// <param name="ws">The trial's workspace.</param>
    /// <param name="m">The month.</param>
    /// <param name="world">The world's index (its lane).</param>
    /// <param name="programme">Whether the world runs the programme (its rates from <see cref="SetProgrammeRates"/>).</param>
    /// <param name="lambdaOnly">Set only the expected entries: the caller knows the other parameters equal
    /// last month's (unless a targeted diversion reshapes the entry mix, which follows the entries).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PrepareWorld(CompiledModel model, TrialWorkspace ws, int m, int world, bool programme, bool lambdaOnly)
    {
        // unchecked: indices here are bounded by the compiled model's types, pairs and months (checked
        // once when it is compiled) and counts by the lanes (at most 4); the build's overflow checks in
        // this method, StepWorlds and SplitHeld cost about 2 % of the month loop (`Benchmarks -- --months`,
        // medians of three interleaved runs: 72.9 µs checked, 71.5 µs unchecked).
        unchecked
        {
            int types = model.Types;
            double lambda = EntryRate(ws, m, programme, out double[] entryShare);
            if (programme)
            {
                ws.WorldDiversionFactor[world] = ws.DiversionFactor;
                ws.WorldGrowthKept[world] = ws.GrowthKept;
            }

            ws.WorldLambda[world] = lambda;
            if (lambdaOnly && !(programme && ws.AnyTargetedEntries))
            {
                return;
            }

            int p = 0;
            for (int k = 0; k < types; k++)
            {
                int firstPair = p;
                double h = ExitProbability(model, ws, k, m, programme, ref p, out double scale);
                ws.WorldExitProbability[(k * TrialWorkspace.Lanes) + world] = h;
                double leftProbability = 1.0 - h;
                for (int q = firstPair; q < p; q++)
                {
                    double rate = PairRate(ws, q, programme) * scale;
                    ws.WorldPairProbability[(q * TrialWorkspace.Lanes) + world] = Conditional(rate, leftProbability);
                    leftProbability -= rate;
                }
            }

            // The split (as SplitEntries): held types first, then conditional binomials over the rest.
            int count = PlanSplit(
                ws,
                entryShare,
                programme && ws.AnyOneInOneOut,
                ws.WorldHeld.AsSpan(world * types, types),
                ws.WorldSplitProbability.AsSpan(world),
                TrialWorkspace.Lanes,
                ws.WorldSplitType.AsSpan(world * types, types),
                out int last,
                out bool holdsAny);
            ws.WorldSplitCount[world] = count;
            ws.WorldSplitLast[world] = last;
            ws.WorldHoldsAny[world] = holdsAny;
        }
    }

    /// <summary>
    /// A world's expected entries in month <paramref name="m"/> and the mix they split by, shared by
    /// <see cref="Step{TFlows}"/> and <see cref="PrepareWorld"/>: the do-nothing world's are the
    /// scenario's; a programme world's are diverted, by type when only some types' entrants are
    /// (then the total and the mix both change), else as <see cref="ProgrammeLambda"/>.
    /// </summary>
    private static double EntryRate(TrialWorkspace ws, int m, bool programme, out double[] entryShare)
    {
        double lambda = ws.Lambda[m];
        entryShare = ws.EntryShare;
        if (!programme)
        {
            return lambda;
        }

        if (ws.AnyTargetedEntries)
        {
            entryShare = ws.ProgrammeEntryShare;
            return EntryTargeting.Rate(ws, lambda, Math.Max(0.0, lambda - ws.Lambda[0]));
        }

        return ProgrammeLambda(ws, m, ws.DiversionFactor, ws.GrowthKept);
    }

    /// <summary>
    /// A programme world's expected entries in month <paramref name="m"/> without targeted diversions:
    /// the growth over month 0 kept in part, then the whole diverted; as <see cref="Step{TFlows}"/> computes it.
    /// </summary>
    private static double ProgrammeLambda(TrialWorkspace ws, int m, double diversionFactor, double growthKept)
    {
        double lambda = ws.Lambda[m];
        double growth = Math.Max(0.0, lambda - ws.Lambda[0]);
        return (lambda - ((1.0 - growthKept) * growth)) * diversionFactor;
    }

    /// <summary>
    /// One month of the first <paramref name="worlds"/> worlds, whose stocks are in
    /// <see cref="TrialWorkspace.LaneStock"/> (world w in lane w), with the parameters
    /// <see cref="PrepareWorld"/> set: each draw's variates for all worlds at once (all at the draw's
    /// one uniform), in the uniform slots <see cref="Step{TFlows}"/> uses. Each world's flows and
    /// stock are bit for bit those of stepping it alone: every lane does the scalar step's operations
    /// in the same order. When <paramref name="perWorldFlows"/> is set (a trace), the flows are also
    /// left in the per-world arrays (<see cref="TrialWorkspace.WorldExits"/> and the rest).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StepWorlds(CompiledModel model, TrialWorkspace ws, int worlds, bool perWorldFlows)
    {
        // unchecked: bounded indices, as in PrepareWorld.
        unchecked
        {
            int types = model.Types;
            int pairs = model.Pairs;
            var u = ws.Uniforms;
            int stride = u.Length;
            var caches = ws.BinomialCaches.AsSpan();
            int exitSlot = types;
            int pairSlot = 2 * types;
            var stock = ws.LaneStock;
            var exits = ws.LaneExits;
            var movesOut = ws.LaneMovesOut;
            var movesIn = ws.LaneMovesIn;
            var byType = ws.LaneEntriesByType;
            Array.Clear(movesOut);
            Array.Clear(movesIn);

            var entries = DiscreteInverse.NegativeBinomialLanes(
                u[0], LoadLanes(ws.WorldLambda, 0, worlds), model.EntryDispersion ?? double.PositiveInfinity, worlds, ws.EntryStepRatios);

            // Every type's exits first (they depend on no other draw), two types per call, then the
            // step-downs from what is left; each draw keeps its uniform slot, so the order is free.
            int k0 = 0;
            for (; k0 + 1 < types; k0 += 2)
            {
                DiscreteInverse.BinomialLanesPair(
                    u[exitSlot + k0], stock[k0], LoadLanes(ws.WorldExitProbability, k0, worlds), caches[(exitSlot + k0)..],
                    u[exitSlot + k0 + 1], stock[k0 + 1], LoadLanes(ws.WorldExitProbability, k0 + 1, worlds), caches[(exitSlot + k0 + 1)..],
                    worlds, stride, out exits[k0], out exits[k0 + 1]);
            }

            if (k0 < types)
            {
                exits[k0] = DiscreteInverse.BinomialLanes(u[exitSlot + k0], stock[k0], LoadLanes(ws.WorldExitProbability, k0, worlds), worlds, caches[(exitSlot + k0)..], stride);
            }

            int p = 0;
            for (int k = 0; k < types; k++)
            {
                var left = stock[k] - exits[k]; // exact: whole numbers
                while (p < pairs && model.PairFrom[p] == k)
                {
                    var moved = DiscreteInverse.BinomialLanes(u[pairSlot + p], left, LoadLanes(ws.WorldPairProbability, p, worlds), worlds, caches[(pairSlot + p)..], stride);
                    left -= moved;
                    movesOut[k] += moved; // 0 + moved first, as the scalar sum
                    movesIn[model.PairTo[p]] += moved;
                    p++;
                }
            }

            bool anyHeld = false;
            for (int w = 0; w < worlds; w++)
            {
                anyHeld |= ws.WorldHoldsAny[w];
            }

            var remaining = entries;
            if (!anyHeld)
            {
                // Every world draws for types 0, 1, ... in turn and the last type takes what is left.
                int draws = types - 1;
                for (int s = 0; s < draws; s++)
                {
                    Debug.Assert(ws.WorldSplitType[s] == s && ws.WorldSplitCount[0] == draws, "no held type: the plain split");
                    var drawn = DiscreteInverse.BinomialLanes(u[1 + s], remaining, LoadLanes(ws.WorldSplitProbability, s, worlds), worlds, caches[(1 + s)..], stride);
                    byType[s] = drawn; // 0 + n
                    remaining -= drawn;
                }

                byType[types - 1] = remaining; // 0 + remaining
            }
            else
            {
                SplitHeld(ws, types, worlds, ref remaining);
            }

            for (int k = 0; k < types; k++)
            {
                stock[k] += byType[k] - exits[k] - movesOut[k] + movesIn[k];
                Debug.Assert(Vector256.GreaterThanOrEqualAll(stock[k], Vector256.Create(-1e-9)), "a stock went negative");
            }

            if (perWorldFlows)
            {
                for (int w = 0; w < worlds; w++)
                {
                    ws.WorldEntries[w] = entries.GetElement(w);
                    for (int k = 0; k < types; k++)
                    {
                        int at = (w * types) + k;
                        ws.WorldExits[at] = exits[k].GetElement(w);
                        ws.WorldMovesOut[at] = movesOut[k].GetElement(w);
                        ws.WorldMovesIn[at] = movesIn[k].GetElement(w);
                        ws.WorldEntriesByType[at] = byType[k].GetElement(w);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The entry split of <see cref="StepWorlds"/> when one-in-one-out holds types in some world (as
    /// <see cref="SplitEntries{TFlows}"/>): held types first take what they lost, then each world's
    /// conditional binomials over its own remaining types, draw s for all worlds at uniform slot 1 + s
    /// (a world with fewer draws has no trials in the later ones), then the last type takes the rest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SplitHeld(TrialWorkspace ws, int types, int worlds, ref Vector256<double> remaining)
    {
        // unchecked: bounded indices, as in PrepareWorld.
        unchecked
        {
            var byType = ws.LaneEntriesByType;
            var u = ws.Uniforms;
            int stride = u.Length;
            var caches = ws.BinomialCaches.AsSpan();
            var held = ws.WorldHeld;
            int draws = 0;
            for (int w = 0; w < worlds; w++)
            {
                draws = Math.Max(draws, ws.WorldSplitCount[w]);
            }

            for (int k = 0; k < types; k++)
            {
                var isHeld = Vector256.Create(
                    held[k] ? -1L : 0L,
                    held[types + k] ? -1L : 0L,
                    worlds > 2 && held[(2 * types) + k] ? -1L : 0L,
                    0L).AsDouble();
                var needed = Vector256.Max(Vector256<double>.Zero, ws.LaneExits[k] + ws.LaneMovesOut[k] - ws.LaneMovesIn[k]);
                var take = Vector256.Min(needed, remaining);
                byType[k] = take & isHeld; // 0 where the type is not held
                remaining = Vector256.ConditionalSelect(isHeld, remaining - take, remaining);
            }

            for (int s = 0; s < draws; s++)
            {
                var drawing = Vector256.Create(
                    s < ws.WorldSplitCount[0] ? -1L : 0L,
                    s < ws.WorldSplitCount[1] ? -1L : 0L,
                    worlds > 2 && s < ws.WorldSplitCount[2] ? -1L : 0L,
                    0L).AsDouble();
                var share = LoadLanes(ws.WorldSplitProbability, s, worlds) & drawing;
                var drawn = DiscreteInverse.BinomialLanes(u[1 + s], remaining & drawing, share, worlds, caches[(1 + s)..], stride);
                for (int w = 0; w < worlds; w++)
                {
                    if (s < ws.WorldSplitCount[w])
                    {
                        int type = ws.WorldSplitType[(w * types) + s];
                        byType[type] = byType[type].WithElement(w, byType[type].GetElement(w) + drawn.GetElement(w));
                    }
                }

                remaining -= drawn; // 0 in the lanes not drawing
            }

            for (int w = 0; w < worlds; w++)
            {
                int last = ws.WorldSplitLast[w];
                byType[last] = byType[last].WithElement(w, byType[last].GetElement(w) + remaining.GetElement(w));
            }
        }
    }

    /// <summary>Item <paramref name="item"/>'s lane-major parameters for the first <paramref name="worlds"/> worlds (0 in the other lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LoadLanes(double[] laneMajor, int item, int worlds) =>
        Vector256.Create(laneMajor.AsSpan(item * TrialWorkspace.Lanes, TrialWorkspace.Lanes))
        & Vector256.LessThan(Vector256.Create(0.0, 1.0, 2.0, 3.0), Vector256.Create((double)worlds));

    /// <summary>Copies the lanes' stocks into the per-world arrays (the third only for three worlds).</summary>
    private static void ToWorlds(Vector256<double>[] lanes, double[] prog, double[] dn, double[] held, int worlds)
    {
        for (int k = 0; k < lanes.Length; k++)
        {
            prog[k] = lanes[k].GetElement(0);
            dn[k] = lanes[k].GetElement(1);
            if (worlds > 2)
            {
                held[k] = lanes[k].GetElement(2);
            }
        }
    }

    /// <summary>
    /// Type <paramref name="k"/>'s exit probability in month <paramref name="m"/>, shared by
    /// <see cref="Step{TFlows}"/> and <see cref="PrepareWorld"/> so both draw at the same p: the exit
    /// rate (with the programme's uplift and any event's factor), clamped to [0, 1], then, with the
    /// type's step-down pairs (from <paramref name="p"/> on; <paramref name="p"/> is left after them),
    /// competing risks: if the rates add to more than 1, all are scaled by <paramref name="scale"/> to
    /// share the month.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ExitProbability(CompiledModel model, TrialWorkspace ws, int k, int m, bool programme, ref int p, out double scale)
    {
        double h = ws.ExitRate[k] * (programme ? 1 + ws.Uplift[k] : 1.0);
        if (model.Events.Count > 0)
        {
            h *= ws.ExitFactor[(k * model.MonthCount) + m];
        }

        h = Math.Clamp(h, 0.0, 1.0);
        double pairTotal = 0;
        while (p < model.Pairs && model.PairFrom[p] == k)
        {
            pairTotal += PairRate(ws, p, programme);
            p++;
        }

        scale = h + pairTotal > 1.0 ? 1.0 / (h + pairTotal) : 1.0;
        return h * scale;
    }

    /// <summary>A conditional probability, <paramref name="rate"/> of what is left (a step-down among the children who did not leave, a type's share of the mix not yet split); 0 when nothing is left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Conditional(double rate, double leftProbability) =>
        leftProbability > 0 ? Math.Clamp(rate / leftProbability, 0.0, 1.0) : 0.0;

    private static double PairRate(TrialWorkspace ws, int pair, bool programme) =>
        ws.PairBase[pair] + (programme ? ws.PairAdd[pair] : 0.0);

    /// <summary>
    /// The entry split's plan, shared by <see cref="SplitEntries{TFlows}"/> and <see cref="PrepareWorld"/>
    /// so that both split at the same probabilities: which types one-in-one-out holds (into
    /// <paramref name="held"/>), then, in type order, each other type but the last unheld one with its
    /// share of what is left of the mix (the conditional binomial's p, into <paramref name="probability"/>
    /// every <paramref name="stride"/> values, and its type into <paramref name="type"/>); the last
    /// unheld type takes the rest. When every type is held, the usual mix spreads any surplus over all
    /// of them rather than lose children. Returns the number of conditional draws.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PlanSplit(
        TrialWorkspace ws,
        double[] entryShare,
        bool oneInOneOut,
        Span<bool> held,
        Span<double> probability,
        int stride,
        Span<int> type,
        out int last,
        out bool holdsAny)
    {
        int types = held.Length;
        double shareLeft = 0;
        last = -1;
        holdsAny = false;
        for (int k = 0; k < types; k++)
        {
            held[k] = oneInOneOut && ws.OneInOneOut[k];
            holdsAny |= held[k];
            if (!held[k])
            {
                shareLeft += entryShare[k];
                last = k;
            }
        }

        if (last < 0)
        {
            last = types - 1;
            shareLeft = 1.0;
            oneInOneOut = false;
        }

        int count = 0;
        for (int k = 0; k < last; k++)
        {
            if (oneInOneOut && held[k])
            {
                continue;
            }

            double share = entryShare[k];
            probability[count * stride] = Conditional(share, shareLeft);
            type[count] = k;
            count++;
            shareLeft -= share;
        }

        return count;
    }

    /// <summary>
    /// Splits the month's entries over types by the entry mix (a multinomial, drawn as conditional
    /// binomials, <see cref="PlanSplit"/>). Under one-in-one-out, held types first take as many
    /// entrants as they lost.
    /// </summary>
    private static void SplitEntries<TFlows>(
        CompiledModel model, TrialWorkspace ws, double entries, double[] entryShare, bool oneInOneOut, Span<BinomialLogCache> caches)
        where TFlows : struct, IFlows
    {
        int types = model.Types;
        var byType = ws.EntriesByType;
        var u = ws.Uniforms;
        var held = ws.SplitHeld;
        var type = ws.SplitType;
        int draws = PlanSplit(ws, entryShare, oneInOneOut, held, ws.SplitProbability, 1, type, out int last, out _);
        double remaining = entries;
        for (int k = 0; k < types; k++)
        {
            byType[k] = 0;
            if (held[k])
            {
                double needed = Math.Max(0.0, ws.Exits[k] + ws.MovesOut[k] - ws.MovesIn[k]);
                byType[k] = Math.Min(needed, remaining);
                remaining -= byType[k];
            }
        }

        // Draw s reads uniform slot 1 + s (slot 0 is the entries').
        for (int s = 0; s < draws; s++)
        {
            double n = TFlows.Binomial(u[1 + s], remaining, ws.SplitProbability[s], ref caches[1 + s]);
            byType[type[s]] += n;
            remaining -= n;
        }

        byType[last] += remaining;
    }

    /// <summary>Per lane, <see cref="Dot"/> of the lane's stocks with <paramref name="b"/>: the same operations in the same order.</summary>
    private static Vector256<double> DotLanes(Vector256<double>[] a, double[] b)
    {
        var s = Vector256<double>.Zero;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * Vector256.Create(b[i]);
        }

        return s;
    }

    /// <summary>Per lane, <see cref="Sum"/> of the lane's stocks: the same operations in the same order.</summary>
    private static Vector256<double> SumLanes(Vector256<double>[] values)
    {
        var s = Vector256<double>.Zero;
        for (int i = 0; i < values.Length; i++)
        {
            s += values[i];
        }

        return s;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static double Sum(double[] values)
    {
        double s = 0;
        for (int i = 0; i < values.Length; i++)
        {
            s += values[i];
        }

        return s;
    }
}
