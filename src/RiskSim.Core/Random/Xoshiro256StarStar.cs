using System.Numerics;
using System.Runtime.CompilerServices;

namespace RiskSim.Core.Random;

/// <summary>
/// The xoshiro256** 1.0 generator of David Blackman and Sebastiano Vigna ("Scrambled linear
/// pseudorandom number generators", ACM TOMS 47(4), 2021; reference C code at
/// https://prng.di.unimi.it/xoshiro256starstar.c, public domain), written in the style of
/// dotnet/runtime's <c>Random.Xoshiro256StarStarImpl</c> (<c>XoshiroImpl</c>): the state is
/// loaded into locals, stepped, and stored back.
/// </summary>
/// <remarks>
/// <para>
/// A mutable value type with 256 bits of state and period 2^256 − 1. It is not thread-safe: give
/// each worker its own copy, and pass it by <c>ref</c> (copying the struct copies the stream).
/// </para>
/// <para>
/// The all-zero state is the generator's only fixed point (it outputs zeros forever), and
/// <c>default(Xoshiro256StarStar)</c> is that state; obtain instances from
/// <see cref="ForTrial(ulong, long)"/> or the four-word constructor instead.
/// </para>
/// </remarks>
public struct Xoshiro256StarStar : IEquatable<Xoshiro256StarStar>
{
    /// <summary>2^-53: the spacing of the doubles produced by <see cref="NextDouble"/>.</summary>
    private const double DoubleUnit = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>
    /// Creates a generator with the given raw state, in the order <c>s[0]..s[3]</c> of the
    /// reference C code (so <c>new Xoshiro256StarStar(1, 2, 3, 4)</c> corresponds to
    /// <c>uint64_t s[4] = {1, 2, 3, 4};</c>).
    /// </summary>
    /// <param name="s0">State word <c>s[0]</c>.</param>
    /// <param name="s1">State word <c>s[1]</c>.</param>
    /// <param name="s2">State word <c>s[2]</c>.</param>
    /// <param name="s3">State word <c>s[3]</c>.</param>
    /// <exception cref="ArgumentException">All four words are zero.</exception>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The xoshiro256** state must not be all zero.", nameof(s0));
        }

        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    /// <summary>
    /// Whether the state is all zero (for example <c>default(Xoshiro256StarStar)</c>), the one
    /// state from which the generator outputs only zeros.
    /// </summary>
    public readonly bool IsAllZero => (_s0 | _s1 | _s2 | _s3) == 0;

    /// <summary>
    /// The starting state of trial <paramref name="trialIndex"/> of a run with master seed
    /// <paramref name="seed"/>. It depends on these two numbers only (not on thread, schedule or
    /// how many trials came before), so any trial can be replayed on its own.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <c>k = Mix(Mix(seed) ^ (trialIndex · Gamma))</c>, with <see cref="SplitMix64.Mix"/> and the
    /// odd constant <see cref="SplitMix64.Gamma"/>, then the four state words are the first four
    /// outputs of SplitMix64 started at <c>k</c> (the seeding the xoshiro authors recommend).
    /// </para>
    /// <para>
    /// Distinct trials of one seed get distinct states: for a fixed seed, <c>trialIndex ↦ k</c> is
    /// a composition of bijections of 64-bit words (multiplication by an odd constant, xor with a
    /// constant, <see cref="SplitMix64.Mix"/>), and the first state word <c>Mix(k + Gamma)</c> is
    /// itself a bijection of <c>k</c>. The state is never all zero: <c>Mix(z) == 0</c> only for
    /// <c>z == 0</c>, and <c>k + Gamma</c> and <c>k + 2·Gamma</c> cannot both be zero.
    /// </para>
    /// </remarks>
    /// <param name="seed">The run's master seed.</param>
    /// <param name="trialIndex">The trial's index (any value; the cast to 64 bits is a bijection).</param>
    /// <returns>The generator for that trial.</returns>
    public static Xoshiro256StarStar ForTrial(ulong seed, long trialIndex)
    {
        ulong k;
        unchecked
        {
            k = SplitMix64.Mix(SplitMix64.Mix(seed) ^ ((ulong)trialIndex * SplitMix64.Gamma));
        }

        Xoshiro256StarStar g;
        g._s0 = SplitMix64.Next(ref k);
        g._s1 = SplitMix64.Next(ref k);
        g._s2 = SplitMix64.Next(ref k);
        g._s3 = SplitMix64.Next(ref k);
        return g;
    }

    /// <summary>Returns the next 64-bit output, uniform on [0, 2^64 − 1].</summary>
    /// <returns>The next output of xoshiro256**.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong s0 = _s0, s1 = _s1, s2 = _s2, s3 = _s3;

        ulong result;
        unchecked
        {
            result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        }

        ulong t = s1 << 17;

        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;

        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);

        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;

        return result;
    }

    /// <summary>
    /// Returns a double uniform on the 2^53 points <c>i · 2^-53</c>, <c>i = 0 .. 2^53 − 1</c>:
    /// in [0, 1), never 1, possibly 0. It is the top 53 bits of <see cref="NextUInt64"/>,
    /// <c>(x &gt;&gt; 11) · 2^-53</c>, as recommended at https://prng.di.unimi.it/.
    /// </summary>
    /// <returns>The next uniform double in [0, 1).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * DoubleUnit;

    /// <summary>
    /// Fills <paramref name="uniforms"/> with the next <c>uniforms.Length</c> values of
    /// <see cref="NextDouble"/>, in order, leaving the generator where that many calls would.
    /// The state is held in locals for the whole loop; nothing is allocated.
    /// </summary>
    /// <param name="uniforms">The span to fill.</param>
    public void Fill(Span<double> uniforms)
    {
        ulong s0 = _s0, s1 = _s1, s2 = _s2, s3 = _s3;

        for (int i = 0; i < uniforms.Length; i++)
        {
            ulong result;
            unchecked
            {
                result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
            }

            ulong t = s1 << 17;

            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;

            s2 ^= t;
            s3 = BitOperations.RotateLeft(s3, 45);

            uniforms[i] = (result >> 11) * DoubleUnit;
        }

        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    /// <summary>Whether two generators are in the same state (and so will produce the same stream).</summary>
    /// <param name="other">The generator to compare with.</param>
    /// <returns><see langword="true"/> if all four state words are equal.</returns>
    public readonly bool Equals(Xoshiro256StarStar other) =>
        _s0 == other._s0 && _s1 == other._s1 && _s2 == other._s2 && _s3 == other._s3;

    /// <summary>Whether <paramref name="obj"/> is a generator in the same state.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns><see langword="true"/> if <paramref name="obj"/> is an equal <see cref="Xoshiro256StarStar"/>.</returns>
    public override readonly bool Equals(object? obj) => obj is Xoshiro256StarStar other && Equals(other);

    /// <summary>A hash of the state.</summary>
    /// <returns>The hash code.</returns>
    public override readonly int GetHashCode() => HashCode.Combine(_s0, _s1, _s2, _s3);

    /// <summary>Whether two generators are in the same state.</summary>
    /// <param name="left">The first generator.</param>
    /// <param name="right">The second generator.</param>
    /// <returns><see langword="true"/> if the states are equal.</returns>
    public static bool operator ==(Xoshiro256StarStar left, Xoshiro256StarStar right) => left.Equals(right);

    /// <summary>Whether two generators are in different states.</summary>
    /// <param name="left">The first generator.</param>
    /// <param name="right">The second generator.</param>
    /// <returns><see langword="true"/> if the states differ.</returns>
    public static bool operator !=(Xoshiro256StarStar left, Xoshiro256StarStar right) => !left.Equals(right);
}
