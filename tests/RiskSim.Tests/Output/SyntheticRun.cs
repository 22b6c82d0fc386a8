using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Core.Time;
using RiskSim.Output;

namespace RiskSim.Tests.Output;

/// <summary>
/// A small hand-made run: 5 trials in blocks of 3 and 2 (one reused <see cref="TrialBlock"/>, as the
/// engine does), 2 input columns, 3 FYs, with values that encode trial, FY and metric.
/// </summary>
internal static class SyntheticRun
{
    internal const int Trials = 5;

    internal static readonly FinancialYear[] Years = [new(2023), new(2024), new(2025)];

    internal static readonly string[] InputColumns = ["residential_weekly_cost_gbp", "step_down_rate"];

    internal static readonly RunMetadata Meta = new("Test scenario", "ab12cd34", 42UL, Trials, "0.1.0-test");

    /// <summary>Breakeven FY index per trial (−1 = none).</summary>
    internal static readonly int[] Breakeven = [-1, 0, 2, -1, 1];

    internal static double Input(long trial, int column) => (trial * 10) + column + 0.5;

    internal static double Value(long trial, int fy, Metric metric) =>
        metric is Metric.LacEnd or Metric.LacEndDoNothing
            ? 100 + (trial * 10) + fy + (metric == Metric.LacEndDoNothing ? 1000 : 0)
            : (trial * 1000) + (fy * 100) + (int)metric + 0.25;

    /// <summary>Feeds the run's blocks to <paramref name="sinks"/> in trial order.</summary>
    /// <summary>One trial's per-FY rows, laid out as in <see cref="TrialBlock.Yearly"/>.</summary>
    internal static double[] YearlyOf(long trial)
    {
        var yearly = new double[Years.Length * Metrics.Count];
        for (int fy = 0; fy < Years.Length; fy++)
        {
            foreach (Metric m in Metrics.All)
            {
                yearly[(fy * Metrics.Count) + (int)m] = Value(trial, fy, m);
            }
        }

        return yearly;
    }

    internal static void Feed(params ITrialSink[] sinks)
    {
        var block = new TrialBlock(3, InputColumns, Years);
        foreach ((long first, int count) in new[] { (0L, 3), (3L, 2) })
        {
            block.FirstTrial = first;
            block.Count = count;
            Array.Fill(block.Yearly, double.NaN); // stale data beyond Count must not leak
            for (int t = 0; t < count; t++)
            {
                long trial = first + t;
                for (int c = 0; c < InputColumns.Length; c++)
                {
                    block.Inputs[(t * InputColumns.Length) + c] = Input(trial, c);
                }

                block.BreakevenFyIndex[t] = Breakeven[trial];
                for (int fy = 0; fy < Years.Length; fy++)
                {
                    foreach (Metric m in Metrics.All)
                    {
                        block.Yearly[(((t * Years.Length) + fy) * Metrics.Count) + (int)m] = Value(trial, fy, m);
                    }
                }
            }

            foreach (var sink in sinks)
            {
                sink.Accept(block);
            }
        }
    }

    /// <summary>A plan whose LAC is fractional, breaking even in 2024/25.</summary>
    internal static PlanResult Plan()
    {
        var yearly = new double[Years.Length * Metrics.Count];
        for (int fy = 0; fy < Years.Length; fy++)
        {
            foreach (Metric m in Metrics.All)
            {
                yearly[(fy * Metrics.Count) + (int)m] = (fy * 100) + (int)m + 0.375;
            }
        }

        // April 2023 to March 2026: the three FYs of Years.
        var horizon = new Horizon(new YearMonth(2023, 4), new YearMonth(2026, 3));
        return new PlanResult(horizon, openingLac: 100, yearly, [], breakevenFyIndex: 1);
    }

    /// <summary>Published rows for two metrics (one with a gap) plus a row that is not a metric.</summary>
    internal static ReferenceData Reference() => new(
        new Dictionary<string, IReadOnlyDictionary<FinancialYear, double>>
        {
            ["position_gbp"] = new Dictionary<FinancialYear, double> { [new(2024)] = -7.0 },
            ["placements_saving_gbp"] = new Dictionary<FinancialYear, double> { [new(2023)] = 1.5, [new(2025)] = 3.5 },
            ["not_a_metric"] = new Dictionary<FinancialYear, double> { [new(2023)] = 9.0 },
        },
        [],
        new FinancialYear(2024));

    /// <summary>Writes the whole run (trials, yearly, summary, plan) into <paramref name="finalDir"/> and commits.</summary>
    internal static void WriteAll(string finalDir)
    {
        using var dir = ResultsDirectory.Create(finalDir);
        var summary = new SummaryAccumulator(Years, Trials);
        using (var sink = new TrialsParquetSink(dir, InputColumns, Meta))
        {
            Feed(sink, summary);
        }

        SummaryParquetWriter.Write(dir.PathFor(SummaryParquetWriter.FileName), summary.Build(), Meta);
        PlanParquetWriter.Write(dir.PathFor(PlanParquetWriter.FileName), Plan(), Reference(), Meta);
        dir.Commit(Meta);
    }
}
