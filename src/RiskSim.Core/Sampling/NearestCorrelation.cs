using MathNet.Numerics.LinearAlgebra;

namespace RiskSim.Core.Sampling;

/// <summary>
/// The nearest correlation matrix in the Frobenius norm, by Higham's alternating projections with
/// Dykstra's correction (N. J. Higham, "Computing the nearest correlation matrix — a problem from
/// finance", IMA J. Numer. Anal. 22, 2002, algorithm 3.3): alternately project onto the positive
/// semi-definite cone and onto unit-diagonal matrices.
/// </summary>
internal static class NearestCorrelation
{
    private const int MaxIterations = 1000;
    private const double Tolerance = 1e-10;

    /// <summary>Returns the nearest correlation matrix to symmetric <paramref name="a"/>.</summary>
    public static Matrix<double> Find(Matrix<double> a)
    {
        var y = a.Clone();
        var correction = Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount);
        for (int k = 0; k < MaxIterations; k++)
        {
            var r = y - correction;
            var x = ProjectPsd(r);
            correction = x - r;
            var next = x.Clone();
            for (int i = 0; i < next.RowCount; i++)
            {
                next[i, i] = 1;
            }

            double change = (next - y).FrobeniusNorm() / Math.Max(1, y.FrobeniusNorm());
            y = next;
            if (change < Tolerance)
            {
                break;
            }
        }

        // A last PSD projection with a tiny floor keeps the result usable however the loop ended.
        var evd = y.Evd(Symmetricity.Symmetric);
        var lambda = evd.EigenValues.Real().Map(v => Math.Max(v, 1e-12));
        var result = evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(lambda) * evd.EigenVectors.Transpose();
        var d = result.Diagonal().Map(v => 1 / Math.Sqrt(v));
        var scale = Matrix<double>.Build.DiagonalOfDiagonalVector(d);
        return scale * result * scale;
    }

    private static Matrix<double> ProjectPsd(Matrix<double> m)
    {
        var evd = m.Evd(Symmetricity.Symmetric);
        var lambda = evd.EigenValues.Real().Map(v => Math.Max(v, 0));
        return evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(lambda) * evd.EigenVectors.Transpose();
    }
}
