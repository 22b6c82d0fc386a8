namespace RiskSim.Report;

/// <summary>One chart of the report, ready to lay out.</summary>
/// <param name="Id">The HTML id of its figure (also prefixes the SVG's own ids so charts never share one).</param>
/// <param name="Title">Heading.</param>
/// <param name="Units">What the axes measure, in words with their units.</param>
/// <param name="Reading">One plain-English sentence a reader takes away, computed from the result.</param>
/// <param name="Svg">The chart as an inline <c>&lt;svg&gt;</c> element.</param>
internal sealed record ReportChart(string Id, string Title, string Units, string Reading, string Svg);
