using RiskSim.Core.Model;
using RiskSim.Core.Time;
using RiskSim.Core.Uncertainty;
using RiskSim.Scenarios;

namespace RiskSim.Tests.Scenarios;

public sealed class ScenarioLoaderValidTests
{
    private static Scenario Load(string yaml) => ScenarioLoader.Parse(yaml, ScenarioYaml.FileName);

    [Fact]
    public void ReadsTopLevelHorizonAndStock()
    {
        Scenario scenario = Load(ScenarioYaml.Valid);

        Assert.Equal("Testshire 2019", scenario.Name);
        Assert.Equal(new YearMonth(2019, 4), scenario.Horizon.Start);
        Assert.Equal(new YearMonth(2022, 3), scenario.Horizon.End);
        Assert.Equal(4, scenario.Horizon.FyStartMonth);
        Assert.Equal(36, scenario.Horizon.MonthCount);
        Assert.Equal(500, scenario.Demand.StartStock);
        Assert.Equal(200, scenario.Demand.StockMixConcentration);
        Assert.Equal(100, scenario.Demand.EntryMixConcentration);
    }

    [Fact]
    public void ReadsPlacementTypesWithColumnNamesAndPlans()
    {
        Scenario scenario = Load(ScenarioYaml.Valid);

        Assert.Equal(["residential", "ifa", "in_house"], scenario.PlacementTypes.Select(t => t.Id));
        PlacementType residential = scenario.PlacementTypes[0];
        Assert.Equal("Children's homes", residential.Label);
        Assert.Equal(0.2, residential.StockShare);
        Assert.Equal(0.1, residential.EntryShare);
        Assert.Equal("residential_weekly_cost_gbp", residential.WeeklyCostGbp.Name);
        var pert = Assert.IsType<PertDistribution>(residential.WeeklyCostGbp.Distribution);
        Assert.Equal((3830, 4200, 4639), (pert.Min, pert.Mode, pert.Max));
        Assert.Equal(4200, residential.WeeklyCostGbp.Plan);
        Assert.Equal("residential_unit_cost_inflation", residential.UnitCostInflation.Name);
        Assert.Equal(0.03, residential.UnitCostInflation.Plan);
        Assert.False(residential.ExitRate.Distribution.IsUncertain);

        PlacementType ifa = scenario.PlacementTypes[1];
        var logNormal = Assert.IsType<LogNormalDistribution>(ifa.WeeklyCostGbp.Distribution);
        Assert.Equal(900, logNormal.Plan);
        Assert.Equal("ifa_unit_cost_inflation", ifa.UnitCostInflation.Name);
        Assert.IsType<Constant>(ifa.UnitCostInflation.Distribution);
        Assert.Equal(0, ifa.UnitCostInflation.Plan);
        Assert.Equal(0.03, ifa.ExitRate.Plan, 12);

        PlacementType inHouse = scenario.PlacementTypes[2];
        Assert.Equal(400, Assert.IsType<Constant>(inHouse.WeeklyCostGbp.Distribution).Value);
        Assert.IsType<TriangularDistribution>(inHouse.ExitRate.Distribution);
        Assert.Equal("in_house_exit_rate", inHouse.ExitRate.Name);
        Assert.Equal(0.03, inHouse.ExitRate.Plan);
    }

    [Fact]
    public void ReadsEntriesAsOneRate()
    {
        Demand demand = Load(ScenarioYaml.Valid).Demand;

        Assert.Null(demand.EntriesPerMonthByFy);
        Input perMonth = Assert.IsType<Input>(demand.EntriesPerMonth);
        Assert.Equal("entries_per_month", perMonth.Name);
        var normal = Assert.IsType<NormalDistribution>(perMonth.Distribution);
        Assert.Equal((30, 4, 0), (normal.Mu, normal.Sd, normal.Minimum));
        Assert.Equal(30, perMonth.Plan);
        Assert.Equal("entries_annual_growth", demand.AnnualGrowth.Name);
        Assert.Equal(0.02, demand.AnnualGrowth.Plan);
        Assert.Equal("entries_rate_multiplier", demand.RateMultiplier.Name);
        Assert.IsType<UniformDistribution>(demand.RateMultiplier.Distribution);
        Assert.Equal(1.0, demand.RateMultiplier.Plan, 12);
    }

