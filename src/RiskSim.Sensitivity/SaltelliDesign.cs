namespace RiskSim.Sensitivity;

/// <summary>A named set of input columns that are swapped together in a grouped Saltelli design.</summary>
/// <param name="Name">Group name, written as <see cref="SensitivityEstimate.Input"/>.</param>
/// <param name="Columns">Zero-based input column indices in the group (non-empty, disjoint from other groups).</param>
public sealed record InputGroup(string Name, IReadOnlyList<int> Columns);

/// <summary>
/// The model outputs of a Saltelli design, split by block: y(A), y(B) and y(AB_k) for each input
/// (or group) k, all of length n and row-aligned (row i of every block comes from row i of A and B).
/// </summary>
/// <param name="YA">Outputs at the rows of A.</param>
/// <param name="YB">Outputs at the rows of B.</param>
/// <param name="YAB">Outputs at AB_k (A with column(s) k taken from B), one array per input or group.</param>
public sealed record SaltelliOutputs(double[] YA, double[] YB, IReadOnlyList<double[]> YAB);

/// <summary>
/// Builds the points of a Saltelli (2002; Saltelli et al. 2010) design for Sobol indices from two
/// independent n × d base matrices A and B (typically uniform on [0, 1)^d, mapped through the inputs'
/// inverse CDFs by the caller before evaluation), and splits the evaluated outputs back.
/// </summary>
/// <remarks>
/// Row layout of the returned (k + 2)·n × d matrix: rows [0, n) are A, rows [n, 2n) are B, and rows
/// [(2 + k)·n, (3 + k)·n) are AB_k, i.e. A with column k (or the columns of group k) replaced by B's.
/// Evaluate the model on every row, in order, and pass the output vector to <see cref="Split"/>.
/// The design needs independent inputs: correlated inputs break the variance decomposition.
/// </remarks>
public static class SaltelliDesign
{
    /// <summary>Design for per-input indices: (d + 2)·n rows.</summary>
    /// <param name="a">Base matrix A, n × d.</param>
    /// <param name="b">Base matrix B, n × d, independent of A.</param>
    /// <returns>The (d + 2)·n × d matrix of points to evaluate.</returns>
    /// <exception cref="ArgumentException">A and B differ in shape, are empty, or hold a non-finite value.</exception>
    public static double[,] Build(double[,] a, double[,] b)
    {
        CheckBase(a, b);
        int d = a.GetLength(1);
        var groups = new int[d][];
        for (int j = 0; j < d; j++)
        {
            groups[j] = [j];
        }

        return Assemble(a, b, groups);
    }

    /// <summary>Design for group indices: (g + 2)·n rows, each AB_k swapping all columns of group k at once.</summary>
    /// <param name="a">Base matrix A, n × d.</param>
    /// <param name="b">Base matrix B, n × d, independent of A.</param>
    /// <param name="groups">Groups of column indices: non-empty, in range and disjoint (columns in no group are never swapped).</param>
    /// <returns>The (g + 2)·n × d matrix of points to evaluate.</returns>
    /// <exception cref="ArgumentException">Bad shapes, a non-finite value, or an empty, out-of-range or overlapping group.</exception>
    public static double[,] BuildGrouped(double[,] a, double[,] b, IReadOnlyList<InputGroup> groups)
    {
        CheckBase(a, b);
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0)
        {
            throw new ArgumentException("At least one group is needed.", nameof(groups));
        }

        int d = a.GetLength(1);
        Validation.Names(groups.Select(g => g.Name).ToArray(), groups.Count, nameof(groups));
        var used = new bool[d];
        foreach (InputGroup group in groups)
        {
            if (group.Columns is null || group.Columns.Count == 0)
            {
                throw new ArgumentException($"Group '{group.Name}' has no columns.", nameof(groups));
            }

            foreach (int c in group.Columns)
            {
                if (c < 0 || c >= d)
                {
                    throw new ArgumentException($"Group '{group.Name}' names column {c}, outside 0..{d - 1}.", nameof(groups));
                }

                if (used[c])
                {
                    throw new ArgumentException($"Column {c} is in more than one group (group '{group.Name}').", nameof(groups));
                }

                used[c] = true;
            }
        }

        return Assemble(a, b, groups.Select(g => g.Columns.ToArray()).ToArray());
    }

    /// <summary>Splits the outputs evaluated at the rows of a design back into its blocks.</summary>
    /// <param name="y">Outputs, one per design row, in design order; length (k + 2)·n.</param>
    /// <param name="n">Rows of the base matrices.</param>
    /// <returns>The blocks y(A), y(B), y(AB_1..k).</returns>
    /// <exception cref="ArgumentException">The length is not a multiple (≥ 3) of n.</exception>
    public static SaltelliOutputs Split(double[] y, int n)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (n <= 0 || y.Length % n != 0 || y.Length / n < 3)
        {
            throw new ArgumentException($"A Saltelli design output has (k + 2)·n values with k ≥ 1; got {y.Length} values for n = {n}.", nameof(y));
        }

        int blocks = y.Length / n;
        double[] Block(int k) => y.AsSpan(k * n, n).ToArray();
        return new SaltelliOutputs(Block(0), Block(1), Enumerable.Range(2, blocks - 2).Select(Block).ToArray());
    }

    private static void CheckBase(double[,] a, double[,] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.GetLength(0) != b.GetLength(0) || a.GetLength(1) != b.GetLength(1))
        {
            throw new ArgumentException($"A is {a.GetLength(0)} × {a.GetLength(1)} but B is {b.GetLength(0)} × {b.GetLength(1)}; they must have the same shape.", nameof(b));
        }

        if (a.Length == 0)
        {
            throw new ArgumentException("The base matrices are empty.", nameof(a));
        }

        foreach (double v in a)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"A has a non-finite value ({v}).", nameof(a));
            }
        }

        foreach (double v in b)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"B has a non-finite value ({v}).", nameof(b));
            }
        }
    }

    private static double[,] Assemble(double[,] a, double[,] b, int[][] groups)
    {
        int n = a.GetLength(0), d = a.GetLength(1);
        var design = new double[(groups.Length + 2) * n, d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                design[i, j] = a[i, j];
                design[n + i, j] = b[i, j];
            }
        }

        for (int k = 0; k < groups.Length; k++)
        {
            int offset = (2 + k) * n;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    design[offset + i, j] = a[i, j];
                }

                foreach (int j in groups[k])
                {
                    design[offset + i, j] = b[i, j];
                }
            }
        }

        return design;
    }
}
