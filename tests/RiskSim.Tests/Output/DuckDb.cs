using DuckDB.NET.Data;

namespace RiskSim.Tests.Output;

/// <summary>Reads Parquet files back with DuckDB, an implementation independent of Parquet.Net.</summary>
internal static class DuckDb
{
    internal static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    internal static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Column names and DuckDB types, in file order.</summary>
    internal static List<(string Name, string Type)> Columns(string path) =>
        Query($"DESCRIBE SELECT * FROM read_parquet({Literal(path)})")
            .Select(r => ((string)r[0]!, (string)r[1]!))
            .ToList();

    /// <summary>The file's key-value metadata (DuckDB returns BLOBs; decode() makes them text).</summary>
    internal static Dictionary<string, string> KeyValueMetadata(string path) =>
        Query($"SELECT decode(key), decode(value) FROM parquet_kv_metadata({Literal(path)})")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);

    internal static long RowGroups(string path) =>
        (long)Query($"SELECT num_row_groups FROM parquet_file_metadata({Literal(path)})")[0][0]!;

    internal static List<object?[]> Rows(string path, string columns, string orderBy = "") =>
        Query($"SELECT {columns} FROM read_parquet({Literal(path)}){(orderBy.Length > 0 ? " ORDER BY " + orderBy : string.Empty)}");
}
