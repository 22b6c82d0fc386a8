namespace RiskSim.Calibration;

/// <summary>
/// One free parameter a template names: <c>{{NAME}}</c> placeholders take its value. The fit
/// searches strictly inside (<see cref="Min"/>, <see cref="Max"/>) on a logistic scale, so the
/// bounds are never crossed and a value that ends at a bound is reported.
/// </summary>
/// <param name="Name">Upper-case name used in placeholders, e.g. <c>ENTRY_GROWTH</c>.</param>
/// <param name="Start">Where the search starts (strictly inside the bounds).</param>
/// <param name="Min">Lower bound.</param>
/// <param name="Max">Upper bound.</param>
/// <param name="Says">Plain-words meaning, with <c>{value}</c> (as given), <c>{percent}</c> (× 100, one decimal) replaced, or null.</param>
/// <param name="Today">Today's or history's value of the same quantity, for comparison, or null.</param>
/// <param name="TodaySource">Where <paramref name="Today"/> comes from, or null.</param>
public sealed record CalibrationParameter(
    string Name,
    double Start,
    double Min,
    double Max,
    string? Says,
    double? Today,
    string? TodaySource);
