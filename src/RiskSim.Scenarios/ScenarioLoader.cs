using System.Globalization;
using RiskSim.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RiskSim.Scenarios;

/// <summary>
/// Reads scenario files (<c>risksim/scenario/1</c>, see <c>docs/scenario-format.md</c>) into a
/// validated <see cref="Scenario"/>. Every mistake in the file becomes a <see cref="ScenarioError"/>
/// located at the offending node, and all those found in one pass are thrown together.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Parses and validates one scenario.</summary>
    /// <param name="yamlText">The YAML text of the file.</param>
    /// <param name="fileName">Name used in error locations, e.g. <c>staffordshire.yaml</c>.</param>
    /// <returns>The scenario, with every uncertain input named after its trials column.</returns>
    /// <exception cref="ScenarioException">The file has mistakes; <see cref="ScenarioException.Errors"/> lists them.</exception>
    /// <exception cref="ArgumentNullException">An argument is null (a programming error, not a file mistake).</exception>
    public static Scenario Parse(string yamlText, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileName);
        var errors = new ErrorCollector(fileName);
        Scenario? scenario = null;
        try
        {
            if (YamlSyntaxCheck.Run(yamlText, errors) && LoadRoot(yamlText, errors) is { } root)
            {
                scenario = ScenarioReader.Read(new NodeReader(root, "", errors));
            }
        }
        catch (Exception e)
        {
            // A safety net: a file must never crash the caller with anything but a ScenarioException.
            errors.Add(Mark.Empty, "", $"internal error while reading the scenario ({e.GetType().Name}: {e.Message}); please report it");
        }

        if (scenario is null && errors.Count == 0)
        {
            errors.Add(Mark.Empty, "", "the scenario could not be read (no further detail); please report it");
        }

        if (errors.Count > 0)
        {
            throw errors.ToException();
        }

        return scenario!;
    }

    /// <summary>Loads the text as exactly one YAML document and returns its root node.</summary>
    private static YamlNode? LoadRoot(string yamlText, ErrorCollector errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlException e)
        {
            errors.Add(e.Start, "", "YAML error: " + e.Message);
            return null;
        }

        switch (stream.Documents.Count)
        {
            case 0:
                errors.Add(Mark.Empty, "", "the file holds no YAML document; expected a scenario mapping");
                return null;
            case 1:
                return stream.Documents[0].RootNode;
            default:
                errors.Add(
                    stream.Documents[1].RootNode.Start,
                    "",
                    string.Create(CultureInfo.InvariantCulture, $"the file holds {stream.Documents.Count} YAML documents; a scenario file holds exactly one (remove the '---' separators)"));
                return null;
        }
    }
}
