using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace RiskSim.Analysis.Compare;

/// <summary>
/// Reads one side of a comparison from a results folder written by <c>risksim run</c>:
/// <c>trials.parquet</c> (per trial), <c>yearly.parquet</c> (LAC per trial and FY) and
/// <c>plan.parquet</c> (the plan's cumulative position), with the seed and design from the files'
/// key-value metadata.
/// </summary>
public static class ResultsFolderSide
{
    /// <summary>Reads the run in <paramref name="folder"/>.</summary>
    /// <exception cref="CompareException">A file is missing or lacks a column compare needs.</exception>
    public static CompareSide Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return ReadAsync(folder).GetAwaiter().GetResult();
    }

    private static async Task<CompareSide> ReadAsync(string folder)
    {
        // Plan: FY labels, start years and the cumulative position at the horizon.
        var plan = await ReadColumns(folder, "plan.parquet", ["fy", "fy_start_year", "cumulative_position_gbp"]).ConfigureAwait(false);
        var years = plan.Strings("fy");
        var startYears = plan.Ints("fy_start_year");
        var planCumulative = plan.Doubles("cumulative_position_gbp");
        var fyOrder = Enumerable.Range(0, years.Length).OrderBy(i => startYears[i]).ToArray();
        years = [.. fyOrder.Select(i => years[i])];
        var fyIndex = new Dictionary<int, int>();
        for (int k = 0; k < fyOrder.Length; k++)
        {
            fyIndex[startYears[fyOrder[k]]] = k;
        }

        double planCumulativeGbp = planCumulative[fyOrder[^1]];

        var trials = await ReadColumns(folder, "trials.parquet", ["trial", "breakeven_fy_start_year", "lasting_breakeven_fy_start_year", "cumulative_position_gbp"]).ConfigureAwait(false);
        var ids = trials.Longs("trial");
        int n = ids.Length;
        if (n == 0)
        {
            throw new CompareException($"{Path.Combine(folder, "trials.parquet")}: the file has no trials.");
        }

        var row = new int[n];
        for (int i = 0; i < n; i++)
        {
            row[i] = i;
        }

        Array.Sort((long[])ids.Clone(), row);
        var sortedIds = row.Select(i => ids[i]).ToArray();
        var position = new Dictionary<long, int>(n);
        for (int i = 0; i < n; i++)
        {
            if (!position.TryAdd(sortedIds[i], i))
            {
                throw new CompareException($"{Path.Combine(folder, "trials.parquet")}: trial {sortedIds[i]} appears twice.");
            }
        }

        var cumulative = Permute(trials.Doubles("cumulative_position_gbp"), row);
        var breakeven = Permute(FyIndices(trials.NullableInts("breakeven_fy_start_year"), fyIndex, folder), row);
        var lasting = Permute(FyIndices(trials.NullableInts("lasting_breakeven_fy_start_year"), fyIndex, folder), row);

        var yearly = await ReadColumns(folder, "yearly.parquet", ["trial", "fy_start_year", "lac_end"]).ConfigureAwait(false);
        var yearlyTrial = yearly.Longs("trial");
        var yearlyStart = yearly.Ints("fy_start_year");
        var lac = yearly.Doubles("lac_end");
        int fyCount = years.Length;
        var lacEnd = new double[(long)n * fyCount];
        var filled = new bool[lacEnd.Length];
        for (int r = 0; r < yearlyTrial.Length; r++)
        {
            if (!position.TryGetValue(yearlyTrial[r], out int t) || !fyIndex.TryGetValue(yearlyStart[r], out int fy))
            {
                throw new CompareException($"{Path.Combine(folder, "yearly.parquet")}: row {r + 1} (trial {yearlyTrial[r]}, FY starting {yearlyStart[r]}) matches no trial or FY of trials.parquet / plan.parquet.");
            }

            lacEnd[(t * fyCount) + fy] = lac[r];
            filled[(t * fyCount) + fy] = true;
        }

        if (Array.IndexOf(filled, false) is int missing and >= 0)
        {
            throw new CompareException($"{Path.Combine(folder, "yearly.parquet")}: no row for trial {sortedIds[missing / fyCount]} in {years[missing % fyCount]}.");
        }

        string name = trials.Metadata.GetValueOrDefault("risksim.scenario_name") ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        ulong? seed = ulong.TryParse(trials.Metadata.GetValueOrDefault("risksim.seed"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong s) ? s : null;
        string? sampling = trials.Metadata.GetValueOrDefault("risksim.sampling");
        return new CompareSide(folder, name, seed, sampling, years, planCumulativeGbp, sortedIds, cumulative, breakeven, lasting, lacEnd);
    }

    private static int[] FyIndices(int?[] startYears, Dictionary<int, int> fyIndex, string folder) =>
        Array.ConvertAll(startYears, y => y is { } year
            ? fyIndex.TryGetValue(year, out int k) ? k : throw new CompareException($"{Path.Combine(folder, "trials.parquet")}: a breakeven FY starting {year} is not in plan.parquet's horizon.")
            : -1);

    private static T[] Permute<T>(T[] values, int[] row) => Array.ConvertAll(row, i => values[i]);

    private static async Task<Columns> ReadColumns(string folder, string file, string[] names)
    {
        string path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new CompareException($"{path}: not found; compare needs a results folder written by 'risksim run' (trials.parquet, yearly.parquet, plan.parquet).");
        }

        try
        {
            await using var reader = await ParquetReader.CreateAsync(path).ConfigureAwait(false);
            var columns = new Columns(reader.CustomMetadata ?? new Dictionary<string, string>());
            var fields = new DataField[names.Length];
            for (int c = 0; c < names.Length; c++)
            {
                fields[c] = reader.Schema.DataFields.FirstOrDefault(f => f.Name == names[c])
                    ?? throw new CompareException($"{path}: no column '{names[c]}' (written by an older RiskSim? re-run the scenario).");
                            }

            var parts = names.ToDictionary(name => name, _ => new List<Array>());
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int rows = checked((int)group.RowCount);
                foreach (var field in fields)
                {
                    parts[field.Name].Add(await ReadOne(group, field, rows).ConfigureAwait(false));
                }
            }

            foreach (var field in fields)
            {
                columns.Values[field.Name] = Concat(parts[field.Name]);
            }

            return columns;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ParquetException)
        {
            throw new CompareException($"{path}: cannot be read as Parquet ({e.Message}).", e);
        }
    }

    private static async Task<Array> ReadOne(ParquetRowGroupReader group, DataField field, int rows)
    {
        // Parquet.Net 6 reports text columns as ReadOnlyMemory<char>; read them as strings.
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[rows];
            await group.ReadAsync(field, strings.AsMemory()).ConfigureAwait(false);
            return Array.ConvertAll(strings, s => s ?? string.Empty);
        }

        if (field.ClrType == typeof(int) && field.IsNullable)
        {
            var values = new int?[rows];
            await group.ReadAsync<int>(field, values.AsMemory()).ConfigureAwait(false);
            return values;
        }

        if (field.ClrType == typeof(int))
        {
            var values = new int[rows];
            await group.ReadAsync<int>(field, values.AsMemory()).ConfigureAwait(false);
            return values;
        }

        if (field.ClrType == typeof(long))
        {
            var values = new long[rows];
            await group.ReadAsync<long>(field, values.AsMemory()).ConfigureAwait(false);
            return values;
        }

        if (field.ClrType == typeof(double) && !field.IsNullable)
        {
            var values = new double[rows];
            await group.ReadAsync<double>(field, values.AsMemory()).ConfigureAwait(false);
            return values;
        }

        throw new CompareException($"column '{field.Name}' has an unexpected type ({field.ClrType.Name}{(field.IsNullable ? "?" : string.Empty)}).");
    }

    private static Array Concat(List<Array> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var elementType = parts.Count > 0 ? parts[0].GetType().GetElementType()! : typeof(double);
        var all = Array.CreateInstance(elementType, parts.Sum(p => p.Length));
        int at = 0;
        foreach (var part in parts)
        {
            Array.Copy(part, 0, all, at, part.Length);
            at += part.Length;
        }

        return all;
    }

    /// <summary>The columns read from one file, by name, and the file's key-value metadata.</summary>
    private sealed class Columns(IReadOnlyDictionary<string, string> metadata)
    {
        public IReadOnlyDictionary<string, string> Metadata { get; } = metadata;

        public Dictionary<string, Array> Values { get; } = [];

        public string[] Strings(string name) => (string[])Values[name];

        public int[] Ints(string name) => (int[])Values[name];

        public int?[] NullableInts(string name) => (int?[])Values[name];

        public long[] Longs(string name) => (long[])Values[name];

        /// <summary>A numeric column as doubles (LAC is stored as whole children, int32).</summary>
        public double[] Doubles(string name) => Values[name] switch
        {
            double[] d => d,
            int[] i => Array.ConvertAll(i, x => (double)x),
            long[] l => Array.ConvertAll(l, x => (double)x),
            _ => throw new CompareException($"column '{name}' is not numeric."),
        };
    }
}
