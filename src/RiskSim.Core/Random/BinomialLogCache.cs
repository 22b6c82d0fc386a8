namespace RiskSim.Core.Random;

/// <summary>
/// One draw site's memory of the last success probability it inverted and the logarithm the
/// sequential search starts from (ln(1 − p), or ln p when p &gt; ½). In the month loop a site's p
/// (a type's exit rate, a share of the entry mix) is usually the same month after month, so this
/// saves a logarithm per draw; the value is the one <see cref="DiscreteInverse.Binomial(double, int, double)"/>
/// computes, so results are bit for bit the same.
/// </summary>
internal struct BinomialLogCache
{
    /// <summary>The cached p; NaN (never equal to a p) when empty.</summary>
    public double P;

    /// <summary>The start logarithm for <see cref="P"/>.</summary>
    public double Log;

    /// <summary>An empty cache.</summary>
    public static BinomialLogCache Empty => new() { P = double.NaN };
}
