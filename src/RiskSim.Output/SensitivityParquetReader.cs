using Parquet;
using Parquet.Schema;
using RiskSim.Core.Results;
using RiskSim.Core.Time;

namespace RiskSim.Output;

/// <summary>
/// Reads <c>sensitivity.parquet</c> back (the inverse of <see cref="SensitivityParquetWriter"/>), so a
/// report can show the tornado and Sobol bars of a sensitivity analysis run separately.
/// </summary>
public static class SensitivityParquetReader
{
    /// <summary>Reads every row and the scenario's provenance.</summary>
    /// <param name="path">The file, or a folder holding <see cref="SensitivityParquetWriter.FileName"/>.</param>
    /// <exception cref="InvalidDataException">The file is missing, not Parquet, or not in the layout RiskSim writes (the message names the file and says why).</exception>
    public static SensitivityFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, SensitivityParquetWriter.FileName);
        }

        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: not found; give the folder `risksim sensitivity SCENARIO --out DIR` wrote.");
        }

        try
        {
            return ReadAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ParquetException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: cannot be read as RiskSim's sensitivity.parquet ({e.Message}).", e);
        }
    }

    private static async Task<SensitivityFile> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path).ConfigureAwait(false);
        var fields = reader.Schema.DataFields;
        var rows = new List<SensitivityRow>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            var input = await Strings(path, group, fields, "input", n, nullable: false).ConfigureAwait(false);
            var output = await Strings(path, group, fields, "output", n, nullable: false).ConfigureAwait(false);
            var fy = await Strings(path, group, fields, "fy", n, nullable: true).ConfigureAwait(false);
            var fyStart = new int?[n];
            await group.ReadAsync<int>(Field(path, fields, "fy_start_year", typeof(int), nullable: true), fyStart.AsMemory()).ConfigureAwait(false);
            var method = await Strings(path, group, fields, "method", n, nullable: false).ConfigureAwait(false);
            var value = new double[n];
            await group.ReadAsync<double>(Field(path, fields, "value", typeof(double), nullable: false), value.AsMemory()).ConfigureAwait(false);
            var low = new double?[n];
            await group.ReadAsync<double>(Field(path, fields, "ci_low", typeof(double), nullable: true), low.AsMemory()).ConfigureAwait(false);
            var high = new double?[n];
            await group.ReadAsync<double>(Field(path, fields, "ci_high", typeof(double), nullable: true), high.AsMemory()).ConfigureAwait(false);

            for (int i = 0; i < n; i++)
            {
                FinancialYear? year = fyStart[i] is { } start ? new FinancialYear(start) : null;
                if (year?.Label != fy[i])
                {
                    throw new InvalidDataException($"{path}: row {rows.Count + 1}: fy '{fy[i]}' does not match fy_start_year {fyStart[i]?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}.");
                }

                if (!double.IsFinite(value[i]) || low[i] is { } l && !double.IsFinite(l) || high[i] is { } h && !double.IsFinite(h))
                {
                    throw new InvalidDataException($"{path}: row {rows.Count + 1} ({input[i]}, {output[i]}, {method[i]}): a figure is not finite.");
                }

                rows.Add(new SensitivityRow(input[i]!, output[i]!, year, method[i]!, value[i], low[i], high[i]));
            }
        }

        var meta = reader.CustomMetadata ?? new Dictionary<string, string>();
        return new SensitivityFile(
            path,
            rows,
            meta.TryGetValue(OutputMetadata.ScenarioName, out var name) ? name : null,
            meta.TryGetValue(OutputMetadata.ScenarioSha256, out var sha) ? sha : null);
    }

    private static DataField Field(string path, DataField[] fields, string name, Type type, bool nullable)
    {
        var field = fields.FirstOrDefault(f => f.Name == name)
            ?? throw new InvalidDataException($"{path}: no column '{name}' (not a sensitivity.parquet written by RiskSim?).");
        bool text = type == typeof(string);
        bool typeOk = text ? field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>) : field.ClrType == type;
        if (!typeOk || (!nullable && field.IsNullable))
        {
            throw new InvalidDataException($"{path}: column '{name}' is {(field.IsNullable ? "optional " : string.Empty)}{field.ClrType.Name}, expected {(nullable ? "optional " : "required ")}{(text ? "text" : type.Name)}.");
        }

        return field;
    }

    private static async Task<string?[]> Strings(string path, ParquetRowGroupReader group, DataField[] fields, string name, int n, bool nullable)
    {
        var values = new string?[n];
        await group.ReadAsync(Field(path, fields, name, typeof(string), nullable), values.AsMemory()).ConfigureAwait(false);
        if (!nullable && Array.IndexOf(values, null) is int at and >= 0)
        {
            throw new InvalidDataException($"{path}: row {at + 1}: column '{name}' is empty.");
        }

        return values;
    }
}
