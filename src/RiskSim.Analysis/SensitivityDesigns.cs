using RiskSim.Core.Sampling;

namespace RiskSim.Analysis;

/// <summary>
/// A Saltelli "AB" block: trial t gets design A's uniforms with the dimensions in
/// <c>swapped</c> taken from design B's trial t. With one dimension it is AB_j; with a group's
/// dimensions it is the grouped block.
/// </summary>
public sealed class SwappedColumnsDesign : InputDesign
{
    private readonly InputDesign a;
    private readonly InputDesign b;
    private readonly int[] swapped;

    /// <summary>Creates the block design.</summary>
    /// <param name="dimensionNames">The input dimensions' names (as for A and B).</param>
    /// <param name="a">Base design A.</param>
    /// <param name="b">Base design B, independent of A.</param>
    /// <param name="swapped">Dimensions taken from B.</param>
    public SwappedColumnsDesign(IReadOnlyList<string> dimensionNames, InputDesign a, InputDesign b, IReadOnlyList<int> swapped)
        : base(dimensionNames, 0, 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(swapped);
        if (a.Dimensions != Dimensions || b.Dimensions != Dimensions)
        {
            throw new ArgumentException("A, B and the block must have the same dimensions.", nameof(dimensionNames));
        }

        if (swapped.Any(j => j < 0 || j >= Dimensions))
        {
            throw new ArgumentOutOfRangeException(nameof(swapped), "a swapped dimension is out of range.");
        }

        this.a = a;
        this.b = b;
        this.swapped = [.. swapped];
    }

    /// <inheritdoc />
    public override void Fill(long trial, Span<double> uniforms)
    {
        a.Fill(trial, uniforms);
        Span<double> fromB = Dimensions <= 256 ? stackalloc double[Dimensions] : new double[Dimensions];
        b.Fill(trial, fromB);
        foreach (int j in swapped)
        {
            uniforms[j] = fromB[j];
        }
    }
}

/// <summary>
/// A design with one dimension held at a fixed uniform (e.g. 0.1 for the input's P10) and every
/// other dimension drawn as by the base design, trial for trial (common random numbers).
/// </summary>
public sealed class FixedDimensionDesign : InputDesign
{
    private readonly InputDesign inner;
    private readonly int dimension;
    private readonly double uniform;

    /// <summary>Creates the design.</summary>
    /// <param name="dimensionNames">The input dimensions' names.</param>
    /// <param name="inner">The base design.</param>
    /// <param name="dimension">The dimension held fixed.</param>
    /// <param name="uniform">Its uniform, in (0, 1).</param>
    public FixedDimensionDesign(IReadOnlyList<string> dimensionNames, InputDesign inner, int dimension, double uniform)
        : base(dimensionNames, 0, 0)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dimension, Dimensions);
        if (!(uniform > 0 && uniform < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(uniform), uniform, "the fixed uniform must be in (0, 1).");
        }

        this.inner = inner;
        this.dimension = dimension;
        this.uniform = uniform;
    }

    /// <inheritdoc />
    public override void Fill(long trial, Span<double> uniforms)
    {
        inner.Fill(trial, uniforms);
        uniforms[dimension] = uniform;
    }
}
