using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
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
    private const string TooLarge = "the file is larger than the 1 MiB limit for a scenario file; is it the right file?";

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
        if (yamlText.Length > ScenarioLimits.MaxFileBytes)
        {
            // Each character is at least one byte of UTF-8, so this text is over the file limit too.
            errors.Add(Mark.Empty, "", TooLarge);
            throw errors.ToException();
        }

        // A UTF-8 byte-order mark decodes to U+FEFF, which YAML would take as part of the first key.
        if (yamlText.StartsWith('\uFEFF'))
        {
            yamlText = yamlText[1..];
        }

        errors.Lines = yamlText.Split('\n');
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

    /// <summary>
    /// Parses and validates one scenario from the bytes of its file: at most
    /// <see cref="ScenarioLimits.MaxFileBytes"/>, UTF-8 with or without a byte-order mark. Another
    /// encoding or an invalid byte is a located error, not an exception of another type.
    /// </summary>
    /// <param name="bytes">The file's bytes (a caller reading a file reads at most one byte over the limit).</param>
    /// <param name="fileName">Name used in error locations.</param>
    /// <returns>The scenario, as <see cref="Parse(string, string)"/>.</returns>
    /// <exception cref="ScenarioException">The file is too large, not UTF-8, or has mistakes.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Scenario Parse(byte[] bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(fileName);
        var errors = new ErrorCollector(fileName);
        if (bytes.Length > ScenarioLimits.MaxFileBytes)
        {
            errors.Add(Mark.Empty, "", TooLarge);
            throw errors.ToException();
        }

        if (OtherEncoding(bytes) is { } encoding)
        {
            errors.Add(Mark.Empty, "", $"the file is {encoding} text (it starts with a {encoding} byte-order mark); save it as UTF-8");
            throw errors.ToException();
        }

        ReadOnlySpan<byte> body = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes;
        var chars = new char[body.Length];
        OperationStatus status = Utf8.ToUtf16(body, chars, out int read, out int written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            // Locate the first bad byte by the characters decoded before it.
            ReadOnlySpan<char> before = chars.AsSpan(0, written);
            int line = before.Count('\n') + 1;
            int column = before.Length - before.LastIndexOf('\n');
            errors.Add(
                new Mark(0, line, column),
                "",
                string.Create(CultureInfo.InvariantCulture, $"the file is not UTF-8 text (invalid byte 0x{body[read]:X2} here); save it as UTF-8"));
            throw errors.ToException();
        }

        return Parse(new string(chars, 0, written), fileName);
    }

    /// <summary>The encoding a byte-order mark announces when it is not UTF-8, else null.</summary>
    private static string? OtherEncoding(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((byte[])[0x00, 0x00, 0xFE, 0xFF]) || bytes.StartsWith((byte[])[0xFF, 0xFE, 0x00, 0x00]) ? "UTF-32"
        : bytes.StartsWith((byte[])[0xFE, 0xFF]) || bytes.StartsWith((byte[])[0xFF, 0xFE]) ? "UTF-16"
        : null;

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
