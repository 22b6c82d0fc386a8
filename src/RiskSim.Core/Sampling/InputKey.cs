using System.Text;

namespace RiskSim.Core.Sampling;

/// <summary>
/// A stable 64-bit key for an input dimension, from its trials column name (FNV-1a over UTF-8).
/// Keying draws by name rather than by position means adding, removing or re-ranging one input
/// never moves another input's draws, so scenario variants share common random numbers.
/// <c>string.GetHashCode</c> is randomised per process and cannot be used.
/// </summary>
public static class InputKey
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>FNV-1a 64 of the UTF-8 bytes of <paramref name="name"/>.</summary>
    public static ulong Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ulong hash = OffsetBasis;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
        {
            unchecked
            {
                hash = (hash ^ b) * Prime;
            }
        }

        return hash;
    }
}
