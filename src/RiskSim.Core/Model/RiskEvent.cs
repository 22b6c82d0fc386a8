namespace RiskSim.Core.Model;

/// <summary>
/// A risk-register event the papers name but never quantify (a poor inspection, a high-profile
/// incident, a change in case law): each FY it occurs with <paramref name="ProbabilityPerFy"/>
/// (prorated for a part FY), at a month drawn uniformly within the FY, and then multiplies one
/// time-varying input by <paramref name="Multiply"/> for <paramref name="Months"/> months.
/// </summary>
/// <param name="Id">Identifier; the trials column is <c>event_&lt;id&gt;_fy</c>.</param>
/// <param name="ProbabilityPerFy">Chance of occurring in a whole FY, in [0, 1].</param>
/// <param name="Input">The input it acts on, by trials column name: <c>entries_rate_multiplier</c>, <c>&lt;type&gt;_weekly_cost_gbp</c> or <c>&lt;type&gt;_exit_rate</c>.</param>
/// <param name="Multiply">Factor applied to the input while the impact lasts (&gt; 0).</param>
/// <param name="Months">Months the impact lasts from the month of occurrence (≥ 1).</param>
public sealed record RiskEvent(string Id, double ProbabilityPerFy, string Input, double Multiply, int Months);
