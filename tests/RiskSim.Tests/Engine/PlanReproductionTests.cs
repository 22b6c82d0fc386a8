using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Core.Time;
using RiskSim.Scenarios;

namespace RiskSim.Tests.Engine;

/// <summary>
/// Plan mode must reproduce the Staffordshire paper (shared/design/domain.md, "Reproduction targets").
/// The targets are typed in here from the paper's tables (as transcribed in domain.md), not read
/// from the scenario's own <c>reference</c> block, so the test checks the paper and not itself.
/// </summary>
public sealed class PlanReproductionTests
{
    // FYs 2019/20 … 2025/26, £. Table 1 (Staffordshire Cabinet, 20 Nov 2019), as in domain.md.
    private static readonly int[] FyStartYears = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

    /// <summary>Table 1, "Investment total", £'000 × 1,000.</summary>
    private static readonly double[] Investment = [930_000, 2_570_000, 1_425_000, 1_423_000, 605_000, 590_000, 590_000];

    /// <summary>Table 1, "Avoidance of growth", £'000 × 1,000.</summary>
    private static readonly double[] AvoidanceOfGrowth = [0, 4_936_000, 6_917_000, 8_970_000, 11_094_000, 13_255_000, 15_611_000];

    /// <summary>Table 1, "Placements saving", £'000 × 1,000.</summary>
    private static readonly double[] PlacementsSaving = [739_000, 4_752_000, 9_082_000, 12_884_000, 15_149_000, 16_453_000, 17_072_000];

    /// <summary>Table 3 position (= investment − placements − workforce + MTFS + overspend), £'000 × 1,000.</summary>
    private static readonly double[] Position = [5_105_000, 11_197_000, 5_972_000, 1_968_000, -1_315_000, -2_834_000, -3_453_000];

    /// <summary>LAC milestones: para 16 (1,185 by March 2020), para 17 (1,100 by March 2021), para 22 (829 by March 2026).</summary>
    private static readonly (YearMonth Month, double Lac)[] LacMilestones =
    [
        (new YearMonth(2020, 3), 1_185),
        (new YearMonth(2021, 3), 1_100),
        (new YearMonth(2026, 3), 829),
    ];

    private static readonly Lazy<(PlanResult Plan, Horizon Horizon)> Result = new(() =>
    {
        string path = EngineTestData.StaffordshirePath;
        var scenario = ScenarioLoader.Parse(File.ReadAllText(path), path);
        var model = CompiledModel.Compile(scenario);
        return (PlanRunner.Run(model), scenario.Horizon);
    });

    private static PlanResult Plan => Result.Value.Plan;

    /// <summary>
    /// The FYs where the smooth do-nothing path (issue 8) leaves a domain target, with the miss
    /// documented in docs/calibration.md (£'000, plan − paper). The paper's avoidance row steps
    /// from 0 to £4.9m in one year, which a stock with 3 % monthly exits cannot follow smoothly;
    /// the old per-FY entries met it only by zig-zagging, and that zig-zag also leaked into the
    /// programme world, where the placements and position rows had been fitted on it. Every other
    /// FY must stay within its tolerance; a listed FY must miss by the documented amount (±£1k),
    /// so a change to the fit has to update the documentation too.
    /// </summary>
    private static readonly Dictionary<(Metric, int), double> DocumentedMisses = new()
    {
        [(Metric.AvoidanceOfGrowthGbp, 2020)] = -2_156_000,
        [(Metric.AvoidanceOfGrowthGbp, 2022)] = 1_126_000,
        [(Metric.AvoidanceOfGrowthGbp, 2023)] = 1_008_000,
        [(Metric.AvoidanceOfGrowthGbp, 2025)] = -1_290_000,
        [(Metric.PlacementsSavingGbp, 2019)] = -185_000,
        [(Metric.PlacementsSavingGbp, 2020)] = 285_000,
        [(Metric.PositionGbp, 2022)] = 529_000,
        [(Metric.PositionGbp, 2025)] = -523_000,
    };

    [Fact]
    public void The_horizon_has_the_seven_FYs_of_Table_1()
    {
        Assert.Equal(FyStartYears, Plan.FinancialYears.Select(fy => fy.StartYear));
    }

    [Fact]
    public void Investment_row_equals_Table_1_to_the_pound()
    {
        for (int f = 0; f < Investment.Length; f++)
        {
            double actual = Plan.Get(f, Metric.InvestmentGbp);
            Assert.True(Math.Abs(actual - Investment[f]) < 0.5, $"{Plan.FinancialYears[f]}: investment £{actual:F2}, Table 1 £{Investment[f]:F0}");
        }
    }

