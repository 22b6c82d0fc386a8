using System.Globalization;
using System.Text;
using RiskSim.Core.Results;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RiskSim.Calibration;

/// <summary>
/// A scenario template: a scenario file with <c>{{NAME}}</c> placeholders for the values to fit
/// and a top-level <c>calibrate:</c> block that names them (start, bounds), the targets'
/// tolerances, an optional roughness penalty and optional stages (docs/calibration.md). The
/// block is cut out before the scenario is read (its lines are blanked so that line numbers in
/// errors still match the template) and is not written to the fitted scenario.
/// </summary>
public sealed class CalibrationTemplate
{
    private readonly string body;
    private readonly string bodyWithoutBlock;

    private CalibrationTemplate(
        string file,
        string body,
        string bodyWithoutBlock,
        IReadOnlyList<Placeholder> placeholders,
        IReadOnlyList<CalibrationParameter> parameters,
        IReadOnlyList<TargetTolerance> targets,
        double roughnessWeight,
        IReadOnlyList<CalibrationStage> stages)
    {
        File = file;
        this.body = body;
        this.bodyWithoutBlock = bodyWithoutBlock;
        Placeholders = placeholders;
        Parameters = parameters;
        Targets = targets;
        RoughnessWeight = roughnessWeight;
        Stages = stages;
    }

    /// <summary>The template's file name, for messages.</summary>
    public string File { get; }

    /// <summary>The placeholders, in text order.</summary>
    public IReadOnlyList<Placeholder> Placeholders { get; }

    /// <summary>The free parameters, in the block's order.</summary>
    public IReadOnlyList<CalibrationParameter> Parameters { get; }

    /// <summary>The targets fitted and their tolerances.</summary>
    public IReadOnlyList<TargetTolerance> Targets { get; }

    /// <summary>Weight of the roughness penalty on the do-nothing LAC path (0: none).</summary>
    public double RoughnessWeight { get; }

    /// <summary>The stages, in order (one stage with every parameter when the block gives none).</summary>
    public IReadOnlyList<CalibrationStage> Stages { get; }

    /// <summary>Reads a template; mistakes become a located <see cref="CalibrationException"/>.</summary>
    /// <param name="text">The template text.</param>
    /// <param name="file">Its file name, for messages.</param>
    public static CalibrationTemplate Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.ReplaceLineEndings("\n");
        string[] lines = text.Split('\n');
        int first = Array.FindIndex(lines, l => l.StartsWith("calibrate:", StringComparison.Ordinal));
        if (first < 0)
        {
            throw new CalibrationException($"{file}: no top-level 'calibrate:' block; a template names its free parameters there (docs/calibration.md)");
        }

        int end = first + 1;
        while (end < lines.Length && (lines[end].Length == 0 || lines[end][0] is ' ' or '\t'))
        {
            end++;
        }

        // Trailing blank lines belong to what follows.
        while (end > first + 1 && lines[end - 1].Trim().Length == 0)
        {
            end--;
        }

        string block = string.Join('\n', lines[first..end]);
        var blanked = (string[])lines.Clone();
        for (int i = first; i < end; i++)
        {
            blanked[i] = string.Empty;
        }

        string body = string.Join('\n', blanked);
        string without = string.Join('\n', lines[..first].Concat(lines[end..]));
        var reader = new BlockReader(file, first);
        var (parameters, targets, roughness, stages) = reader.Read(block);

