using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;

namespace RiskSim.Report;

/// <summary>Picks a metric's rows out of a result, one per FY in <see cref="RunResult.Years"/> order.</summary>
internal static class SummaryLookup
{
    /// <summary>The metric's summary rows in FY order, or null when any FY lacks one.</summary>
    public static SummaryRow[]? Rows(RunResult result, string metric)
    {
        var rows = new SummaryRow[result.Years.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            var row = result.Summary.FirstOrDefault(r => r.Metric == metric && r.Fy.Label == result.Years[i]);
            if (row is null)
            {
                return null;
            }

            rows[i] = row;
        }

        return rows;
    }

    /// <summary>The plan's figures for the metric in FY order (null where the plan has none).</summary>
    public static PlanFigure?[] Plan(RunResult result, string metric) =>
        [.. result.Years.Select(fy => result.Plan.FirstOrDefault(p => p.Metric == metric && p.Fy == fy))];
}