    [Fact]
    public void LAC_milestones_within_1_percent()
    {
        var horizon = Result.Value.Horizon;
        foreach (var (month, lac) in LacMilestones)
        {
            double actual = Plan.LacByMonthEnd[horizon.IndexOf(month)];
            Assert.True(Math.Abs(actual - lac) <= 0.01 * lac, $"LAC at end of {month}: {actual:F1}, paper {lac} (±1 %)");
        }
    }

    [Fact]
    public void LAC_at_end_of_each_FY_is_the_end_of_its_March()
    {
        var horizon = Result.Value.Horizon;
        for (int f = 0; f < Plan.FinancialYears.Count; f++)
        {
            var march = new YearMonth(Plan.FinancialYears[f].StartYear + 1, 3);
            Assert.Equal(Plan.LacByMonthEnd[horizon.IndexOf(march)], Plan.Get(f, Metric.LacEnd));
        }
    }

    [Fact]
    public void Placements_saving_within_5_percent_from_2020_21_and_150k_in_2019_20()
    {
        AssertRow(Metric.PlacementsSavingGbp, PlacementsSaving);
    }

    [Fact]
    public void Avoidance_of_growth_within_5_percent_from_2020_21_and_150k_in_2019_20()
    {
        AssertRow(Metric.AvoidanceOfGrowthGbp, AvoidanceOfGrowth);
    }

    [Fact]
    public void Position_within_500k_each_FY()
    {
        for (int f = 0; f < Position.Length; f++)
        {
            double actual = Plan.Get(f, Metric.PositionGbp);
            if (!AssertDocumentedMiss(Metric.PositionGbp, f, actual - Position[f]))
            {
                Assert.True(Math.Abs(actual - Position[f]) <= 500_000, $"{Plan.FinancialYears[f]}: position £{actual:F0}, Table 3 £{Position[f]:F0} (±£500k)");
            }
        }
    }

    [Fact]
    public void Breakeven_in_2023_24()
    {
        // Table 3 / para 34: the first FY with position ≤ 0 is 2023/24.
        Assert.Equal(new FinancialYear(2023), Plan.BreakevenFy);
        for (int f = 0; f < Plan.BreakevenFyIndex; f++)
        {
            Assert.True(Plan.Get(f, Metric.PositionGbp) > 0);
        }
    }

    /// <summary>2019/20 (a part year, index 0) within ±£150k; later FYs within ±5 % of the paper.</summary>
    private static void AssertRow(Metric metric, double[] paper)
    {
        for (int f = 0; f < paper.Length; f++)
        {
            double actual = Plan.Get(f, metric);
            if (AssertDocumentedMiss(metric, f, actual - paper[f]))
            {
                continue;
            }

            double tolerance = f == 0 ? 150_000 : 0.05 * Math.Abs(paper[f]);
            Assert.True(
                Math.Abs(actual - paper[f]) <= tolerance,
                $"{Plan.FinancialYears[f]} {metric.ColumnName()}: £{actual:F0}, Table 1 £{paper[f]:F0} (±£{tolerance:F0})");
        }
    }

    /// <summary>True (after checking the amount) when FY <paramref name="f"/> of the metric is a documented miss.</summary>
    private static bool AssertDocumentedMiss(Metric metric, int f, double miss)
    {
        if (!DocumentedMisses.TryGetValue((metric, FyStartYears[f]), out double documented))
        {
            return false;
        }

        Assert.True(Math.Abs(miss - documented) <= 1_000, $"{Plan.FinancialYears[f]} {metric.ColumnName()}: plan − paper £{miss:F0}, documented £{documented:F0} (docs/calibration.md)");
        return true;
    }

    [Fact]
    public void Do_nothing_LAC_changes_direction_at_most_once()
    {
        // Issue 8: the do-nothing world is a forecast, not a fitting artefact.
        var lac = Enumerable.Range(0, Plan.FinancialYears.Count).Select(f => Plan.Get(f, Metric.LacEndDoNothing)).ToList();
        var changes = lac.Zip(lac.Skip(1), (a, b) => b - a).ToList();
        int switches = changes.Zip(changes.Skip(1), (a, b) => a * b < 0 ? 1 : 0).Sum();
        Assert.True(switches <= 1, "do-nothing LAC: " + string.Join(", ", lac.Select(x => x.ToString("F0", System.Globalization.CultureInfo.InvariantCulture))));
    }
}