        var placeholders = Placeholder.FindAll(body, file);
        var known = parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var p in placeholders)
        {
            if (!known.Contains(p.Name))
            {
                var (line, column) = Placeholder.LineColumn(body, p.Index);
                throw new CalibrationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{file}:{line}:{column}: placeholder {{{{{p.Name}}}}} names no parameter of calibrate.parameters"));
            }
        }

        foreach (var p in parameters.Where(p => placeholders.All(h => h.Name != p.Name)))
        {
            throw new CalibrationException(string.Create(
                CultureInfo.InvariantCulture, $"{file}:{first + 1}:1: calibrate.parameters.{p.Name}: no {{{{{p.Name}}}}} placeholder in the template uses it"));
        }

        if (stages.Count == 0)
        {
            stages = [new CalibrationStage(parameters.Select(p => p.Name).ToList(), [], [])];
        }

        return new CalibrationTemplate(file, body, without, placeholders, parameters, targets, roughness, stages);
    }

    /// <summary>
    /// The scenario text with every placeholder filled; <paramref name="forOutput"/> drops the
    /// <c>calibrate:</c> block's lines, otherwise they are blank (line numbers kept for errors).
    /// </summary>
    public string Fill(IReadOnlyDictionary<string, double> values, bool forOutput)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder(body.Length);
        int at = 0;
        foreach (var p in Placeholders)
        {
            text.Append(body, at, p.Index - at).Append(Placeholder.Format(p.Evaluate(values[p.Name])));
            at = p.Index + p.Length;
        }

        text.Append(body, at, body.Length - at);
        if (!forOutput)
        {
            return text.ToString();
        }

        // Same fill over the text without the block (placeholders cannot sit inside the block,
        // which has no braces that the regex accepts as a parameter: the reader refuses those).
        var output = new StringBuilder(bodyWithoutBlock.Length);
        at = 0;
        foreach (var p in Placeholder.FindAll(bodyWithoutBlock, File))
        {
            output.Append(bodyWithoutBlock, at, p.Index - at).Append(Placeholder.Format(p.Evaluate(values[p.Name])));
            at = p.Index + p.Length;
        }

        output.Append(bodyWithoutBlock, at, bodyWithoutBlock.Length - at);
        return output.ToString();
    }

    /// <summary>Reads the <c>calibrate:</c> block with YamlDotNet, reporting positions in the template.</summary>
    private sealed class BlockReader(string file, int lineOffset)
    {
        private static readonly string[] BlockKeys = ["parameters", "targets", "roughness", "stages"];
        private static readonly string[] ParameterKeys = ["start", "min", "max", "says", "today", "today_source"];
        private static readonly string[] ToleranceKeys = ["relative", "absolute"];

        public (List<CalibrationParameter>, List<TargetTolerance>, double, IReadOnlyList<CalibrationStage>) Read(string block)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(block));
            }
            catch (YamlException e)
            {
                throw Error(e.Start, "calibrate", e.Message);
            }

            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var map = Mapping(root.Children[new YamlScalarNode("calibrate")], "calibrate", BlockKeys);
            var parameters = new List<CalibrationParameter>();
            foreach (var (key, name, value) in Entries(Required(map, "parameters", "calibrate"), "calibrate.parameters"))
            {
                string path = "calibrate.parameters." + name;
                if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Z][A-Z0-9_]*$"))
                {
                    throw Error(key.Start, path, "a parameter name is capitals, digits and '_', starting with a capital (as in {{NAME}})");
                }

                var p = Mapping(value, path, ParameterKeys);
                double start = Number(Required(p, "start", path), path + ".start");
                double min = Number(Required(p, "min", path), path + ".min");
                double max = Number(Required(p, "max", path), path + ".max");
                if (!(min < start && start < max))
                {
                    throw Error(value.Start, path, string.Create(CultureInfo.InvariantCulture, $"start {start} must lie strictly between min {min} and max {max}"));
                }

                double? today = p.TryGetValue("today", out var t) ? Number(t, path + ".today") : null;
                parameters.Add(new CalibrationParameter(name, start, min, max, Text(p, "says"), today, Text(p, "today_source")));
            }

            if (parameters.Count == 0)
            {
                throw Error(map["parameters"].Start, "calibrate.parameters", "name at least one parameter");
            }

            var targets = new List<TargetTolerance>();
            foreach (var (key, name, value) in Entries(Required(map, "targets", "calibrate"), "calibrate.targets"))
            {
                string path = "calibrate.targets." + name;
                if (name != TargetTolerance.LacMilestones && !Metrics.TryParse(name, out _))
                {
                    throw Error(key.Start, path, $"'{name}' is neither lac_milestones nor a metric column of plan mode (e.g. placements_saving_gbp)");
                }

                var tol = Mapping(value, path, ToleranceKeys);
                double rel = tol.TryGetValue("relative", out var r) ? Number(r, path + ".relative") : 0;
                double abs = tol.TryGetValue("absolute", out var a) ? Number(a, path + ".absolute") : 0;
                if (rel < 0 || abs < 0 || (rel == 0 && abs == 0))
                {
                    throw Error(value.Start, path, "give relative (a share of the paper's figure) and/or absolute (in the figure's unit), ≥ 0 and not both 0");
                }

                targets.Add(new TargetTolerance(name, rel, abs));
            }

            double roughness = 0;
            if (map.TryGetValue("roughness", out var rough))
            {
                roughness = Number(rough, "calibrate.roughness");
                if (roughness < 0)
                {
                    throw Error(rough.Start, "calibrate.roughness", "the roughness weight must be ≥ 0");
                }
            }

            var stages = new List<CalibrationStage>();
            if (map.TryGetValue("stages", out var stagesNode))
            {
                if (stagesNode is not YamlSequenceNode seq)
                {
                    throw Error(stagesNode.Start, "calibrate.stages", "expected a list of {fit: [...], targets: [...]}");
                }

                for (int i = 0; i < seq.Children.Count; i++)
                {
                    string path = string.Create(CultureInfo.InvariantCulture, $"calibrate.stages[{i}]");
                    var s = Mapping(seq.Children[i], path, ["fit", "targets", "starts"]);
                    var fit = Names(Required(s, "fit", path), path + ".fit", parameters.Select(p => p.Name));
                    var only = s.TryGetValue("targets", out var tn) ? Names(tn, path + ".targets", targets.Select(t => t.Target)) : [];
                    var starts = new List<IReadOnlyDictionary<string, double>>();
                    if (s.TryGetValue("starts", out var startsNode))
                    {
                        if (startsNode is not YamlSequenceNode startList)
                        {
                            throw Error(startsNode.Start, path + ".starts", "expected a list of {NAME: value, ...}");
                        }

                        foreach (var item in startList.Children)
                        {
                            var point = new Dictionary<string, double>(StringComparer.Ordinal);
                            foreach (var (key, name, value) in Entries(item, path + ".starts"))
                            {
                                var p = parameters.Find(q => q.Name == name);
                                if (p is null || !fit.Contains(name))
                                {
                                    throw Error(key.Start, path + ".starts", $"'{name}' is not a parameter this stage fits ({string.Join(", ", fit)})");
                                }

                                double v = Number(value, path + ".starts." + name);
                                if (!(p.Min < v && v < p.Max))
                                {
                                    throw Error(value.Start, path + ".starts." + name, string.Create(CultureInfo.InvariantCulture, $"{v} must lie strictly between min {p.Min} and max {p.Max}"));
                                }

                                point[name] = v;
                            }

                            starts.Add(point);
                        }
                    }

                    stages.Add(new CalibrationStage(fit, only, starts));
                }
            }

            return (parameters, targets, roughness, stages);
        }

        private static string? Text(Dictionary<string, YamlNode> map, string key) =>
            map.TryGetValue(key, out var node) && node is YamlScalarNode { Value: { } v } ? v : null;

        private List<string> Names(YamlNode node, string path, IEnumerable<string> allowed)
        {
            var set = allowed.ToHashSet(StringComparer.Ordinal);
            if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
            {
                throw Error(node.Start, path, "expected a non-empty list of names");
            }

            var names = new List<string>();
            foreach (var item in seq.Children)
            {
                string name = (item as YamlScalarNode)?.Value ?? "";
                if (!set.Contains(name))
                {
                    throw Error(item.Start, path, $"'{name}' is not one of {string.Join(", ", set)}");
                }

                names.Add(name);
            }

            return names;
        }

        private List<(YamlNode Key, string Name, YamlNode Value)> Entries(YamlNode node, string path) =>
            node is YamlMappingNode map
                ? map.Children.Select(kv => (kv.Key, (kv.Key as YamlScalarNode)?.Value ?? "", kv.Value)).ToList()
                : throw Error(node.Start, path, "expected a mapping");

        private Dictionary<string, YamlNode> Mapping(YamlNode node, string path, string[]? keys)
        {
            if (node is not YamlMappingNode map)
            {
                throw Error(node.Start, path, "expected a mapping");
            }

            var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (k, v) in map.Children)
            {
                string key = (k as YamlScalarNode)?.Value ?? "";
                if (keys is not null && !keys.Contains(key))
                {
                    throw Error(k.Start, path, $"unknown field '{key}'; allowed: {string.Join(", ", keys)}");
                }

                result[key] = v;
            }

            return result;
        }

        private YamlNode Required(Dictionary<string, YamlNode> map, string key, string path) =>
            map.TryGetValue(key, out var node) ? node : throw new CalibrationException($"{file}:{lineOffset + 1}:1: {path}: missing required field '{key}'");

        private double Number(YamlNode node, string path)
        {
            if (node is YamlScalarNode { Value: { } v }
                && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))
            {
                return d;
            }

            throw Error(node.Start, path, "expected a number");
        }

        private CalibrationException Error(Mark at, string path, string message) =>
            new(string.Create(CultureInfo.InvariantCulture, $"{file}:{at.Line + lineOffset}:{at.Column}: {path}: {message}"));
    }
}
