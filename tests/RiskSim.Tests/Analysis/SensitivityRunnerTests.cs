using System.Text.RegularExpressions;
using RiskSim.Analysis;
using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Sensitivity;
using RiskSim.Tests.Engine;

namespace RiskSim.Tests.Analysis;

/// <summary>The sensitivity runner on the engine: groups, a dominant input ranked first by every method, sizes and determinism.</summary>
public sealed partial class SensitivityRunnerTests
{
    private const string Dominant = "entries_rate_multiplier";

    private static readonly Lazy<CompiledModel> DominantModel = new(() => EngineTestData.Compile(DominantText(), "dominant.yaml"));

    private static readonly Lazy<SensitivityResult> DominantResult = new(() =>
        SensitivityRunner.Run(DominantModel.Value, new SensitivityOptions(600, 7, 2, SobolRows: 96, TornadoTrials: 96)));

    /// <summary>Staffordshire with the entries rate multiplier widened to 0.5–2.0, which then dominates the cumulative position.</summary>
    internal static string DominantText()
    {
        string text = EngineTestData.StaffordshireText;
        string edited = RateMultiplier().Replace(text, "rate_multiplier: {dist: pert, min: 0.5, mode: 1.0, max: 2.0, plan: 1.0}", 1);
        Assert.NotEqual(text, edited);
        return edited;
    }

    [GeneratedRegex(@"rate_multiplier:\s*\{[^}]*\}")]
    private static partial Regex RateMultiplier();

    [Fact]
    public void Inputs_are_grouped_by_their_role_in_the_model()
    {
        var model = EngineTestData.Staffordshire;
        string GroupOf(string column) => model.InputGroupOf(model.InputColumns.ToList().IndexOf(column));
        Assert.Equal(InputGroups.Demand, GroupOf("entries_rate_multiplier"));
        Assert.Equal(InputGroups.Costs, GroupOf("residential_weekly_cost_gbp"));
        Assert.Equal(InputGroups.Delays, GroupOf("court_team_recruitment_delay_months"));
        Assert.Equal(InputGroups.Effects, GroupOf("effect_gatekeeping_diversion_size"));
        Assert.Equal(InputGroups.Costs, GroupOf("residential_unit_cost_inflation"));
        Assert.Equal(InputGroups.Delays, GroupOf("court_team_benefit_lag_months"));
        Assert.DoesNotContain("stock_share_residential", model.InputColumns);
        Assert.Equal(InputGroups.Mix, GroupOf("entry_share_ifa"));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.InputGroupOf(model.InputColumns.Count));

        var groups = SensitivityRunner.Groups(model);
        Assert.Equal(["demand", "mix", "effects", "delays", "costs"], groups.Select(g => g.Name));
        Assert.Equal(model.InputColumns.Order(StringComparer.Ordinal), groups.SelectMany(g => g.Columns).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_method_ranks_the_dominant_input_first()
    {
        var result = DominantResult.Value;
        const string output = SensitivityResult.CumulativePosition;
        string TopBy(string method) => result.For(output, method).MaxBy(r => Math.Abs(r.Value))!.Input;
        foreach (string method in new[] { SensitivityMethod.Spearman, SensitivityMethod.Prcc, SensitivityMethod.SobolFirst, SensitivityMethod.SobolTotal, SensitivityMethod.MlImportance })
        {
            Assert.True(TopBy(method) == Dominant, $"{method} ranks {TopBy(method)} first");
        }

        string TopSwing(string lowMethod, string highMethod)
        {
            var low = result.For(output, lowMethod).ToDictionary(r => r.Input, r => r.Value);
            return result.For(output, highMethod).MaxBy(r => Math.Abs(r.Value - low[r.Input]))!.Input;
        }

        Assert.Equal(Dominant, TopSwing(SensitivityMethod.TornadoLow, SensitivityMethod.TornadoHigh));
        Assert.Equal(Dominant, TopSwing(SensitivityResult.TornadoDecileLow, SensitivityResult.TornadoDecileHigh));
        Assert.Equal(InputGroups.Demand, result.For(output, SensitivityMethod.GroupSobolTotal).MaxBy(r => r.Value)!.Input);

        // More demand, more children in care, a larger overspend: every direction agrees.
        Assert.True(result.For(output, SensitivityMethod.Spearman).Single(r => r.Input == Dominant).Value > 0.5);
        Assert.True(result.For(output, SensitivityMethod.TornadoHigh).Single(r => r.Input == Dominant).Value
            > result.For(output, SensitivityMethod.TornadoLow).Single(r => r.Input == Dominant).Value);
    }

    [Fact]
    public void Every_output_has_every_method_for_every_input_and_group()
    {
        var model = DominantModel.Value;
        var result = DominantResult.Value;
        int d = model.InputColumns.Count, g = result.Groups.Count, fys = model.FinancialYears.Count;
        Assert.Equal(3 + fys, result.Outputs.Count);
        string[] perInput = ["spearman", "prcc", "sobol_first", "sobol_total", "tornado_low", "tornado_high", "tornado_decile_low", "tornado_decile_high", "ml_importance"];
        Assert.Equal((3 + fys) * ((perInput.Length * d) + (2 * g)), result.Rows.Count);
        foreach (var o in result.Outputs)
        {
            var rows = result.Rows.Where(r => r.Output == o.Name && r.Fy == o.Fy).ToArray();
            foreach (string method in perInput)
            {
                Assert.Equal(model.InputColumns, rows.Where(r => r.Method == method).Select(r => r.Input));
            }

            Assert.Equal(result.Groups.Select(x => x.Name), rows.Where(r => r.Method == "group_sobol_total").Select(r => r.Input));
        }

        Assert.Equal(fys, result.Outputs.Count(o => o.Name == "position_gbp" && o.Fy is not null));
        Assert.All(result.Rows, r => Assert.True(double.IsFinite(r.Value)));
        Assert.Equal(600 + ((d + g + 2) * 96) + (2 * d * 96), result.ModelRuns);
        Assert.NotNull(result.Outputs[0].SurrogateRSquared);
    }

    [Fact]
    public void Years_to_breakeven_ranks_never_last()
    {
        // More demand delays breakeven (or prevents it): years to breakeven rises with the multiplier.
        var rho = DominantResult.Value.For(SensitivityResult.YearsToBreakeven, SensitivityMethod.Spearman).Single(r => r.Input == Dominant).Value;
        Assert.True(rho > 0.3, $"Spearman {rho}");
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var options = new SensitivityOptions(120, 11, 1, SobolRows: 24, TornadoTrials: 24);
        var one = SensitivityRunner.Run(EngineTestData.Staffordshire, options);
        var two = SensitivityRunner.Run(EngineTestData.Staffordshire, options with { Threads = 2 });
        Assert.Equal(one.Rows, two.Rows);
        Assert.Equal(one.Outputs, two.Outputs);
    }

    [Fact]
    public void Too_few_trials_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => SensitivityRunner.Run(EngineTestData.Staffordshire, new SensitivityOptions(20, 1, 1)));
        Assert.Contains("at least", e.Message, StringComparison.Ordinal);
    }
}