    [Fact]
    public void ReadsEntriesByFinancialYearWithDefaults()
    {
        string yaml = ScenarioYaml.With(
            """
              per_month: {dist: normal, mean: 30, sd: 4, min: 0}
              annual_growth: 0.02
              rate_multiplier: {dist: uniform, min: 0.9, max: 1.1}
            """,
            """
              per_month_by_fy:
                2019/20: 30
                2020/21: {dist: pert, min: 28, mode: 32, max: 40}
                2021/22: 34
            """);

        Demand demand = Load(yaml).Demand;

        Assert.Null(demand.EntriesPerMonth);
        var byFy = Assert.IsAssignableFrom<IReadOnlyDictionary<FinancialYear, Input>>(demand.EntriesPerMonthByFy);
        Assert.Equal(3, byFy.Count);
        Input middle = byFy[new FinancialYear(2020)];
        Assert.Equal("entries_per_month_2020_21", middle.Name);
        Assert.Equal(32, middle.Plan);
        Assert.Equal("entries_per_month_2019_20", byFy[new FinancialYear(2019)].Name);
        Assert.Equal(34, byFy[new FinancialYear(2021)].Plan);
        Assert.Equal(0, demand.AnnualGrowth.Plan);
        Assert.Equal(1, demand.RateMultiplier.Plan);
        Assert.False(demand.RateMultiplier.Distribution.IsUncertain);
    }

    [Fact]
    public void ReadsStepDownsAndInvestmentLines()
    {
        Scenario scenario = Load(ScenarioYaml.Valid);

        StepDown stepDown = Assert.Single(scenario.StepDowns);
        Assert.Equal(("residential", "ifa"), (stepDown.From, stepDown.To));
        Assert.Equal("step_down_residential_to_ifa_rate", stepDown.MonthlyRate.Name);
        Assert.Equal(0.01, stepDown.MonthlyRate.Plan);

        InvestmentLine posts = scenario.InvestmentLines[0];
        Assert.Equal("edge_of_care", posts.Id);
        Assert.Equal(new YearMonth(2019, 7), posts.PlannedStart);
        Assert.Null(posts.AmountsGbpByFy);
        Assert.Equal(new PostFunding(6, 45000, new YearMonth(2022, 3)), posts.Posts);
        Assert.Equal("edge_of_care_recruitment_delay_months", posts.RecruitmentDelayMonths.Name);
        Assert.Equal(0, posts.RecruitmentDelayMonths.Plan);
        Assert.Equal(2, Assert.IsType<PertDistribution>(posts.RecruitmentDelayMonths.Distribution).Mode);
        Assert.Equal(1.245, posts.AgencyCoverRatio);

        InvestmentLine amounts = scenario.InvestmentLines[1];
        Assert.Null(amounts.Posts);
        Assert.Null(amounts.AgencyCoverRatio);
        Assert.Equal(150000, amounts.AmountsGbpByFy![new FinancialYear(2020)]);
        Assert.Equal(3, amounts.AmountsGbpByFy.Count);
        Assert.Equal("fostering_recruitment_recruitment_delay_months", amounts.RecruitmentDelayMonths.Name);
        Assert.Equal(0, amounts.RecruitmentDelayMonths.Plan);
    }

