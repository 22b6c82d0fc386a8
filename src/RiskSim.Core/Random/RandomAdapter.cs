using System.Buffers.Binary;

namespace RiskSim.Core.Random;

/// <summary>
/// A <see cref="System.Random"/> that draws every value from a <see cref="Xoshiro256StarStar"/>
/// it holds, so that APIs taking a <see cref="System.Random"/> (MathNet.Numerics'
/// <c>Sample(System.Random, ...)</c> methods, for example) consume our reproducible stream.
/// </summary>
/// <remarks>
/// <para>
/// Every virtual member of <see cref="System.Random"/> is overridden, so the base class's own
/// generator (created by <c>base(0)</c> and never advanced) is never used; the non-virtual helpers
/// (<c>Shuffle</c>, <c>GetItems</c>, <c>GetString</c>, <c>GetHexString</c>) are built on the
/// virtual members and so also draw from the held stream.
/// </para>
/// <para>
/// Not thread-safe. A worker keeps one adapter and, for each trial, either calls
/// <see cref="Reset"/> or assigns through <see cref="State"/>; neither allocates.
/// </para>
/// </remarks>
public sealed class RandomAdapter : System.Random
{
    private Xoshiro256StarStar _state;

    /// <summary>Creates an adapter drawing from a copy of <paramref name="state"/>.</summary>
    /// <param name="state">The starting generator state; must not be all zero.</param>
    /// <exception cref="ArgumentException"><paramref name="state"/> is all zero.</exception>
    public RandomAdapter(Xoshiro256StarStar state)
        : base(0) // A fixed seed: the parameterless base constructor would read OS entropy.
    {
        Reset(state);
    }

    /// <summary>
    /// The generator this adapter draws from, by reference: reading it gives the current position
    /// of the stream, and assigning to it (or advancing it directly) moves the adapter's stream.
    /// </summary>
    public ref Xoshiro256StarStar State => ref _state;

    /// <summary>Replaces the held generator with a copy of <paramref name="state"/>.</summary>
    /// <param name="state">The new generator state; must not be all zero.</param>
    /// <exception cref="ArgumentException"><paramref name="state"/> is all zero.</exception>
    public void Reset(in Xoshiro256StarStar state)
    {
        if (state.IsAllZero)
        {
            throw new ArgumentException("The xoshiro256** state must not be all zero.", nameof(state));
        }

        _state = state;
    }

    /// <summary>Returns <see cref="Xoshiro256StarStar.NextDouble"/> of the held generator.</summary>
    /// <returns>A double in [0, 1).</returns>
    protected override double Sample() => _state.NextDouble();

    /// <summary>Returns <see cref="Xoshiro256StarStar.NextDouble"/> of the held generator.</summary>
    /// <returns>A double in [0, 1), a multiple of 2^-53.</returns>
    public override double NextDouble() => _state.NextDouble();

    /// <summary>Returns a float uniform on the multiples of 2^-24 in [0, 1) (top 24 bits of one output).</summary>
    /// <returns>A float in [0, 1).</returns>
    public override float NextSingle() => (_state.NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <summary>Returns an integer uniform on [0, <see cref="int.MaxValue"/>).</summary>
    /// <returns>A non-negative integer less than <see cref="int.MaxValue"/>.</returns>
    public override int Next() => (int)NextBounded(int.MaxValue);

    /// <summary>Returns an integer uniform on [0, <paramref name="maxValue"/>), or 0 if it is 0.</summary>
    /// <param name="maxValue">The exclusive upper bound; at least 0.</param>
    /// <returns>An integer in [0, <paramref name="maxValue"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxValue"/> is negative.</exception>
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue <= 1 ? 0 : (int)NextBounded((ulong)maxValue);
    }

    /// <summary>
    /// Returns an integer uniform on [<paramref name="minValue"/>, <paramref name="maxValue"/>),
    /// or <paramref name="minValue"/> if the bounds are equal.
    /// </summary>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound; at least <paramref name="minValue"/>.</param>
    /// <returns>An integer in [<paramref name="minValue"/>, <paramref name="maxValue"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minValue"/> exceeds <paramref name="maxValue"/>.</exception>
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = (ulong)((long)maxValue - minValue);
        return range <= 1 ? minValue : (int)(minValue + (long)NextBounded(range));
    }

    /// <summary>Returns an integer uniform on [0, <see cref="long.MaxValue"/>).</summary>
    /// <returns>A non-negative integer less than <see cref="long.MaxValue"/>.</returns>
    public override long NextInt64() => (long)NextBounded(long.MaxValue);

    /// <summary>Returns an integer uniform on [0, <paramref name="maxValue"/>), or 0 if it is 0.</summary>
    /// <param name="maxValue">The exclusive upper bound; at least 0.</param>
    /// <returns>An integer in [0, <paramref name="maxValue"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxValue"/> is negative.</exception>
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue <= 1 ? 0 : (long)NextBounded((ulong)maxValue);
    }

    /// <summary>
    /// Returns an integer uniform on [<paramref name="minValue"/>, <paramref name="maxValue"/>),
    /// or <paramref name="minValue"/> if the bounds are equal.
    /// </summary>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound; at least <paramref name="minValue"/>.</param>
    /// <returns>An integer in [<paramref name="minValue"/>, <paramref name="maxValue"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minValue"/> exceeds <paramref name="maxValue"/>.</exception>
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = unchecked((ulong)maxValue - (ulong)minValue); // exact: 0 <= range < 2^64
        return range <= 1 ? minValue : unchecked(minValue + (long)NextBounded(range));
    }

    /// <summary>Fills <paramref name="buffer"/> with random bytes; see <see cref="NextBytes(Span{byte})"/>.</summary>
    /// <param name="buffer">The array to fill.</param>
    /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <summary>
    /// Fills <paramref name="buffer"/> with random bytes: each group of eight is one
    /// <see cref="Xoshiro256StarStar.NextUInt64"/> output written little-endian, and a final
    /// partial group takes the low-order bytes of one more output.
    /// </summary>
    /// <param name="buffer">The span to fill.</param>
    public override void NextBytes(Span<byte> buffer)
    {
        while (buffer.Length >= sizeof(ulong))
        {
            BinaryPrimitives.WriteUInt64LittleEndian(buffer, _state.NextUInt64());
            buffer = buffer[sizeof(ulong)..];
        }

        if (!buffer.IsEmpty)
        {
            ulong last = _state.NextUInt64();
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = unchecked((byte)(last >> (8 * i)));
            }
        }
    }

    /// <summary>
    /// An unbiased integer uniform on [0, <paramref name="range"/>) for <paramref name="range"/> ≥ 1,
    /// by Lemire's multiply-and-reject method ("Fast random integer generation in an interval",
    /// ACM TOMS 29(1), 2019): the high word of the 128-bit product x · range, rejecting the
    /// (2^64 mod range) low words that would bias it.
    /// </summary>
    private ulong NextBounded(ulong range)
    {
        ulong high = Math.BigMul(_state.NextUInt64(), range, out ulong low);
        if (low < range)
        {
            ulong threshold = unchecked(0UL - range) % range; // 2^64 mod range
            while (low < threshold)
            {
                high = Math.BigMul(_state.NextUInt64(), range, out low);
            }
        }

        return high;
    }
}
