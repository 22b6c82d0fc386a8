using RiskSim.Core.Random;
using RiskSim.Core.Results;
using RiskSim.Core.Sampling;

namespace RiskSim.Core.Engine;

/// <summary>
/// Runs trials in parallel and hands each finished block to the sinks in trial order, one block at a
/// time (see <see cref="BlockPipeline"/>: with several threads, whichever worker completes the next
/// block in order delivers it, while the others keep running trials). Each trial owns a random stream derived from (seed, trial index) and writes only its own
/// slot of the block, so the output is bit-identical for any thread count or block size.
/// </summary>
public static class StochasticRunner
{
    /// <summary>Runs <see cref="RunOptions.Trials"/> trials of <paramref name="model"/>.</summary>
    /// <param name="model">The compiled scenario.</param>
    /// <param name="options">Trials, seed, threads.</param>
    /// <param name="sinks">Receivers of each block, called one block at a time in trial order (with several threads, on whichever worker thread completes the block).</param>
    /// <param name="progress">Optional: told the number of trials finished after each block.</param>
    /// <param name="cancellationToken">Stops between blocks.</param>
    /// <param name="unadjustedSinks">Optional: receivers of the unadjusted world (see <see cref="RunRange"/>).</param>
    public static void Run(
        CompiledModel model,
        RunOptions options,
        IReadOnlyList<ITrialSink> sinks,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default,
        IReadOnlyList<ITrialSink>? unadjustedSinks = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var design = options.InputUncertainty
            ? InputDesign.Create(options.Sampling, model.InputDimensions, options.Seed, options.Trials)
            : null;
        RunRange(model, options, design, 0, sinks, progress, cancellationToken, unadjustedSinks);
    }

    /// <summary>
    /// Runs <see cref="RunOptions.Trials"/> trials whose inputs come from <paramref name="design"/>
    /// (null: every input at plan), e.g. a sensitivity design. Flows still come from each trial's
    /// own stream, so two designs run on common random numbers.
    /// </summary>
    /// <param name="model">The compiled scenario.</param>
    /// <param name="options">Trials, seed, threads (its sampling settings are ignored).</param>
    /// <param name="design">The input design, with one dimension per <see cref="CompiledModel.InputDimensions"/>, or null.</param>
    /// <param name="sinks">Receivers of each block, called one block at a time in trial order (with several threads, on whichever worker thread completes the block).</param>
    /// <param name="progress">Optional: told the number of trials finished after each block.</param>
    /// <param name="cancellationToken">Stops between blocks.</param>
    public static void Run(
        CompiledModel model,
        RunOptions options,
        InputDesign? design,
        IReadOnlyList<ITrialSink> sinks,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default) =>
        RunRange(model, options, design, 0, sinks, progress, cancellationToken);

