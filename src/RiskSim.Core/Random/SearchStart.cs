using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RiskSim.Core.Random;

/// <summary>
/// The exponential and ln(1 + x) that give the sequential searches their pmf at the start
/// (binomial (1 − p)^n = exp(n·ln(1 − p)), negative binomial exp(−k·ln(1 + μ/k)), Poisson e^−λ),
/// one implementation for the scalar samplers and their lane forms, so the two agree bit for bit.
/// </summary>
/// <remarks>
/// <para>
/// <b>Why.</b> The lane samplers need up to four starts a draw; a scalar <see cref="Math.Exp"/> per
/// lane (with the extractions and twin tests around it) was about a tenth of the month loop. One
/// <see cref="Vector256.Exp(Vector256{double})"/> does all four lanes. It is an elementwise polynomial
/// (the same operations in every lane, no lane reads another), so a scalar argument in lane 0 of a
/// vector gives exactly what that argument gives in any lane of a full vector: the scalar samplers
/// call it that way and stay bit-identical to the lanes.
/// </para>
/// <para>
/// <b>Accuracy.</b> Not correctly rounded, as <see cref="Math.Exp"/> is not; measured against
/// <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/> on a sweep of the arguments the searches use
/// (see SearchStartTests), within a few ulps, far below the searches' 1e-13 CDF tolerance. e^0 is
/// exactly 1, so a lane with n = 0 or p = 0 starts with F(0) = 1 and draws 0, as the scalar does.
/// </para>
/// </remarks>
internal static class SearchStart
{
    /// <summary>e^x lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x) => Vector256.Exp(x);

    /// <summary>e^x as lane 0 of <see cref="Exp(Vector256{double})"/>: the same bits.</summary>
    public static double Exp(double x) => Exp(Vector256.Create(x)).ToScalar();

    /// <summary>
    /// ln(1 + x) lane by lane without cancellation for small x (Goldberg 1991, theorem 4): x where
    /// 1 + x rounds to 1, else ln(w) · x / (w − 1) with w = 1 + x; x &gt; −1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log1P(Vector256<double> x)
    {
        var one = Vector256<double>.One;
        var w = one + x;
        var corrected = Vector256.Log(w) * (x / (w - one)); // NaN where w = 1: not selected
        return Vector256.ConditionalSelect(Vector256.Equals(w, one), x, corrected);
    }

    /// <summary>ln(1 + x) as lane 0 of <see cref="Log1P(Vector256{double})"/>: the same bits.</summary>
    public static double Log1P(double x) => Log1P(Vector256.Create(x)).ToScalar();
}
