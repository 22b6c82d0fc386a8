using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace RiskSim.Tests.Fuzz;

/// <summary>What one mutation does to a scenario; text mutations run first, then byte mutations.</summary>
internal enum MutationKind
{
    DeleteLine,
    ReplaceValue,
    ReplaceNumber,
    ScaleNumber,
    DuplicateLine,
    SwapLines,
    DeepNesting,
    AnchorAndAlias,
    BillionLaughs,
    Tab,
    Bom,
    Utf16,
    InvalidByte,
    InsertByte,
    Truncate,
}

/// <summary>One mutation: its kind and the choices it needs (positions are taken modulo the text).</summary>
internal sealed record Mutation(MutationKind Kind, int A, int B, string Token)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}({A}, {B}, \"{Token}\")");
}

/// <summary>A fuzz case: which valid scenario it starts from and the mutations applied to it.</summary>
internal sealed record FuzzCase(int Seed, Mutation[] Mutations)
{
    public override string ToString() => $"seed {Seed}: {string.Join("; ", Mutations.Select(m => m.ToString()))}";
}

/// <summary>
/// Mutates valid scenarios into the kinds of damage issue 6 lists: deleted fields, wrong types,
/// extreme and non-finite numbers, deep nesting, aliases, encodings and truncation. Cases are
/// FsCheck generators so that a case is reproducible from its seed and index.
/// </summary>
internal static partial class ScenarioMutator
{
    /// <summary>Values put where a scalar was: extremes, non-finite, wrong types, odd YAML.</summary>
    public static readonly string[] Tokens =
    [
        "1e308", "-1e308", "1.7976931348623157e308", ".nan", ".NaN", ".inf", "-.inf", "0", "-0", "0.0", "1e-308", "5e-324", "-5e-324",
        "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e9", "1e10", "1e15", "1e16", "0.001", "0.005", "1",
        "-1", "0.5", "abc", "[1, 2]", "{a: 1}", "''", "~", "null", "'400'", "2019-04", "1850-04", "2300-01", "2300/01", "2019/20",
        "true", "*nowhere", "&x 1", "|\n  text", "\"\\u0000\"", "\"\\uFEFF\"",
        "{dist: lognormal, median: 1, sigma: 300}", "{dist: lognormal, median: 1e300, sigma: 0.1}",
        "{dist: normal, mean: 0, sd: 1e300}", "{dist: normal, mean: 1e308, sd: 1e308, min: 0}",
        "{dist: pert, min: 0, mode: 1e308, max: 1e308}", "{dist: pert, min: -1e308, mode: 0, max: 1e308}",
        "{dist: uniform, min: -1e308, max: 1e308}", "{dist: uniform, min: 0, max: 1e-300}",
        "{dist: triangular, min: 0, mode: 0, max: 5e-324}", "{dist: normal, mean: 1, sd: 5e-324, min: 0}",
        "{dist: uniform, min: 0.999, max: 1, plan: 1}", "{dist: pert, min: 0, mode: 9999, max: 10000}",
        "{dist: uniform, min: 0, max: 600}", "{dist: uniform, min: -1, max: 10}",
    ];

    /// <summary>Cases over <paramref name="seeds"/> seed scenarios, one to four mutations each.</summary>
    public static Gen<FuzzCase> Cases(int seeds)
    {
        Gen<Mutation> mutation =
            from kind in Gen.Frequency(
                (6, Gen.Constant(MutationKind.ReplaceValue)),
                (6, Gen.Constant(MutationKind.ReplaceNumber)),
                (4, Gen.Constant(MutationKind.ScaleNumber)),
                (3, Gen.Constant(MutationKind.DeleteLine)),
                (1, Gen.Constant(MutationKind.DuplicateLine)),
                (1, Gen.Constant(MutationKind.SwapLines)),
                (1, Gen.Constant(MutationKind.DeepNesting)),
                (1, Gen.Constant(MutationKind.AnchorAndAlias)),
                (1, Gen.Constant(MutationKind.BillionLaughs)),
                (1, Gen.Constant(MutationKind.Tab)),
                (1, Gen.Constant(MutationKind.Bom)),
                (1, Gen.Constant(MutationKind.Utf16)),
                (1, Gen.Constant(MutationKind.InvalidByte)),
                (1, Gen.Constant(MutationKind.InsertByte)),
                (2, Gen.Constant(MutationKind.Truncate)))
            from a in Gen.Choose(0, int.MaxValue - 1)
            from b in Gen.Choose(0, int.MaxValue - 1)
            from token in Gen.Elements(Tokens)
            select new Mutation(kind, a, b, token);
        return
            from seed in Gen.Choose(0, seeds - 1)
            from count in Gen.Frequency((6, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Choose(3, 4)))
            from mutations in Gen.ArrayOf(mutation, count)
            select new FuzzCase(seed, mutations);
    }

    /// <summary>Case <paramref name="index"/> of the stream seeded by <paramref name="seed"/> (reproducible alone).</summary>
    public static FuzzCase Case(Gen<FuzzCase> cases, ulong seed, long index) =>
        Gen.Sample(cases, 10, new Rnd(unchecked(seed ^ ((ulong)index * 0x9E3779B97F4A7C15UL)), 0x632BE59BD9B4E019UL), 1)[0];

