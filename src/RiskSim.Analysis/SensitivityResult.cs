using RiskSim.Core.Results;
using RiskSim.Core.Time;

namespace RiskSim.Analysis;

/// <summary>An output the analysis explains.</summary>
/// <param name="Name">Output name, e.g. <c>cumulative_position_gbp</c>.</param>
/// <param name="Fy">The FY of a per-FY output, or null.</param>
/// <param name="SurrogateRSquared">The surrogate's hold-out R² for this output, or null (constant output).</param>
public sealed record SensitivityOutput(string Name, FinancialYear? Fy, double? SurrogateRSquared);

/// <summary>A group of input columns and its members.</summary>
/// <param name="Name">Group name (one of <see cref="Core.Engine.InputGroups"/>).</param>
/// <param name="Columns">Input column names in the group.</param>
public sealed record SensitivityGroup(string Name, IReadOnlyList<string> Columns);

/// <summary>Everything a sensitivity analysis found, for exporters and the console.</summary>
/// <param name="Rows">The estimates, long format.</param>
/// <param name="Outputs">The outputs, in row order.</param>
/// <param name="Groups">The input groups (only those with at least one column).</param>
/// <param name="InputColumns">The input columns analysed.</param>
/// <param name="BaseTrials">Trials of the base run.</param>
/// <param name="SobolRows">Base rows n of the Saltelli design.</param>
/// <param name="TornadoTrials">Trials per tornado bar.</param>
/// <param name="ModelRuns">Trials simulated in all.</param>
/// <param name="InputsIndependent">False when the scenario correlates inputs: Sobol indices then assume an independence that does not hold.</param>
public sealed record SensitivityResult(
    IReadOnlyList<SensitivityRow> Rows,
    IReadOnlyList<SensitivityOutput> Outputs,
    IReadOnlyList<SensitivityGroup> Groups,
    IReadOnlyList<string> InputColumns,
    int BaseTrials,
    int SobolRows,
    int TornadoTrials,
    long ModelRuns,
    bool InputsIndependent)
{
    /// <summary>Output name of the cumulative position at the horizon's end.</summary>
    public const string CumulativePosition = "cumulative_position_gbp";

    /// <summary>Output name of years to breakeven (FYs from the start of the horizon to the breakeven FY, inclusive; never ranked last).</summary>
    public const string YearsToBreakeven = "years_to_breakeven";

    /// <summary>Output name of LAC at the horizon's end.</summary>
    public const string LacEnd = "lac_end";

    /// <summary>Output name of the position per FY.</summary>
    public const string Position = "position_gbp";

    /// <summary>Method name of the tornado bars from the base run's bottom decile of an input.</summary>
    public const string TornadoDecileLow = "tornado_decile_low";

    /// <summary>Method name of the tornado bars from the base run's top decile of an input.</summary>
    public const string TornadoDecileHigh = "tornado_decile_high";

    /// <summary>The rows of one whole-horizon output and method.</summary>
    public IEnumerable<SensitivityRow> For(string output, string method) =>
        Rows.Where(r => r.Output == output && r.Fy is null && r.Method == method);
}
