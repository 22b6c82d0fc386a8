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

    /// <summary>The planned value.</summary>
    public double Plan => Distribution.Plan;
}
