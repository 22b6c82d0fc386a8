namespace RiskSim.Core.Uncertainty;

/// <summary>
/// The Beta(α, β) quantile a distribution uses per draw: the <see cref="BetaQuantileTable"/> when the
/// shapes are in its tested range (fetched on the first draw, so a distribution that is only described
/// or held at plan never builds one), else the Newton <see cref="BetaInverse"/>.
/// </summary>
internal sealed class BetaQuantile
{
    private readonly double alpha;
    private readonly double beta;
    private readonly BetaInverse? newton;
    private BetaQuantileTable? table;

    /// <summary>Prepares the quantile of Beta(<paramref name="alpha"/>, <paramref name="beta"/>); both must be positive.</summary>
    public BetaQuantile(double alpha, double beta)
    {
        this.alpha = alpha;
        this.beta = beta;
        if (!(alpha >= BetaQuantileTable.MinShape && alpha <= BetaQuantileTable.MaxShape
              && beta >= BetaQuantileTable.MinShape && beta <= BetaQuantileTable.MaxShape))
        {
            newton = new BetaInverse(alpha, beta);
        }
    }

    /// <summary>The x in [0, 1] with I_x(α, β) = <paramref name="p"/> (0 for p ≤ 0 or NaN, 1 for p ≥ 1).</summary>
    public double Quantile(double p)
    {
        if (newton is not null)
        {
            return newton.Quantile(p);
        }

        // Two threads may both build on the first draws; the tables are identical, so the race is benign.
        var t = table ??= BetaQuantileTable.TryGet(alpha, beta)!;
        return t.Quantile(p);
    }
}
