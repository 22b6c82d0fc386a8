namespace RiskSim.Core.Uncertainty;

/// <summary>
/// One named input of a scenario (a unit cost, a rate, an effect size, a delay...).
/// <see cref="Name"/> is a snake_case identifier that becomes the input's column in
/// <c>trials.parquet</c> when the input is uncertain.
/// </summary>
/// <param name="Name">Column-safe identifier, e.g. <c>residential_weekly_cost_gbp</c>.</param>
/// <param name="Distribution">What is believed about it.</param>
public sealed record Input(string Name, Distribution Distribution)
{
    /// <summary>A constant input.</summary>
    public static Input Fixed(string name, double value) => new(name, new Constant(value));

    /// <summary>
    /// Where the input's figures come from: the scenario's <c>source:</c> for it, else the comment on
    /// its line (kept for reports; null when the file gives neither).
    /// </summary>
    public string? Source { get; init; }

    /// <summary>The planned value.</summary>
    public double Plan => Distribution.Plan;
}
