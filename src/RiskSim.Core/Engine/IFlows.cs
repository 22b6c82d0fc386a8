using RiskSim.Core.Random;

namespace RiskSim.Core.Engine;

/// <summary>
/// How a month's flows are turned into numbers: drawn from their distributions (stochastic mode)
/// or set to their expectations (plan mode). A generic struct parameter, so the JIT compiles the
/// simulation loop once per mode with these calls inlined.
/// </summary>
internal interface IFlows
{
    /// <summary>Whether the mode consumes uniforms (plan mode does not).</summary>
    static abstract bool UsesUniforms { get; }

    /// <summary>
    /// Whether the month loop steps the worlds together, each draw's variates for all worlds in one
    /// lane-parallel search (<see cref="DiscreteInverse.BinomialLanes"/>). The variates are the ones
    /// stepping the worlds one after the other draws, bit for bit.
    /// </summary>
    static abstract bool StepsWorldsTogether { get; }

    /// <summary>Entries in a month with mean <paramref name="lambda"/>.</summary>
    static abstract double Poisson(double u, double lambda);

    /// <summary>
    /// Entries in a month with mean <paramref name="lambda"/> and negative-binomial dispersion
    /// <paramref name="dispersion"/> (variance λ + λ²/k; +∞ is Poisson). Its mean is λ for any k.
    /// </summary>
    static abstract double Entries(double u, double lambda, double dispersion);

    /// <summary>
    /// How many of <paramref name="n"/> children move, each with probability <paramref name="p"/>;
    /// <paramref name="cache"/> is the draw site's (see <see cref="BinomialLogCache"/>).
    /// </summary>
    static abstract double Binomial(double u, double n, double p, ref BinomialLogCache cache);
}

/// <summary>Plan mode: expected flows, fractional children.</summary>
internal readonly struct ExpectedFlows : IFlows
{
    public static bool UsesUniforms => false;

    public static bool StepsWorldsTogether => false;

    public static double Poisson(double u, double lambda) => lambda;

    public static double Entries(double u, double lambda, double dispersion) => lambda;

    public static double Binomial(double u, double n, double p, ref BinomialLogCache cache) => n * p;
}

/// <summary>
/// Stochastic mode: each draw is the inverse CDF at one uniform, so the programme and do-nothing
/// worlds, fed the same uniforms, stay in lock-step (common random numbers) and their difference
/// carries little sampling noise.
/// </summary>
internal readonly struct DrawnFlows : IFlows
{
    public static bool UsesUniforms => true;

    public static bool StepsWorldsTogether => true;

    public static double Poisson(double u, double lambda) => DiscreteInverse.Poisson(u, lambda);

    public static double Entries(double u, double lambda, double dispersion) =>
        double.IsPositiveInfinity(dispersion) ? DiscreteInverse.Poisson(u, lambda) : DiscreteInverse.NegativeBinomial(u, lambda, dispersion);

    public static double Binomial(double u, double n, double p, ref BinomialLogCache cache) => DiscreteInverse.Binomial(u, (int)n, p, ref cache);
}

/// <summary>
/// <see cref="DrawnFlows"/> with the worlds stepped one after the other (the plain per-world loop):
/// the same draws bit for bit, kept as the reference the lane-parallel path is tested and measured
/// against (<c>WorldsTogetherTests</c>, <c>Benchmarks -- --loop</c>); the engine itself does not use it.
/// </summary>
internal readonly struct WorldByWorldDrawnFlows : IFlows
{
    public static bool UsesUniforms => true;

    public static bool StepsWorldsTogether => false;

    public static double Poisson(double u, double lambda) => DrawnFlows.Poisson(u, lambda);

    public static double Entries(double u, double lambda, double dispersion) => DrawnFlows.Entries(u, lambda, dispersion);

    public static double Binomial(double u, double n, double p, ref BinomialLogCache cache) => DrawnFlows.Binomial(u, n, p, ref cache);
}
