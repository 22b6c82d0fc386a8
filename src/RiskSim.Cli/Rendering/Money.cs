using System.Globalization;

namespace RiskSim.Cli.Rendering;

/// <summary>Formats money the way council finance tables do: £'000, negatives in brackets.</summary>
public static class Money
{
    /// <summary>£ to a £'000 string, e.g. −1,315,000 → "(1,315)".</summary>
    public static string Thousands(double gbp)
    {
        double k = Math.Round(gbp / 1000.0, MidpointRounding.AwayFromZero);
        if (k == 0)
        {
            return "0"; // never "(0)" or "-0"
        }

        string digits = Math.Abs(k).ToString("#,0", CultureInfo.InvariantCulture);
        return k < 0 ? $"({digits})" : digits;
    }

    /// <summary>£ to a £m string with one decimal, e.g. 8,100,000 → "£8.1m".</summary>
    public static string Millions(double gbp) =>
        (gbp < 0 ? "-£" : "£") + Math.Abs(gbp / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + "m";
}