    [Fact]
    public void ReadsEveryEffectKind()
    {
        IReadOnlyList<ProgrammeEffect> effects = Load(ScenarioYaml.Valid).Effects;

        Assert.Equal(4, effects.Count);
        var diversion = Assert.IsType<EntryDiversion>(effects[0]);
        Assert.Equal("diversion", diversion.Id);
        Assert.Equal(["edge_of_care"], diversion.Lines);
        Assert.Equal(new YearMonth(2019, 10), diversion.Start);
        Assert.Equal(6, diversion.RampMonths);
        Assert.Null(diversion.End);
        Assert.Equal("effect_diversion_size", diversion.Size.Name);
        Assert.Equal(0.1, diversion.Size.Plan);

        var exits = Assert.IsType<ExitUplift>(effects[1]);
        Assert.Equal(0, exits.RampMonths);
        Assert.Equal(new YearMonth(2021, 9), exits.End);
        Assert.Equal(["residential"], exits.Types);
        Assert.Equal(0.2, exits.Size.Plan);
        Assert.Equal("effect_more_exits_size", exits.Size.Name);

        var stepDown = Assert.IsType<StepDownUplift>(effects[2]);
        Assert.Equal(("residential", "in_house"), (stepDown.From, stepDown.To));
        Assert.Equal(12, stepDown.RampMonths);
        Assert.Equal(0.01, stepDown.Size.Plan, 12);

        var oneInOneOut = Assert.IsType<OneInOneOut>(effects[3]);
        Assert.Empty(oneInOneOut.Lines);
        Assert.Equal(0, oneInOneOut.RampMonths);
        Assert.Equal(["in_house"], oneInOneOut.Types);
        Assert.Equal(new YearMonth(2020, 4), oneInOneOut.Start);
    }

    [Fact]
    public void ReadsWorkforcePressuresAndReference()
    {
        Scenario scenario = Load(ScenarioYaml.Valid);

        WorkforceSaving workforce = Assert.IsType<WorkforceSaving>(scenario.Workforce);
        Assert.False(workforce.ScalesWithLacReduction);
        Assert.Equal(80000, workforce.AmountsGbpByFy[new FinancialYear(2021)]);

        Pressure pressure = Assert.Single(scenario.Pressures);
        Assert.Equal(("overspend", "Forecast overspend"), (pressure.Id, pressure.Label));
        Input overspend = pressure.AmountsGbpByFy[new FinancialYear(2020)];
        Assert.Equal("pressure_overspend_2020_21_gbp", overspend.Name);
        Assert.Equal(500000, overspend.Plan);
        Assert.Equal(-200000, pressure.AmountsGbpByFy[new FinancialYear(2021)].Plan);

        ReferenceData reference = Assert.IsType<ReferenceData>(scenario.Reference);
        Assert.Equal(["investment_gbp", "position_gbp"], reference.Rows.Keys.Order());
        Assert.Equal(420000, reference.Rows["investment_gbp"][new FinancialYear(2020)]);
        Assert.Equal(-150000, reference.Rows["position_gbp"][new FinancialYear(2021)]);
        Assert.Equal(
            [new LacMilestone(new YearMonth(2019, 3), 500), new LacMilestone(new YearMonth(2022, 3), 470)],
            reference.LacMilestones);
        Assert.Equal(new FinancialYear(2021), reference.BreakevenFy);
    }

    [Fact]
    public void OptionalSectionsMayBeLeftOut()
    {
        string yaml = """
            schema: risksim/scenario/1
            name: Minimal
            horizon: {start: 2020-01, end: 2020-12, fy_start_month: 1}
            stock: {total: 10}
            entries: {per_month: 1}
            placement_types:
              - {id: only, label: Only type, stock_share: 1, entry_share: 1, weekly_cost_gbp: 100, exit_rate: 0.05}
            """;

        Scenario scenario = Load(yaml);

        Assert.Empty(scenario.StepDowns);
        Assert.Empty(scenario.InvestmentLines);
        Assert.Empty(scenario.Effects);
        Assert.Empty(scenario.Pressures);
        Assert.Null(scenario.Workforce);
        Assert.Null(scenario.Reference);
        Assert.Null(scenario.Demand.StockMixConcentration);
        Assert.Equal([new FinancialYear(2020)], scenario.Horizon.FinancialYears);
    }
}
