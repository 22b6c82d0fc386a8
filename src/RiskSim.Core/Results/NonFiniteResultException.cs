using System.Globalization;

namespace RiskSim.Core.Results;

/// <summary>
/// A computed figure came out NaN or ±∞. The run must stop rather than write it: a plausible-looking
/// output with a NaN in it is worse than no output. The message names the metric, the FY and the trial.
/// </summary>
public sealed class NonFiniteResultException : RunAbortedException
{
    /// <summary>Creates the exception for one offending value.</summary>
    /// <param name="metric">Column name of the metric, e.g. <c>position_gbp</c>.</param>
    /// <param name="financialYear">FY label such as <c>2023/24</c>, or null for a whole-run figure.</param>
    /// <param name="trial">Trial index, or null for plan mode or a summary figure.</param>
    /// <param name="value">The non-finite value.</param>
    public NonFiniteResultException(string metric, string? financialYear, long? trial, double value)
        : base(Describe(metric, financialYear, trial, value))
    {
        Metric = metric;
        FinancialYear = financialYear;
        Trial = trial;
    }

    /// <summary>Column name of the offending metric.</summary>
    public string Metric { get; }

    /// <summary>FY label of the offending value, if it belongs to one FY.</summary>
    public string? FinancialYear { get; }

    /// <summary>Trial index of the offending value; null for plan mode or a summary figure.</summary>
    public long? Trial { get; }

    private static string Describe(string metric, string? fy, long? trial, double value)
    {
        string where = (fy, trial) switch
        {
            (not null, not null) => string.Create(CultureInfo.InvariantCulture, $" in {fy}, trial {trial}"),
            (not null, null) => $" in {fy}",
            (null, not null) => string.Create(CultureInfo.InvariantCulture, $" in trial {trial}"),
            _ => "",
        };
        string shown = double.IsNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity";
        return $"{metric} is {shown}{where}: the scenario's numbers are too large or too extreme to compute "
            + "(check costs, rates, inflation and distribution spreads); no results were written.";
    }
}
