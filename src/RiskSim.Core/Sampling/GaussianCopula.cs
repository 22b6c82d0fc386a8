using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using RiskSim.Core.Model;

namespace RiskSim.Core.Sampling;

/// <summary>
/// Imposes declared Spearman rank correlations on a trial's input uniforms with a Gaussian copula
/// (Iman and Conover 1982 use the same normal-scores idea): z = Φ⁻¹(u), z' = L z with L Lᵀ = R,
/// u' = Φ(z'). Each marginal stays uniform, so each input keeps its own distribution. For a
/// bivariate normal, Spearman's ρ_S = (6/π) asin(r/2), so the normal correlation used for a declared
/// ρ_S is r = 2 sin(π ρ_S / 6).
/// </summary>
public sealed class GaussianCopula
{
    private readonly int[] dimensions;
    private readonly double[] factor; // m × m, row-major: z' = factor · z

    private GaussianCopula(int[] dimensions, double[] factor, Matrix<double> target, bool repaired)
    {
        this.dimensions = dimensions;
        this.factor = factor;
        NormalCorrelation = target;
        Repaired = repaired;
    }

    /// <summary>Number of correlated dimensions (the scratch a trial needs is twice this).</summary>
    public int Size => dimensions.Length;

    /// <summary>The normal-scale correlation matrix realised (after any repair).</summary>
    public Matrix<double> NormalCorrelation { get; }

    /// <summary>True when the declared matrix was repaired to the nearest correlation matrix.</summary>
    public bool Repaired { get; }

    /// <summary>
    /// Builds the copula, or returns null when nothing is correlated.
    /// </summary>
    /// <param name="dimensionNames">Input dimension names, in design order.</param>
    /// <param name="correlations">Declared rank correlations.</param>
    /// <param name="repair">Repair a matrix that is not positive semi-definite instead of refusing it.</param>
    /// <exception cref="CorrelationException">An unknown input, a duplicate pair, or (without repair) an impossible matrix.</exception>
    public static GaussianCopula? Create(IReadOnlyList<string> dimensionNames, IReadOnlyList<RankCorrelation> correlations, bool repair)
    {
        ArgumentNullException.ThrowIfNull(dimensionNames);
        ArgumentNullException.ThrowIfNull(correlations);
        if (correlations.Count == 0)
        {
            return null;
        }

        var involved = new List<int>();
        int Local(string name)
        {
            int d = -1;
            for (int i = 0; i < dimensionNames.Count; i++)
            {
                if (string.Equals(dimensionNames[i], name, StringComparison.Ordinal))
                {
                    d = i;
                }
            }

            if (d < 0)
            {
                throw new CorrelationException(
                    $"correlations: '{name}' is not a sampled input; expected one of the trials columns: {string.Join(", ", dimensionNames)}.");
            }

            int at = involved.IndexOf(d);
            if (at < 0)
            {
                involved.Add(d);
                at = involved.Count - 1;
            }

            return at;
        }

        var pairs = correlations.Select(c => (A: Local(c.First), B: Local(c.Second), c.Rank, c)).ToList();
        int m = involved.Count;
        var r = Matrix<double>.Build.DenseIdentity(m);
        foreach (var (a, b, rank, c) in pairs)
        {
            if (a == b)
            {
                throw new CorrelationException($"correlations: '{c.First}' is correlated with itself.");
            }

            if (!(rank >= -1 && rank <= 1))
            {
                throw new CorrelationException(string.Create(CultureInfo.InvariantCulture, $"correlations: rank {rank} between '{c.First}' and '{c.Second}' is outside [-1, 1]."));
            }

            if (r[a, b] != 0)
            {
                throw new CorrelationException($"correlations: '{c.First}' and '{c.Second}' are correlated twice.");
            }

            double normal = 2 * Math.Sin(Math.PI * rank / 6);
            r[a, b] = normal;
            r[b, a] = normal;
        }

        var names = involved.Select(d => dimensionNames[d]).ToArray();
        var evd = r.Evd(Symmetricity.Symmetric);
        double smallest = evd.EigenValues.Real().Minimum();
        bool repaired = false;
        if (smallest < -1e-10)
        {
            if (!repair)
            {
                var v = evd.EigenVectors.Column(evd.EigenValues.Real().MinimumIndex());
                var culprits = Enumerable.Range(0, m).Where(i => Math.Abs(v[i]) > 0.2).Select(i => names[i]);
                throw new CorrelationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"correlations: the declared rank correlations among {string.Join(", ", culprits)} cannot all hold at once (the correlation matrix is not positive semi-definite; smallest eigenvalue {smallest:0.###}). Change them, or set 'correlation_repair: nearest' to use the nearest valid correlation matrix."));
            }

            r = NearestCorrelation.Find(r);
            evd = r.Evd(Symmetricity.Symmetric);
            repaired = true;
        }

        // L = Q √Λ (eigenvalues floored at 0): works for singular matrices (|ρ| = 1), unlike Cholesky.
        var sqrtLambda = Matrix<double>.Build.DiagonalOfDiagonalVector(evd.EigenValues.Real().Map(x => Math.Sqrt(Math.Max(x, 0))));
        var l = evd.EigenVectors * sqrtLambda;
        var factor = new double[m * m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                factor[(i * m) + j] = l[i, j];
            }
        }

        return new GaussianCopula([.. involved], factor, r, repaired);
    }

    /// <summary>Correlates the involved dimensions of <paramref name="uniforms"/> in place.</summary>
    /// <param name="uniforms">A trial's input uniforms, each in (0, 1).</param>
    /// <param name="scratch">At least 2 × <see cref="Size"/> doubles.</param>
    public void Apply(Span<double> uniforms, Span<double> scratch)
    {
        int m = dimensions.Length;
        var z = scratch[..m];
        var correlated = scratch.Slice(m, m);
        for (int i = 0; i < m; i++)
        {
            z[i] = Normal.InvCDF(0, 1, uniforms[dimensions[i]]);
        }

        for (int i = 0; i < m; i++)
        {
            double s = 0;
            for (int j = 0; j < m; j++)
            {
                s += factor[(i * m) + j] * z[j];
            }

            correlated[i] = s;
        }

        for (int i = 0; i < m; i++)
        {
            // Keep the result inside (0, 1): Φ rounds to 0 or 1 beyond about ±8.3 and ±38.
            double u = Normal.CDF(0, 1, correlated[i]);
            uniforms[dimensions[i]] = Math.Clamp(u, 0.5 / (1UL << 53), 1 - (0.5 / (1UL << 53)));
        }
    }
}
