using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using RiskSim.Core.Time;

namespace RiskSim.Tests.Report;

/// <summary>
/// A hand-made <see cref="RunResult"/> shaped like a Staffordshire run (five FYs, a monthly LAC fan,
/// a paper table, inputs with sources, optional sensitivity rows), so the report can be tested
/// without running the engine. Its figures are round numbers the tests quote back.
/// </summary>
internal static class SampleRunResult
{
    public static readonly string[] Years = ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"];

    public static RunResult Create(bool withSensitivity = false, double? contingencyGbp = 2_250_000)
    {
        var fys = Years.Select(y => { FinancialYear.TryParse(y, out var fy); return fy; }).ToArray();
        double[] positionP50 = [900_000, 400_000, -200_000, -800_000, -1_300_000];
        double[] planPosition = [800_000, 200_000, -500_000, -1_100_000, -1_600_000];
        var summary = new List<SummaryRow>();
        double cumulative = 0;
        for (int i = 0; i < fys.Length; i++)
        {
            summary.Add(Row(fys[i], Metric.PositionGbp.ColumnName(), positionP50[i], 600_000));
            cumulative += positionP50[i];
            summary.Add(Row(fys[i], Metric.CumulativePositionGbp.ColumnName(), cumulative, 900_000 * Math.Sqrt(i + 1)));
            summary.Add(Row(fys[i], Metric.LacEnd.ColumnName(), 1000 - (20 * i), 60));
        }

        var plan = new List<PlanFigure>();
        double planCumulative = 0;
        for (int i = 0; i < fys.Length; i++)
        {
            planCumulative += planPosition[i];
            plan.Add(new PlanFigure(Years[i], Metric.PositionGbp.ColumnName(), planPosition[i], i == 4 ? -1_700_000 : null));
            plan.Add(new PlanFigure(Years[i], Metric.CumulativePositionGbp.ColumnName(), planCumulative, null));
        }

        var fan = new List<FanPoint>();
        for (int m = 0; m < 60; m++)
        {
            string month = new DateTime(2019, 4, 1).AddMonths(m).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            double p50 = 1000 - (m * 0.4);
            double spread = 10 + m;
            double? milestone = m == 35 ? 985 : m == 59 ? 940 : null;
            fan.Add(new FanPoint(month, p50 - (1.6 * spread), p50 - (0.7 * spread), p50, p50 + (0.7 * spread), p50 + (1.6 * spread), 1000 - (m * 1.2), milestone));
        }

        // S-curve of a normal cumulative position, mean −1,000,000 and sd 2,000,000.
        var curve = Enumerable.Range(1, 99)
            .Select(k => new QuantilePoint(k / 100.0, -1_000_000 + (2_000_000 * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, k / 100.0))))
            .ToArray();
        double planCum = planCumulative; // −2,200,000
        ContingencyLevel Level(double q)
        {
            double x = -1_000_000 + (2_000_000 * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, q));
            return new ContingencyLevel(q, x, x - planCum, new QuantileInterval(x - planCum - 60_000, x - planCum + 60_000));
        }

        var coverages = new List<ContingencyCoverage> { new(0, 0.27, 0.0044) };
        if (contingencyGbp is { } amount)
        {
            coverages.Add(new ContingencyCoverage(amount, 0.61, 0.0049));
        }

        var sensitivity = new List<SensitivityRow>();
        if (withSensitivity)
        {
            string output = Metric.CumulativePositionGbp.ColumnName();
            (string Input, double Low, double High, double First, double Total)[] effects =
            [
                ("entries_rate_multiplier", -2_400_000, 400_000, 0.41, 0.45),
                ("realisation_factor", 300_000, -2_100_000, 0.38, 0.40),
                ("unit_cost_multiplier", -1_500_000, -600_000, 0.09, 0.11),
                ("workforce_saving_share", -1_200_000, -900_000, 0.02, 0.03),
            ];
            foreach (var e in effects)
            {
                sensitivity.Add(new SensitivityRow(e.Input, output, null, "tornado_low", e.Low, null, null));
                sensitivity.Add(new SensitivityRow(e.Input, output, null, "tornado_high", e.High, null, null));
                sensitivity.Add(new SensitivityRow(e.Input, output, null, "sobol_first", e.First, e.First - 0.03, e.First + 0.03));
                sensitivity.Add(new SensitivityRow(e.Input, output, null, "sobol_total", e.Total, e.Total - 0.03, e.Total + 0.03));
            }
        }

        return new RunResult
        {
            Metadata = new RunMetadata("Staffordshire sample", new string('a', 64), 42, 10_000, "0.2.0-test", "mc"),
            Scenario = new ScenarioFacts(
                "Staffordshire sample",
                "Staffordshire County Council Cabinet, 20 November 2019, https://example.org/cabinet-paper.pdf",
                "2022/23",
                new Dictionary<string, string> { ["position_gbp"] = "Budget position" }),
            Years = Years,
            Plan = plan,
            Summary = summary,
            Breakeven = new BreakevenDistribution(
                FirstByFy: [0.02, 0.15, 0.48, 0.72, 0.84],
                FirstInFy: [0.02, 0.13, 0.33, 0.24, 0.12],
                FirstNever: 0.16,
                LastingByFy: [0.01, 0.10, 0.40, 0.66, 0.84],
                LastingInFy: [0.01, 0.09, 0.30, 0.26, 0.18],
                LastingNever: 0.16,
                PlanFy: "2021/22",
                PaperFy: "2022/23",
                Trials: 10_000),
            Contingency = new ContingencyFigures(planCum, [Level(0.5), Level(0.8), Level(0.9)], 3_900_000, 45_000),
            Coverages = coverages,
            LacFan = fan,
            CumulativePositionCurve = curve,
            Inputs =
            [
                new InputDescription("entries_rate_multiplier", "PERT(min 0.5, mode 0.85, max 1)", 0.85, 0.68, 0.82, 0.93, "Assumption: the paper's 15 % fall in entries, https://example.org/p.pdf <p. 4>"),
                new InputDescription("realisation_factor", "Beta(4, 2)", 1, 0.44, 0.69, 0.88, null),
            ],
            PaperTable =
            [
                new PaperTableRow("Budget position", "position_gbp", [null, null, null, null, -1_700_000], planPosition, [.. positionP50.Select(v => v - 770_000)], positionP50, [.. positionP50.Select(v => v + 770_000)]),
                new PaperTableRow("LAC at 31 March", "lac_end", [null, null, null, 985, 940], [1000, 988, 976, 964, 952], [930, 910, 895, 880, 860], [1000, 980, 960, 940, 920], [1070, 1050, 1025, 1000, 980]),
            ],
            Sensitivity = sensitivity,
        };
    }

    private static SummaryRow Row(FinancialYear fy, string metric, double p50, double sd)
    {
        // A normal distribution's percentiles: z(0.05) = −1.645, z(0.10) = −1.2816, z(0.25) = −0.6745, z(0.80) = 0.8416.
        var ci = new QuantileInterval(p50 - (0.02 * sd), p50 + (0.02 * sd));
        return new SummaryRow(
            fy, metric, p50, sd,
            p50 - (1.645 * sd), p50 - (1.2816 * sd), p50 - (0.6745 * sd), p50, p50 + (0.6745 * sd), p50 + (0.8416 * sd), p50 + (1.2816 * sd), p50 + (1.645 * sd),
            sd / 100, ci, ci, ci);
    }
}
