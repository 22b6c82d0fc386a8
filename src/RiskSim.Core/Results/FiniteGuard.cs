using RiskSim.Core.Time;

namespace RiskSim.Core.Results;

/// <summary>
/// The last guard before a figure leaves the engine: a NaN or ±∞ stops the run with
/// <see cref="NonFiniteResultException"/> naming the metric, FY and trial, instead of reaching a
/// Parquet file or the console as a plausible-looking number.
/// </summary>
internal static class FiniteGuard
{
    /// <summary>Checks one trial's (or the plan's) per-FY rows, laid out [fy × <see cref="Metrics.Count"/> + metric].</summary>
    public static void ThrowIfNonFinite(ReadOnlySpan<double> yearly, IReadOnlyList<FinancialYear> years, long? trial)
    {
        for (int i = 0; i < yearly.Length; i++)
        {
            if (!double.IsFinite(yearly[i]))
            {
                var metric = (Metric)(i % Metrics.Count);
                throw new NonFiniteResultException(metric.ColumnName(), years[i / Metrics.Count].Label, trial, yearly[i]);
            }
        }
    }

    /// <summary>Checks one trial's sampled inputs.</summary>
    public static void ThrowIfNonFinite(ReadOnlySpan<double> inputs, IReadOnlyList<string> columns, long trial)
    {
        for (int i = 0; i < inputs.Length; i++)
        {
            if (!double.IsFinite(inputs[i]))
            {
                throw new NonFiniteResultException(columns[i], null, trial, inputs[i]);
            }
        }
    }
}
