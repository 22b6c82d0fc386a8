using System.Globalization;
using nietras.SeparatedValues;
using Parquet;

namespace RiskSim.Scenarios;

/// <summary>
/// Reads one numeric column of a CSV (first row: headers) or Parquet file for an empirical
/// distribution. Problems come back as a plain message naming the file, the line and the column.
/// </summary>
internal static class EmpiricalSource
{
    /// <summary>Most observations read from one column.</summary>
    public const int MaxObservations = 1_000_000;

    /// <summary>Reads the column; returns the values, or null with <paramref name="problem"/> set.</summary>
    public static double[]? Read(string path, string column, out string? problem)
    {
        problem = null;
        try
        {
            if (!File.Exists(path))
            {
                problem = $"cannot read '{path}': no such file";
                return null;
            }

            return path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
                ? ReadParquet(path, column, out problem)
                : ReadCsv(path, column, out problem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or NotSupportedException)
        {
            problem = $"cannot read '{path}': {e.Message}";
            return null;
        }
    }

    private static double[]? ReadCsv(string path, string column, out string? problem)
    {
        problem = null;
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        if (!reader.Header.TryIndexOf(column, out int index))
        {
            problem = $"'{path}' has no column '{column}'; its columns are: {string.Join(", ", reader.Header.ColNames)}";
            return null;
        }

        var values = new List<double>();
        foreach (var row in reader)
        {
            string text = row[index].ToString().Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"'{path}' line {row.LineNumberFrom}, column '{column}': expected a finite number, found '{text}'");
                return null;
            }

            values.Add(value);
            if (values.Count > MaxObservations)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"'{path}': more than {MaxObservations} values in column '{column}'");
                return null;
            }
        }

        return [.. values];
    }

    private static double[]? ReadParquet(string path, string column, out string? problem)
    {
        problem = null;
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            var field = reader.Schema.GetDataFields().FirstOrDefault(f => f.Name == column);
            if (field is null)
            {
                problem = $"'{path}' has no column '{column}'; its columns are: {string.Join(", ", reader.Schema.GetDataFields().Select(f => f.Name))}";
                return null;
            }

            var values = new List<double>();
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int n = checked((int)group.RowCount);
                double?[]? read = field.ClrType switch
                {
                    var t when t == typeof(double) => Read<double>(group, field, n, x => x),
                    var t when t == typeof(float) => Read<float>(group, field, n, x => x),
                    var t when t == typeof(int) => Read<int>(group, field, n, x => x),
                    var t when t == typeof(long) => Read<long>(group, field, n, x => x),
                    _ => null,
                };
                if (read is null)
                {
                    problem = $"'{path}' column '{column}' holds {field.ClrType.Name} values; expected numbers";
                    return null;
                }

                foreach (double? value in read)
                {
                    if (value is not { } v || !double.IsFinite(v))
                    {
                        problem = string.Create(CultureInfo.InvariantCulture, $"'{path}' row {values.Count + 1}, column '{column}': expected a finite number, found {(value is null ? "null" : value.Value.ToString(CultureInfo.InvariantCulture))}");
                        return null;
                    }

                    values.Add(v);
                }

                if (values.Count > MaxObservations)
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"'{path}': more than {MaxObservations} values in column '{column}'");
                    return null;
                }
            }

            return [.. values];
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static double?[] Read<T>(ParquetRowGroupReader group, Parquet.Schema.DataField field, int n, Func<T, double> toDouble)
        where T : struct
    {
        var result = new double?[n];
        if (field.IsNullable)
        {
            var buffer = new T?[n];
            group.ReadAsync<T>(field, buffer.AsMemory()).AsTask().GetAwaiter().GetResult();
            for (int i = 0; i < n; i++)
            {
                result[i] = buffer[i] is { } x ? toDouble(x) : null;
            }
        }
        else
        {
            var buffer = new T[n];
            group.ReadAsync<T>(field, buffer.AsMemory()).AsTask().GetAwaiter().GetResult();
            for (int i = 0; i < n; i++)
            {
                result[i] = toDouble(buffer[i]);
            }
        }

        return result;
    }
}
