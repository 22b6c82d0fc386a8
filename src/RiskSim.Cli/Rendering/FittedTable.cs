using Spectre.Console;

namespace RiskSim.Cli.Rendering;

/// <summary>
/// A table whose first column (a row label or an FY) is repeated and whose other columns are split
/// over as many tables as it takes to fit the console's width, so that no cell ever wraps mid-value
/// (an 80-column terminal gets two tables of a seven-FY layout; a wide one gets the single table).
/// </summary>
/// <param name="title">The title (markup), shown above the first table.</param>
/// <param name="firstHeading">Heading of the repeated first column.</param>
/// <param name="headings">Headings of the other columns (right-aligned).</param>
public sealed class FittedTable(string title, string firstHeading, IReadOnlyList<string> headings)
{
    private readonly List<string[]> rows = [];

    /// <summary>Adds a row: the first cell, then one cell per heading (markup allowed).</summary>
    public void AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != headings.Count + 1)
        {
            throw new ArgumentException($"expected {headings.Count + 1} cells, got {cells.Length}.", nameof(cells));
        }

        rows.Add(cells);
    }

    /// <summary>Writes the table(s) to <paramref name="console"/>, fitted to its width.</summary>
    public void Write(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var groups = Groups(console.Profile.Width);
        for (int g = 0; g < groups.Count; g++)
        {
            var table = new Table();
            if (g == 0 && title.Length > 0)
            {
                table.Title(title);
            }

            table.AddColumn(new TableColumn(firstHeading).NoWrap());
            foreach (int c in groups[g])
            {
                table.AddColumn(new TableColumn(headings[c]).RightAligned().NoWrap());
            }

            foreach (var row in rows)
            {
                table.AddRow([row[0], .. groups[g].Select(c => row[c + 1])]);
            }

            console.Write(table);
        }
    }

    /// <summary>
    /// The other columns, in order, grouped so that each table fits <paramref name="width"/>: a
    /// column takes its widest cell or heading plus 3 (padding and rule), the table 1 more.
    /// </summary>
    internal List<List<int>> Groups(int width)
    {
        int Width(int column) =>
            Math.Max(Measure(column == 0 ? firstHeading : headings[column - 1]), rows.Count == 0 ? 0 : rows.Max(r => Measure(r[column]))) + 3;

        int fixedWidth = 1 + Width(0);
        var groups = new List<List<int>> { new() };
        int used = fixedWidth;
        for (int c = 0; c < headings.Count; c++)
        {
            int w = Width(c + 1);
            if (used + w > width && groups[^1].Count > 0)
            {
                groups.Add([]);
                used = fixedWidth;
            }

            groups[^1].Add(c);
            used += w;
        }

        return groups;
    }

    /// <summary>Display width of a cell's text without its markup (every character here is one column wide).</summary>
    private static int Measure(string markup) =>
        Markup.Remove(markup).Split('\n').Max(line => line.Length);
}
