using System.Globalization;

namespace RiskSim.Core.Results.Run;

/// <summary>
/// The one money format of every exporter (console, HTML, Excel), as council finance papers print
/// it: £'000 or £m as the label says, a negative figure (a surplus, a saving against the position)
/// in parentheses, never a minus sign.
/// </summary>
public static class Money
{
    /// <summary>Excel/ClosedXML number format showing £ as £'000 with a surplus in parentheses (the value stays in £).</summary>
    public const string ExcelThousandsFormat = "#,##0,;(#,##0,);0";

    /// <summary>Excel/ClosedXML number format for whole £ with a surplus in parentheses.</summary>
    public const string ExcelPoundsFormat = "#,##0;(#,##0);0";

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

    /// <summary>£ to a £m string with one decimal, e.g. 8,100,000 → "£8.1m", −2,250,000 → "(£2.3m)".</summary>
    public static string Millions(double gbp)
    {
        double m = Math.Round(gbp / 1e6, 1, MidpointRounding.AwayFromZero);
        if (m == 0)
        {
            return "£0.0m";
        }

        string digits = "£" + Math.Abs(m).ToString("#,0.0", CultureInfo.InvariantCulture) + "m";
        return m < 0 ? $"({digits})" : digits;
    }

    /// <summary>Whole £, e.g. −1,315,210 → "(£1,315,210)".</summary>
    public static string Pounds(double gbp)
    {
        double p = Math.Round(gbp, MidpointRounding.AwayFromZero);
        if (p == 0)
        {
            return "£0";
        }

        string digits = "£" + Math.Abs(p).ToString("#,0", CultureInfo.InvariantCulture);
        return p < 0 ? $"({digits})" : digits;
    }
}
