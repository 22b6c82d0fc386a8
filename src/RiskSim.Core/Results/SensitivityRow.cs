using RiskSim.Core.Time;

namespace RiskSim.Core.Results;

/// <summary>One row of a sensitivity analysis: how strongly an input (or input group) drives an output by one method.</summary>
/// <param name="Input">Input column name, or group name for the <c>group_</c> methods.</param>
/// <param name="Output">Output name, e.g. <c>cumulative_position_gbp</c>.</param>
/// <param name="Fy">The FY of a per-FY output, or null for a whole-horizon output.</param>
/// <param name="Method">Method name, e.g. <c>sobol_total</c>.</param>
/// <param name="Value">The estimate (never NaN).</param>
/// <param name="CiLow">Lower end of its confidence interval, or null.</param>
/// <param name="CiHigh">Upper end of its confidence interval, or null.</param>
public sealed record SensitivityRow(string Input, string Output, FinancialYear? Fy, string Method, double Value, double? CiLow, double? CiHigh);
