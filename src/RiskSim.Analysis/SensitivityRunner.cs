using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Core.Sampling;
using RiskSim.Core.Time;
using RiskSim.Sensitivity;

namespace RiskSim.Analysis;

/// <summary>
/// "What drives the risk": runs the engine on the designs each sensitivity method needs and feeds the
/// trials to <see cref="RiskSim.Sensitivity"/>'s statistics.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Base run: N trials of the run's own design (<see cref="MonteCarloDesign"/>, salt 0) → Spearman, PRCC,
/// the decile tornado and the surrogate's permutation importance, per output.</item>
/// <item>Saltelli design: A = MC(salt 1), B = MC(salt 2), n rows each; one block AB_j per input dimension
/// and one per group. A and every AB block share the flow streams of trials 0..n−1 (common random
/// numbers), so y_A − y_AB_j carries no flow noise; B uses an independent flow seed, so y_B is
/// independent of A as the first-order estimator needs. Cost (d + g + 2)·n trials.</item>
/// <item>Tornado on common random numbers: per input, n_t trials with its uniform held at 0.1 (P10) and
/// n_t at 0.9 (P90), every other input and the flows as in the base run's first n_t trials. Cost 2·d·n_t.</item>
/// </list>
/// Everything is a function of the seed: results are bit-identical for any thread count.
/// </remarks>
public static class SensitivityRunner
{
    /// <summary>The uniform of an input's P10, at which its tornado_low bar holds it.</summary>
    public const double LowQuantile = 0.1;

    /// <summary>The uniform of an input's P90, at which its tornado_high bar holds it.</summary>
    public const double HighQuantile = 0.9;

    /// <summary>Runs the analysis.</summary>
    /// <param name="model">The compiled scenario (with at least one uncertain input).</param>
    /// <param name="options">Trials, seed, threads and design sizes.</param>
    /// <param name="progress">Optional: told each phase as it starts.</param>
    /// <param name="cancellationToken">Stops between blocks of trials.</param>
    /// <exception cref="ArgumentException">The model has no uncertain input, or too few trials.</exception>
    public static SensitivityResult Run(CompiledModel model, SensitivityOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        // Designs span every input dimension (risk events included); the per-input methods analyse the
        // sampled input columns, which lead the dimension list. Events enter as the "events" group.
        var columns = model.InputColumns;
        var dims = model.InputDimensions;
        int d = columns.Count;
        if (d == 0)
        {
            throw new ArgumentException("the scenario has no uncertain inputs: there is nothing to rank.", nameof(model));
        }

        if (options.Trials < SensitivityOptions.MinimumTrials(d))
        {
            throw new ArgumentException($"a sensitivity analysis of {d} inputs needs at least {SensitivityOptions.MinimumTrials(d)} trials, got {options.Trials}.", nameof(options));
        }

        int n = options.SobolRowsFor(d);
        int nt = options.TornadoTrialsFor();
        ArgumentOutOfRangeException.ThrowIfLessThan(n, SobolSensitivity.MinimumRows, nameof(options.SobolRows));
        ArgumentOutOfRangeException.ThrowIfLessThan(nt, 1, nameof(options.TornadoTrials));
        var groups = Groups(model);
        var years = model.FinancialYears;
        long runs = 0;

        OutcomeCollector Collect(InputDesign design, int trials, ulong flowSeed, bool keepInputs)
        {
            var sink = new OutcomeCollector(trials, years.Count, d, keepInputs);
            StochasticRunner.Run(model, new RunOptions(trials, flowSeed, options.Threads), design, [sink], cancellationToken: cancellationToken);
            runs += trials;
            return sink;
        }

        progress?.Report($"base run: {options.Trials:#,0} trials");
        var baseDesign = new MonteCarloDesign(dims, options.Seed, 0);
        var baseRun = Collect(baseDesign, options.Trials, options.Seed, keepInputs: true);

        progress?.Report($"Saltelli design: {(long)(d + groups.Count + 2) * n:#,0} trials (n = {n})");
        var a = new MonteCarloDesign(dims, options.Seed, 1);
        var b = new MonteCarloDesign(dims, options.Seed, 2);
        var yA = Collect(a, n, options.Seed, false);
        var yB = Collect(b, n, unchecked(options.Seed + 0x9E3779B97F4A7C15UL), false);
        var yAB = new OutcomeCollector[d];
        for (int j = 0; j < d; j++)
        {
            yAB[j] = Collect(new SwappedColumnsDesign(dims, a, b, [j]), n, options.Seed, false);
        }

        var yGroup = groups.Select(g => Collect(new SwappedColumnsDesign(dims, a, b, g.Columns.Select(c => IndexOf(dims, c)).ToArray()), n, options.Seed, false)).ToArray();

        progress?.Report($"tornado on common random numbers: {2L * d * nt:#,0} trials");
        var low = new OutcomeCollector[d];
        var high = new OutcomeCollector[d];
        for (int j = 0; j < d; j++)
        {
            low[j] = Collect(new FixedDimensionDesign(dims, baseDesign, j, LowQuantile), nt, options.Seed, false);
            high[j] = Collect(new FixedDimensionDesign(dims, baseDesign, j, HighQuantile), nt, options.Seed, false);
        }

        progress?.Report("statistics and surrogates");
        var outputs = new (string Name, FinancialYear? Fy)[3 + years.Count];
        outputs[0] = (SensitivityResult.CumulativePosition, null);
        outputs[1] = (SensitivityResult.YearsToBreakeven, null);
        outputs[2] = (SensitivityResult.LacEnd, null);
        for (int f = 0; f < years.Count; f++)
        {
            outputs[3 + f] = (SensitivityResult.Position, years[f]);
        }

        var rowsByOutput = new List<SensitivityRow>[outputs.Length];
        var r2 = new double?[outputs.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken };
        var groupNames = groups.Select(g => g.Name).ToArray();
        Parallel.For(0, outputs.Length, parallel, k =>
        {
            var (name, fy) = outputs[k];
            var rows = new List<SensitivityRow>();
            void Add(IEnumerable<SensitivityEstimate> estimates, string? method = null) =>
                rows.AddRange(estimates.Select(e => new SensitivityRow(e.Input, name, fy, method ?? e.Method, e.Value, e.CiLow, e.CiHigh)));

            double[] y = baseRun.Outputs[k];
            double[] ranked = k == 1 ? OutcomeRanking.RankNeverLast(baseRun.Breakeven) : y;
            Add(CorrelationSensitivity.Spearman(columns, baseRun.Inputs, ranked));
            Add(CorrelationSensitivity.Prcc(columns, baseRun.Inputs, ranked));
            Add(SobolSensitivity.Indices(columns, new SaltelliOutputs(yA.Outputs[k], yB.Outputs[k], yAB.Select(c => c.Outputs[k]).ToArray()), Derive(options.Seed, k, 1)));
            Add(SobolSensitivity.GroupIndices(groupNames, new SaltelliOutputs(yA.Outputs[k], yB.Outputs[k], yGroup.Select(c => c.Outputs[k]).ToArray()), Derive(options.Seed, k, 2)));
            for (int j = 0; j < d; j++)
            {
                rows.Add(Row(TornadoSensitivity.MedianWithInterval(columns[j], SensitivityMethod.TornadoLow, low[j].Outputs[k]), name, fy));
                rows.Add(Row(TornadoSensitivity.MedianWithInterval(columns[j], SensitivityMethod.TornadoHigh, high[j].Outputs[k]), name, fy));
            }

            var conditional = TornadoSensitivity.Conditional(columns, baseRun.Inputs, y);
            rows.AddRange(conditional.Select(e => Row(e with
            {
                Method = e.Method == SensitivityMethod.TornadoLow ? SensitivityResult.TornadoDecileLow : SensitivityResult.TornadoDecileHigh,
            }, name, fy)));

            var surrogate = SurrogateImportance.Compute(columns, baseRun.Inputs, y, Derive(options.Seed, k, 3));
            Add(surrogate.Estimates);
            r2[k] = surrogate.HoldoutRSquared;
            rowsByOutput[k] = rows;
        });

        return new SensitivityResult(
            rowsByOutput.SelectMany(r => r).ToArray(),
            outputs.Select((o, k) => new SensitivityOutput(o.Name, o.Fy, r2[k])).ToArray(),
            groups,
            columns,
            options.Trials,
            n,
            nt,
            runs,
            model.Copula is null);
    }

