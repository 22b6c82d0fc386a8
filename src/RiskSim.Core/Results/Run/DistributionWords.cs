using System.Globalization;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Core.Results.Run;

/// <summary>A distribution in words a finance reader follows, e.g. <c>PERT (min 0.9, most likely 1, max 1.2)</c>.</summary>
public static class DistributionWords
{
    /// <summary>Describes <paramref name="distribution"/>; kinds without a wording here use their own description.</summary>
    public static string Describe(Distribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return distribution switch
        {
            PertDistribution p => F($"PERT (min {p.Min}, most likely {p.Mode}, max {p.Max})"),
            TriangularDistribution t => F($"triangular (min {t.Min}, most likely {t.Mode}, max {t.Max})"),
            UniformDistribution u => F($"uniform (min {u.Min}, max {u.Max})"),
            NormalDistribution n => F($"normal (mean {n.Mu}, sd {n.Sd})") + Range(n.Minimum, n.Maximum),
            LogNormalDistribution l => F($"lognormal (median {l.Median}, sigma {l.Sigma})"),
            _ => distribution.Describe(),
        };
    }

    private static string Range(double min, double max) =>
        double.IsInfinity(min) && double.IsInfinity(max) ? string.Empty : F($" cut to [{min}, {max}]");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