    /// <summary>
    /// Runs trials <paramref name="firstTrial"/> … <paramref name="firstTrial"/> + <see cref="RunOptions.Trials"/> − 1.
    /// Trial i depends only on the seed, i and the design, so consecutive ranges handed to the same
    /// sinks give exactly what one run of all their trials gives (how <c>--precision</c> adds trials).
    /// </summary>
    /// <param name="model">The compiled scenario.</param>
    /// <param name="options">Trials (the range's length), seed, threads.</param>
    /// <param name="design">The input design, or null for inputs at plan.</param>
    /// <param name="firstTrial">Index of the range's first trial.</param>
    /// <param name="sinks">Receivers of each block, called one block at a time in trial order (with several threads, on whichever worker thread completes the block).</param>
    /// <param name="progress">Optional: told the number of trials of this range finished after each block.</param>
    /// <param name="cancellationToken">Stops between trials.</param>
    /// <param name="unadjustedSinks">Optional, for a model with a realisation factor: receivers of the
    /// same trials with the factor held at plan ("as the paper assumes"), computed in the same pass
    /// from the same input draw and flows; equal bit for bit to a separate run with
    /// <see cref="RunOptions.HeldAtPlan"/> naming the factor, at about a third of its cost.</param>
    public static void RunRange(
        CompiledModel model,
        RunOptions options,
        InputDesign? design,
        long firstTrial,
        IReadOnlyList<ITrialSink> sinks,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default,
        IReadOnlyList<ITrialSink>? unadjustedSinks = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstTrial);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sinks);
        options.Validate();
        if (design is not null && design.Dimensions != model.InputDimensions.Count)
        {
            throw new ArgumentException($"the design has {design.Dimensions} dimensions; the model has {model.InputDimensions.Count}.", nameof(design));
        }

        bool[]? held = HeldAtPlan(model, options.HeldAtPlan);
        if (unadjustedSinks is not null && model.RealisationInput < 0)
        {
            throw new ArgumentException("the model has no realisation factor, so there is no unadjusted world.", nameof(unadjustedSinks));
        }

        new BlockPipeline(model, options, design, firstTrial, sinks, progress, cancellationToken, unadjustedSinks, held).Run();
    }

    /// <summary>Per input, whether <paramref name="names"/> holds it at plan; null when none is held.</summary>
    private static bool[]? HeldAtPlan(CompiledModel model, IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return null;
        }

        var held = new bool[model.Inputs.Count];
        foreach (string name in names)
        {
            int found = 0;
            for (int i = 0; i < held.Length; i++)
            {
                if (model.Inputs[i].Name == name)
                {
                    held[i] = true;
                    found++;
                }
            }

            if (found == 0)
            {
                throw new ArgumentException($"no input named '{name}' to hold at plan.", nameof(names));
            }
        }

        return held;
    }

    /// <summary>Runs one trial into slot <paramref name="slot"/> of <paramref name="block"/>.</summary>
    /// <remarks>With <paramref name="unadjustedBlock"/>, also fills its slot with the unadjusted world (see <see cref="RunRange"/>).</remarks>
    internal static void RunTrial(
        CompiledModel model, TrialWorkspace ws, InputDesign? design, ulong seed, long trial, TrialBlock block, int slot, bool[]? heldAtPlan = null, TrialBlock? unadjustedBlock = null)
    {
        // Two streams per trial: the inputs' counter-based uniforms (keyed by seed, trial and input
        // name) and the flows' xoshiro256** stream from (seed, trial). Neither reads the other.
        Simulator.SetInputs(model, ws, design, trial, heldAtPlan);
        var rng = Xoshiro256StarStar.ForTrial(seed, trial);
        Simulator.ThrowIfBeyondCapacity(model, ws, trial);

        int columns = model.InputColumns.Count;
        var inputs = block.Inputs.AsSpan(slot * columns, columns);
        int c = 0;
        foreach (int i in model.SampledInputs)
        {
            inputs[c++] = ws.Values[i];
        }

        if (model.StockMixConcentration is not null)
        {
            ws.StockShare.CopyTo(inputs[c..]);
            c += model.Types;
        }

        if (model.EntryMixConcentration is not null)
        {
            ws.EntryShare.CopyTo(inputs[c..]);
        }

        ws.EventFirstFy.CopyTo(block.EventFirstFyIndex.AsSpan(slot * ws.EventFirstFy.Length));
        int stride = model.FyCount * Metrics.Count;
        var yearly = block.Yearly.AsSpan(slot * stride, stride);
        var heldYearly = unadjustedBlock is null ? default : unadjustedBlock.Yearly.AsSpan(slot * stride, stride);
        block.BreakevenFyIndex[slot] = Simulator.Run<DrawnFlows>(model, ws, ref rng, scaleWorkforce: true, yearly, trace: null, heldYearly, out int heldBreakeven);
        if (block.MonthCount > 0)
        {
            ws.LacByMonthEnd.CopyTo(block.LacByMonthEnd.AsSpan(slot * block.MonthCount, block.MonthCount));
        }

        FiniteGuard.ThrowIfNonFinite(inputs, model.InputColumns, trial);
        FiniteGuard.ThrowIfNonFinite(yearly, model.FinancialYears, trial);
        if (unadjustedBlock is not null)
        {
            // The same sampled inputs, but the realisation factor's column (if sampled) at its plan.
            var heldInputs = unadjustedBlock.Inputs.AsSpan(slot * columns, columns);
            inputs.CopyTo(heldInputs);
            int column = Array.IndexOf(model.SampledInputs, model.RealisationInput);
            if (column >= 0)
            {
                heldInputs[column] = model.Inputs[model.RealisationInput].Distribution.Plan;
            }

            block.EventFirstFyIndex.AsSpan(slot * ws.EventFirstFy.Length, ws.EventFirstFy.Length).CopyTo(unadjustedBlock.EventFirstFyIndex.AsSpan(slot * ws.EventFirstFy.Length));
            unadjustedBlock.BreakevenFyIndex[slot] = heldBreakeven;
            FiniteGuard.ThrowIfNonFinite(heldYearly, model.FinancialYears, trial);
        }
    }
}