    /// <summary>Applies the case's mutations to <paramref name="text"/> and returns the file's bytes.</summary>
    public static byte[] Apply(string text, FuzzCase fuzzCase)
    {
        foreach (Mutation m in fuzzCase.Mutations.Where(m => m.Kind < MutationKind.Bom))
        {
            text = ApplyText(text, m);
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text);
        foreach (Mutation m in fuzzCase.Mutations.Where(m => m.Kind >= MutationKind.Bom))
        {
            bytes = ApplyBytes(bytes, m);
        }

        return bytes;
    }

    private static string ApplyText(string text, Mutation m)
    {
        var lines = text.Split('\n').ToList();
        int line = m.A % lines.Count;
        switch (m.Kind)
        {
            case MutationKind.DeleteLine:
                lines.RemoveAt(line);
                break;
            case MutationKind.ReplaceValue:
                return ReplaceValue(text, m.A, m.Token);
            case MutationKind.ReplaceNumber:
            {
                var numbers = Number().Matches(text);
                if (numbers.Count == 0)
                {
                    return text;
                }

                Match n = numbers[m.A % numbers.Count];
                return string.Concat(text.AsSpan(0, n.Index), m.Token, text.AsSpan(n.Index + n.Length));
            }

            case MutationKind.ScaleNumber:
            {
                var numbers = Number().Matches(text);
                if (numbers.Count == 0)
                {
                    return text;
                }

                Match n = numbers[m.A % numbers.Count];
                double value = double.Parse(n.Value, CultureInfo.InvariantCulture) * Math.Pow(10, (m.B % 41) - 20);
                value = (m.B / 41) % 3 == 0 ? -value : value;
                return string.Concat(text.AsSpan(0, n.Index), value.ToString("R", CultureInfo.InvariantCulture), text.AsSpan(n.Index + n.Length));
            }

            case MutationKind.DuplicateLine:
                lines.Insert(line, lines[line]);
                break;
            case MutationKind.SwapLines:
                int other = m.B % lines.Count;
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
            case MutationKind.DeepNesting:
                int depth = 1 + (m.B % 3 == 0 ? m.B % 100_000 : m.B % 64);
                return ReplaceValue(text, m.A, new string('[', depth) + "1" + new string(']', depth));
            case MutationKind.AnchorAndAlias:
            {
                var values = Values().Matches(text);
                if (values.Count < 2)
                {
                    return text;
                }

                Match target = values[m.B % values.Count];
                Match source = values[m.A % values.Count];
                if (target.Index == source.Index)
                {
                    return text;
                }

                // The anchor goes on one value, an alias to it replaces a later or earlier one
                // (an alias before its anchor must be refused, not crash).
                int s = source.Groups[1].Index;
                int t = target.Groups[1].Index;
                int tl = target.Groups[1].Length;
                return s < t
                    ? string.Concat(text[..s], "&fz ", text[s..t], "*fz", text[(t + tl)..])
                    : string.Concat(text[..t], "*fz", text[(t + tl)..s], "&fz ", text[s..]);
            }

            case MutationKind.BillionLaughs:
            {
                var laughs = new StringBuilder("lol0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
                for (int i = 1; i < 3 + (m.B % 8); i++)
                {
                    laughs.Append(CultureInfo.InvariantCulture, $"lol{i}: &l{i} [").Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))).Append("]\n");
                }

                return laughs + text;
            }

            case MutationKind.Tab:
                lines[line] = "\t" + lines[line].TrimStart(' ');
                break;
        }

        return string.Join('\n', lines);
    }

    private static byte[] ApplyBytes(byte[] bytes, Mutation m)
    {
        int at = bytes.Length == 0 ? 0 : m.A % bytes.Length;
        return m.Kind switch
        {
            MutationKind.Bom => [0xEF, 0xBB, 0xBF, .. bytes],
            MutationKind.Utf16 => m.B % 2 == 0
                ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes))]
                : Encoding.BigEndianUnicode.GetBytes(Encoding.UTF8.GetString(bytes)),
            MutationKind.InvalidByte => [.. bytes.AsSpan(0, at), (byte)(0x80 + (m.B % 128)), .. bytes.AsSpan(at)],
            MutationKind.InsertByte => [.. bytes.AsSpan(0, at), (byte)(m.B % 256), .. bytes.AsSpan(at)],
            MutationKind.Truncate => bytes.AsSpan(0, at).ToArray(),
            _ => bytes,
        };
    }

    /// <summary>
    /// Every scenario with one number replaced by <paramref name="token"/>, one per number in
    /// <paramref name="text"/> (a systematic sweep next to the random cases).
    /// </summary>
    public static IEnumerable<(int Index, string Text)> EachNumberReplaced(string text, string token)
    {
        var numbers = Number().Matches(text);
        for (int i = 0; i < numbers.Count; i++)
        {
            Match n = numbers[i];
            yield return (i, string.Concat(text.AsSpan(0, n.Index), token, text.AsSpan(n.Index + n.Length)));
        }
    }

    /// <summary>Replaces the value of the <paramref name="choice"/>-th "key: value" pair (block or flow) with <paramref name="token"/>.</summary>
    private static string ReplaceValue(string text, int choice, string token)
    {
        var values = Values().Matches(text);
        if (values.Count == 0)
        {
            return text;
        }

        Group value = values[choice % values.Count].Groups[1];
        return string.Concat(text.AsSpan(0, value.Index), token, text.AsSpan(value.Index + value.Length));
    }

    /// <summary>A value after "key: " up to a comma, closing brace, comment or end of line.</summary>
    [GeneratedRegex(@"[A-Za-z0-9_/]+: +([^,}\n#]*[^,}\n# ])", RegexOptions.CultureInvariant)]
    private static partial Regex Values();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.\-/])[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?![A-Za-z0-9_\-/])", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
