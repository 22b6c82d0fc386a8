namespace RiskSim.Report;

/// <summary>The page's inline stylesheet: system fonts only, nothing fetched, readable printed or on screen.</summary>
internal static class ReportStyle
{
    /// <summary>The CSS inside the page's <c>&lt;style&gt;</c>.</summary>
    public const string Css = """
        body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1a1a1a; margin: 0 auto; padding: 1.5rem 2rem 3rem; max-width: 1000px; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
        h2 { font-size: 1.25rem; margin: 2.2rem 0 0.3rem; border-bottom: 1px solid #d9d9d9; padding-bottom: 0.2rem; }
        .sub { color: #525252; margin-top: 0; }
        .headline { background: #f3f7fb; border-left: 4px solid #2171b5; padding: 0.6rem 1rem; }
        .headline li { margin: 0.25rem 0; }
        figure { margin: 0; }
        .units { color: #525252; font-size: 0.9rem; margin: 0.2rem 0 0.4rem; }
        .chart-svg { width: 100%; height: auto; display: block; }
        figcaption.reading { font-weight: 600; margin: 0.4rem 0 0; }
        table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.88rem; }
        th, td { border-bottom: 1px solid #e5e5e5; padding: 0.25rem 0.55rem; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #737373; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tbody + tbody { border-top: 2px solid #bdbdbd; }
        .paper-row td { color: #238b45; }
        .plan-row td { color: #d94801; }
        .median-row td { font-weight: 600; }
        .unit { font-weight: normal; color: #737373; font-size: 0.8rem; }
        table.inputs { width: 100%; table-layout: fixed; }
        .inputs col.name { width: 24%; } .inputs col.dist { width: 16%; } .inputs col.value { width: 7.5%; } .inputs col.src { width: 30%; }
        .inputs td { overflow-wrap: anywhere; }
        .inputs .num { white-space: normal; }
        .source { font-size: 0.8rem; }
        .meta th { font-weight: normal; color: #525252; }
        .table-wrap { overflow-x: auto; }
        footer { margin-top: 2.5rem; color: #737373; font-size: 0.8rem; }
        """;
}
