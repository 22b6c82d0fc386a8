namespace RiskSim.Core.Results;

/// <summary>
/// The two breakeven years a finance reader asks about: the <em>first</em> FY whose position is
/// ≤ 0, and the <em>lasting</em> breakeven, the first FY from which the position stays ≤ 0 to the
/// horizon (a trial that breaks even in 2023/24 but slips back into deficit in 2025/26 has a first
/// breakeven and no lasting one).
/// </summary>
public static class Breakeven
{
    /// <summary>Index of the lasting breakeven FY in one trial's per-FY rows, or −1 when the last FY is in deficit.</summary>
    /// <param name="yearly">Per-FY rows laid out [fy × <see cref="Metrics.Count"/> + metric].</param>
    /// <param name="fyCount">Number of FYs in the rows.</param>
    public static int Lasting(ReadOnlySpan<double> yearly, int fyCount)
    {
        int lasting = -1;
        for (int f = fyCount - 1; f >= 0; f--)
        {
            if (yearly[(f * Metrics.Count) + (int)Metric.PositionGbp] > 0)
            {
                break;
            }

            lasting = f;
        }

        return lasting;
    }
}
