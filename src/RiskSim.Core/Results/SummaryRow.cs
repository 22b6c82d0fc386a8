using RiskSim.Core.Time;

namespace RiskSim.Core.Results;

/// <summary>Distribution of one metric in one FY across trials. Percentiles use linear interpolation (R type 7, numpy's default).</summary>
/// <param name="Fy">Financial year.</param>
/// <param name="Metric">Metric column name (e.g. <c>position_gbp</c>), or <c>breakeven_by_fy</c> (1 when the trial has broken even by this FY).</param>
/// <param name="Mean">Mean over trials.</param>
/// <param name="Sd">Sample standard deviation over trials.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P10">10th percentile.</param>
/// <param name="P25">25th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P75">75th percentile.</param>
/// <param name="P80">80th percentile.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="MeanSe">Monte Carlo standard error of the mean, sd / √trials (for Latin hypercube runs an upper bound).</param>
/// <param name="P50Ci">95 % confidence interval of the median, from order statistics.</param>
/// <param name="P80Ci">95 % confidence interval of the 80th percentile.</param>
/// <param name="P90Ci">95 % confidence interval of the 90th percentile.</param>
public sealed record SummaryRow(
    FinancialYear Fy, string Metric, double Mean, double Sd,
    double P5, double P10, double P25, double P50, double P75, double P80, double P90, double P95,
    double MeanSe, QuantileInterval P50Ci, QuantileInterval P80Ci, QuantileInterval P90Ci);
