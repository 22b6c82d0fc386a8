using RiskSim.Core.Engine;
using RiskSim.Core.Results;

namespace RiskSim.Tests.Engine;

/// <summary>
/// With every input fixed at its plan value, the only randomness left is in the flows (Poisson
/// entries, binomial exits and moves, multinomial split). Plan mode uses their expectations, and
/// the stock recursion is linear in the stock, so the mean of each FY's stock and cost over trials
/// must converge to plan mode. (One-in-one-out is linear too whenever the month's entries cover
/// the held type's leavers, which they do here with overwhelming probability.)
/// </summary>
/// <remarks>
/// Tolerance: |mean − plan| ≤ 3 · SE with SE = sd / √N (sd the sample standard deviation of the
/// metric over the N trials). Each comparison has a 0.27 % false-alarm rate under the null; the
/// seed is fixed, so the outcome is deterministic.
/// <para>
/// <c>position_gbp</c> is deliberately not compared: the workforce saving of a trial is the plan's
/// amount scaled by min(1, achieved LAC reduction / plan reduction), and E[min(1, X)] &lt; 1 when X
/// varies around 1, so the stochastic mean workforce saving sits below the plan and the mean
/// position above it even with fixed inputs. That is asserted instead.
/// </para>
/// </remarks>
public sealed class PlanVersusStochasticTests
{
    private const int N = 10_000;

    private static readonly Metric[] Compared =
    [
        Metric.LacEnd, Metric.LacAverage, Metric.LacEndDoNothing,
        Metric.CostProgrammeGbp, Metric.CostDoNothingGbp,
        Metric.PlacementsSavingGbp, Metric.AvoidanceOfGrowthGbp,
    ];

    private static readonly Lazy<(PlanResult Plan, IReadOnlyList<SummaryRow> Summary, CollectingSink Trials)> Staffordshire = new(() =>
        Run(EngineTestData.Staffordshire, seed: 7));

    private static readonly Lazy<(PlanResult Plan, IReadOnlyList<SummaryRow> Summary, CollectingSink Trials)> Smallshire = new(() =>
        Run(EngineTestData.Compile(EngineTestData.Smallshire), seed: 11));

    private static (PlanResult, IReadOnlyList<SummaryRow>, CollectingSink) Run(CompiledModel model, ulong seed)
    {
        var accumulator = new SummaryAccumulator(model.FinancialYears, N);
        var sink = new CollectingSink();
        StochasticRunner.Run(model, new RunOptions(N, seed, Threads: 2, InputUncertainty: false), [accumulator, sink]);
        return (PlanRunner.Run(model), accumulator.Build(), sink);
    }

    [Fact]
    public void Staffordshire_means_match_plan_mode_within_3_standard_errors() => AssertMeansMatch(Staffordshire.Value);

    [Fact]
    public void Smallshire_means_match_plan_mode_within_3_standard_errors() => AssertMeansMatch(Smallshire.Value);

    [Fact]
    public void Staffordshire_workforce_saving_never_exceeds_the_plan_and_its_mean_is_below()
    {
        var (plan, summary, trials) = Staffordshire.Value;
        for (int f = 0; f < plan.FinancialYears.Count; f++)
        {
            double planned = plan.Get(f, Metric.WorkforceSavingGbp);
            for (int t = 0; t < N; t++)
            {
                Assert.True(trials.Get(t, f, Metric.WorkforceSavingGbp) <= planned, $"trial {t}, {plan.FinancialYears[f]}: workforce saving above the plan");
            }

            var row = Row(summary, plan, f, Metric.WorkforceSavingGbp);
            if (planned > 0)
            {
                // About half the trials fall short of the plan's LAC reduction, so the mean is below.
                Assert.True(row.Mean < planned, $"{plan.FinancialYears[f]}: mean workforce saving {row.Mean} not below plan {planned}");
            }
            else
            {
                Assert.Equal(0, row.Mean);
            }
        }
    }

    [Fact]
    public void Fixed_inputs_give_exactly_the_plan_investment_and_pressures()
    {
        // Nothing random reaches spending or pressures when inputs are fixed: every trial equals the plan.
        var (plan, _, trials) = Staffordshire.Value;
        for (int f = 0; f < plan.FinancialYears.Count; f++)
        {
            for (int t = 0; t < N; t += 97)
            {
                Assert.Equal(plan.Get(f, Metric.InvestmentGbp), trials.Get(t, f, Metric.InvestmentGbp));
                Assert.Equal(plan.Get(f, Metric.PressuresGbp), trials.Get(t, f, Metric.PressuresGbp));
                Assert.Equal(plan.Get(f, Metric.CostStandstillGbp), trials.Get(t, f, Metric.CostStandstillGbp));
            }
        }
    }

    [Fact]
    public void Summary_means_are_the_means_of_the_trials()
    {
        var (plan, summary, trials) = Staffordshire.Value;
        for (int f = 0; f < plan.FinancialYears.Count; f++)
        {
            double sum = 0;
            for (int t = 0; t < N; t++)
            {
                sum += trials.Get(t, f, Metric.LacEnd);
            }

            Assert.Equal(sum / N, Row(summary, plan, f, Metric.LacEnd).Mean, 9);
        }
    }

    private static void AssertMeansMatch((PlanResult Plan, IReadOnlyList<SummaryRow> Summary, CollectingSink Trials) run)
    {
        var (plan, summary, _) = run;
        var failures = new List<string>();
        for (int f = 0; f < plan.FinancialYears.Count; f++)
        {
            foreach (var metric in Compared)
            {
                var row = Row(summary, plan, f, metric);
                double expected = plan.Get(f, metric);
                double se = row.Sd / Math.Sqrt(N);
                Assert.True(se > 0, $"{plan.FinancialYears[f]} {metric.ColumnName()}: no variation across trials");
                double z = (row.Mean - expected) / se;
                if (Math.Abs(z) > 3)
                {
                    failures.Add($"{plan.FinancialYears[f]} {metric.ColumnName()}: mean {row.Mean:F2}, plan {expected:F2}, SE {se:F2}, z = {z:F2}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static SummaryRow Row(IReadOnlyList<SummaryRow> summary, PlanResult plan, int f, Metric metric) =>
        summary.Single(r => r.Fy == plan.FinancialYears[f] && r.Metric == metric.ColumnName());
}