    /// <summary>The input groups with at least one column, in a fixed order (demand, mix, effects, delays, costs, flows, events).</summary>
    public static IReadOnlyList<SensitivityGroup> Groups(CompiledModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string[] order = [InputGroups.Demand, InputGroups.Mix, InputGroups.Effects, InputGroups.Delays, InputGroups.Costs, InputGroups.Flows, InputGroups.Events];
        var columns = model.InputColumns;
        var byGroup = Enumerable.Range(0, columns.Count).GroupBy(model.InputGroupOf).ToDictionary(g => g.Key, g => g.Select(c => columns[c]).ToArray());
        if (model.InputDimensions.Count > columns.Count)
        {
            // Risk events: one dimension per event and FY after the input columns, swapped together.
            byGroup[InputGroups.Events] = [.. model.InputDimensions.Skip(columns.Count)];
        }

        return order.Concat(byGroup.Keys.Except(order).Order(StringComparer.Ordinal))
            .Where(byGroup.ContainsKey)
            .Select(name => new SensitivityGroup(name, byGroup[name]))
            .ToArray();
    }

    private static SensitivityRow Row(SensitivityEstimate e, string output, FinancialYear? fy) =>
        new(e.Input, output, fy, e.Method, e.Value, e.CiLow, e.CiHigh);

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (int i = 0; i < columns.Count; i++)
        {
            if (columns[i] == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"no input column '{name}'.");
    }

    /// <summary>A seed for one output's bootstrap or surrogate: SplitMix64's finaliser over (seed, output, purpose).</summary>
    private static ulong Derive(ulong seed, int output, int purpose)
    {
        unchecked
        {
            ulong z = seed ^ ((ulong)((output * 8) + purpose + 1) * 0x9E3779B97F4A7C15UL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
