using System.Globalization;

namespace RiskSim.Scenarios;

/// <summary>
/// One mistake in a scenario file, located at the offending YAML node so that an analyst can
/// jump to it: <c>staffordshire.yaml:42:24: placement_types[2].weekly_cost_gbp: expected …</c>.
/// </summary>
/// <param name="File">File name as given to the loader.</param>
/// <param name="Line">1-based line of the offending node.</param>
/// <param name="Column">1-based column of the offending node.</param>
/// <param name="Path">
/// Where in the document, with dots and <c>[index]</c>, e.g. <c>effects[3].size.mode</c> or
/// <c>entries.per_month_by_fy.2020/21</c>; empty for errors about the file as a whole (YAML syntax).
/// </param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
public sealed record ScenarioError(string File, int Line, int Column, string Path, string Message)
{
    /// <summary>Formats as <c>file:line:column: path: message</c> (the path part is left out when empty).</summary>
    public override string ToString() => Path.Length == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Message}")
        : string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Path}: {Message}");
}
