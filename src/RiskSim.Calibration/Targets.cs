using RiskSim.Core.Model;
using RiskSim.Core.Results;

namespace RiskSim.Calibration;

/// <summary>The fit's targets (the reference figures the template's tolerances name) and its roughness penalty.</summary>
internal static class Targets
{
    /// <summary>Every targeted reference figure against plan mode.</summary>
    public static List<FitRow> Rows(CalibrationTemplate template, ReferenceData reference, PlanResult plan)
    {
        var rows = new List<FitRow>();
        foreach (var t in template.Targets)
        {
            if (t.Target == TargetTolerance.LacMilestones)
            {
                foreach (var m in reference.LacMilestones)
                {
                    rows.Add(new FitRow(t.Target, m.Month.ToString(), m.Lac, plan.LacAtEndOf(m.Month), t.For(m.Lac)));
                }

                continue;
            }

            Metrics.TryParse(t.Target, out var metric);
            if (!reference.Rows.TryGetValue(t.Target, out var row))
            {
                continue;
            }

            for (int f = 0; f < plan.FinancialYears.Count; f++)
            {
                var fy = plan.FinancialYears[f];
                if (row.TryGetValue(fy, out double paper))
                {
                    rows.Add(new FitRow(t.Target, fy.ToString(), paper, plan.Get(f, metric), t.For(paper)));
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// Σ over FYs of (second difference of do-nothing LAC at 31 March / 1 % of the opening LAC)²:
    /// zero for a straight path, large for one that changes direction every year.
    /// </summary>
    public static double Roughness(PlanResult plan)
    {
        double scale = Math.Max(1, 0.01 * plan.OpeningLac);
        double sum = 0;
        int n = plan.FinancialYears.Count;
        for (int f = 1; f + 1 < n; f++)
        {
            double d2 = plan.Get(f + 1, Metric.LacEndDoNothing) - (2 * plan.Get(f, Metric.LacEndDoNothing)) + plan.Get(f - 1, Metric.LacEndDoNothing);
            sum += (d2 / scale) * (d2 / scale);
        }

        return sum;
    }
}
