using Parquet.Schema;
using RiskSim.Core.Model;
using RiskSim.Core.Results;

namespace RiskSim.Output;

/// <summary>
/// Writes <c>plan.parquet</c>: one row per FY of the deterministic plan line, every metric as a
/// double (plan mode uses expected flows, so LAC is fractional), the published reference values
/// beside them as <c>ref_&lt;metric&gt;</c> (always levels: a row the paper gave as year-on-year
/// increments is converted when the scenario is read, and the file's metadata key
/// <c>risksim.reference_basis.&lt;metric&gt;</c> says <c>increment</c> for it), and a <c>breakeven</c>
/// flag on the plan's breakeven FY.
/// </summary>
public static class PlanParquetWriter
{
    /// <summary>The conventional file name.</summary>
    public const string FileName = "plan.parquet";

    /// <summary>Prefix of the reference columns, e.g. <c>ref_position_gbp</c>.</summary>
    public const string ReferencePrefix = "ref_";

    /// <summary>Writes the plan as a single row group.</summary>
    /// <param name="path">File to create or replace.</param>
    /// <param name="plan">The plan result.</param>
    /// <param name="reference">
    /// Published numbers, or null. A <c>ref_</c> column is written for each <see cref="Metric"/> that has a
    /// row here (in <see cref="Metrics.All"/> order); it is null in FYs without a published value. Rows
    /// keyed by anything other than a metric column name are not written.
    /// </param>
    /// <param name="meta">Provenance stored in the file's key-value metadata.</param>
    public static void Write(string path, PlanResult plan, ReferenceData? reference, RunMetadata meta)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(meta);

        var years = plan.FinancialYears;
        int n = years.Count;

        var fyField = new DataField<string>("fy", false);
        var fyStartField = new DataField<int>("fy_start_year", false);
        var metricFields = new DataField<double>[Metrics.Count];
        var metricValues = new double[Metrics.Count][];
        foreach (Metric metric in Metrics.All)
        {
            int m = (int)metric;
            metricFields[m] = new DataField<double>(metric.ColumnName(), false);
            metricValues[m] = new double[n];
            for (int fy = 0; fy < n; fy++)
            {
                metricValues[m][fy] = plan.Get(fy, metric);
            }
        }

        var refFields = new List<DataField<double?>>();
        var refValues = new List<double?[]>();
        var extra = new List<KeyValuePair<string, string>>();
        if (reference is not null)
        {
            foreach (Metric metric in Metrics.All)
            {
                if (!reference.Rows.TryGetValue(metric.ColumnName(), out var byFy))
                {
                    continue;
                }

                var values = new double?[n];
                for (int fy = 0; fy < n; fy++)
                {
                    values[fy] = byFy.TryGetValue(years[fy], out double v) ? v : null;
                }

                refFields.Add(new DataField<double?>(ReferencePrefix + metric.ColumnName(), true));
                refValues.Add(values);
                if (reference.BasisOf(metric.ColumnName()) == ReferenceBasis.Increment)
                {
                    extra.Add(new("risksim.reference_basis." + metric.ColumnName(), "increment"));
                }
            }
        }

        var breakevenField = new DataField<bool>("breakeven", false);
        var fyLabels = new ReadOnlyMemory<char>[n];
        var fyStart = new int[n];
        var breakeven = new bool[n];
        for (int fy = 0; fy < n; fy++)
        {
            fyLabels[fy] = years[fy].Label.AsMemory();
            fyStart[fy] = years[fy].StartYear;
            breakeven[fy] = fy == plan.BreakevenFyIndex;
        }

        var schema = new ParquetSchema([fyField, fyStartField, .. metricFields, .. refFields, breakevenField]);
        ParquetFile.WriteSingleRowGroup(path, schema, meta, n, group =>
        {
            group.Write<ReadOnlyMemory<char>>(fyField, fyLabels);
            group.Write<int>(fyStartField, fyStart);
            for (int m = 0; m < metricFields.Length; m++)
            {
                group.Write<double>(metricFields[m], metricValues[m]);
            }

            for (int r = 0; r < refFields.Count; r++)
            {
                group.WriteNullable<double>(refFields[r], refValues[r]);
            }

            group.Write<bool>(breakevenField, breakeven);
        },
        extra);
    }
}
