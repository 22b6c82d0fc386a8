using System.Globalization;
using RiskSim.Analysis;
using RiskSim.Core.Model;
using RiskSim.Core.Results;
using RiskSim.Core.Results.Run;
using RiskSim.Sensitivity;
using Spectre.Console;

namespace RiskSim.Cli.Rendering;

/// <summary>The top drivers of the cumulative position, in plain words, after <c>risksim sensitivity</c>.</summary>
/// <param name="console">Where to write (injected, so tests can use a TestConsole).</param>
public sealed class SensitivitySummary(IAnsiConsole console)
{
    /// <summary>How many drivers are listed.</summary>
    public const int TopCount = 5;

    /// <summary>Prints the header, the top drivers by Sobol total index, the groups and the surrogate's fit.</summary>
    public void Write(Scenario scenario, SensitivityResult result, SensitivityOptions options, TimeSpan elapsed, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var inv = CultureInfo.InvariantCulture;
        const string output = SensitivityResult.CumulativePosition;
        console.MarkupLine(string.Create(
            inv,
            $"[bold]{Markup.Escape(scenario.Name)}[/]: sensitivity of {result.InputColumns.Count} inputs, {result.BaseTrials:#,0} base trials, "
            + $"Saltelli n = {result.SobolRows:#,0}, tornado {result.TornadoTrials:#,0} trials per bar; {result.ModelRuns:#,0} trials in all, seed {options.Seed}, "
            + $"{elapsed.TotalSeconds:0.0} s. Results in {Markup.Escape(outputDirectory)}/"));
        if (!result.InputsIndependent)
        {
            console.MarkupLine("[yellow]Note:[/] the scenario correlates some inputs; Sobol indices assume independent inputs and should be read with care.");
        }

        var total = result.For(output, SensitivityMethod.SobolTotal).ToDictionary(r => r.Input);
        var first = result.For(output, SensitivityMethod.SobolFirst).ToDictionary(r => r.Input);
        var spearman = result.For(output, SensitivityMethod.Spearman).ToDictionary(r => r.Input);
        var low = result.For(output, SensitivityMethod.TornadoLow).ToDictionary(r => r.Input);
        var high = result.For(output, SensitivityMethod.TornadoHigh).ToDictionary(r => r.Input);
        console.MarkupLine("What drives the cumulative position (a positive position is an overspend), by Sobol total index:");
        int rank = 0;
        foreach (var row in total.Values.OrderByDescending(r => r.Value).ThenBy(r => r.Input, StringComparer.Ordinal).Take(TopCount))
        {
            rank++;
            double rho = spearman[row.Input].Value;
            string direction = Math.Abs(rho) < 0.05
                ? "no clear direction"
                : rho > 0 ? "higher values raise the cumulative position" : "higher values lower the cumulative position";
            string ci = row.CiLow is { } l && row.CiHigh is { } h ? string.Create(inv, $", 95 % CI {l:0.00}–{h:0.00}") : string.Empty;
            console.MarkupLine(Markup.Escape(string.Create(
                inv,
                $"{rank}. {row.Input} explains {Math.Max(0, row.Value) * 100:0} % of the variance (Sobol total {row.Value:0.00}{ci}; first order {first[row.Input].Value:0.00}); "
                + $"{direction} (Spearman {rho:+0.00;-0.00;0.00}); P50 {Money.Millions(low[row.Input].Value)} with it at its P10, {Money.Millions(high[row.Input].Value)} at its P90.")));
        }

        var groups = result.For(output, SensitivityMethod.GroupSobolTotal).OrderByDescending(r => r.Value).ToArray();
        if (groups.Length > 0)
        {
            console.MarkupLine(Markup.Escape("By group (Sobol total): " + string.Join(", ", groups.Select(g => string.Create(inv, $"{g.Input} {g.Value:0.00}"))) + "."));
        }

        double? r2 = result.Outputs.First(o => o.Name == output && o.Fy is null).SurrogateRSquared;
        console.MarkupLine(Markup.Escape(r2 is { } v
            ? string.Create(inv, $"The tree surrogate behind ml_importance predicts held-out trials with R² = {v:0.00}.")
            : "The output does not vary, so no surrogate was fitted."));
    }
}
