using RiskSim.Core.Uncertainty;

namespace RiskSim.Scenarios;

/// <summary>
/// Reads a distribution mapping such as <c>{dist: pert, min: 3830, mode: 4200, max: 4639}</c>.
/// Parameter mistakes are reported at the parameter (e.g. <c>….size.mode</c>); anything the Core
/// constructor still rejects is reported at the mapping, and so is a range that leaves the field's domain.
/// </summary>
internal static class DistributionReader
{
    private static readonly string[] Common = ["dist", "plan", "source"];

    private static readonly Dictionary<string, string[]> KeysByKind = new(StringComparer.Ordinal)
    {
        ["pert"] = [.. Common, "min", "mode", "max"],
        ["triangular"] = [.. Common, "min", "mode", "max"],
        ["uniform"] = [.. Common, "min", "max"],
        ["normal"] = [.. Common, "mean", "sd", "min", "max"],
        ["lognormal"] = [.. Common, "median", "sigma"],
        ["discrete"] = [.. Common, "values", "probabilities"],
        ["beta"] = [.. Common, "alpha", "beta", "min", "max"],
        ["gamma"] = [.. Common, "shape", "scale"],
        ["empirical"] = [.. Common, "file", "column"],
    };

    private static readonly string[] AllKeys = KeysByKind.Values.SelectMany(k => k).Distinct().ToArray();

    /// <summary>Standard normal quantile of 1 − 1e-6: the practical range of an unbounded distribution ends at P99.9999.</summary>
    private const double TailZ = 4.753424;

    /// <summary>Reads the distribution at <paramref name="node"/> (a mapping) as input <paramref name="inputName"/>.</summary>
    public static Input? Read(NodeReader node, string inputName, Domain domain)
    {
        MappingReader? map = node.RequireMapping();
        if (map is null)
        {
            return null;
        }

        int errorsBefore = node.Errors.Count;
        NodeReader? distNode = map.Field("dist");
        string? kind = distNode?.ReadString();
        if (kind is not null && !KeysByKind.ContainsKey(kind))
        {
            // Its parameters cannot be checked against an unknown kind: report only the kind.
            distNode!.Error($"unknown distribution '{kind}'; expected one of: {string.Join(", ", KeysByKind.Keys)}");
            return null;
        }

        map.CheckKeys(
            kind is null ? AllKeys : KeysByKind[kind],
            key => kind is not null && AllKeys.Contains(key) ? $"a {kind} distribution has no '{key}'; it takes {string.Join(", ", KeysByKind[kind])}" : null);
        double? plan = map.OptionalField("plan")?.ReadNumber(Domain.Parameter);
        string? source = map.OptionalField("source")?.ReadString();
        if (kind is null)
        {
            return null;
        }

        Distribution? distribution = kind switch
        {
            "pert" => ReadMinModeMax(map, plan, (min, mode, max) => new PertDistribution(min, mode, max, plan)),
            "triangular" => ReadMinModeMax(map, plan, (min, mode, max) => new TriangularDistribution(min, mode, max, plan)),
            "uniform" => ReadUniform(map, plan),
            "normal" => ReadNormal(map, plan),
            "discrete" => ReadDiscrete(map, plan),
            "beta" => ReadBeta(map, plan),
            "gamma" => ReadGamma(map, plan),
            "empirical" => ReadEmpirical(map, plan),
            _ => ReadLogNormal(map, plan),
        };

        if (distribution is null || node.Errors.Count > errorsBefore)
        {
            return null;
        }

        if (!CheckDomain(node, kind, distribution, domain) || !CheckLimits(node, kind, distribution, domain))
        {
            return null;
        }

        if (!domain.Contains(distribution.Plan))
        {
            // A plan far out in an unbounded tail would make plan mode leave the limits.
            (map.OptionalField("plan") ?? node).Error($"plan ({Domain.Format(distribution.Plan)}) must be {domain.Text}");
            return null;
        }

        // Kept for reports: the explicit source, else the comment citing the figure on its line.
        return new Input(inputName, distribution) { Source = string.IsNullOrWhiteSpace(source) ? node.LineComment() : source.Trim() };
    }

    /// <summary>
    /// The largest value an input can take in practice: the top of its range, or P99.9999 for an
    /// unbounded distribution, and at least its plan. Used for checks that combine several inputs.
    /// </summary>
    public static double UpperTail(Input input) => Math.Max(input.Plan, PracticalRange(input.Distribution).Max);

    /// <summary>
    /// The range [min, max] of a distribution with each unbounded side cut at P0.0001 or P99.9999
    /// (z = 4.753); a bound given by the distribution (truncation, min, max) is kept.
    /// </summary>
    private static (double Min, double Max) PracticalRange(Distribution distribution) => distribution switch
    {
        NormalDistribution n => (Math.Max(n.Minimum, n.Mu - (TailZ * n.Sd)), Math.Min(n.Maximum, n.Mu + (TailZ * n.Sd))),
        LogNormalDistribution l => (Math.Max(l.Minimum, l.Median * Math.Exp(-TailZ * l.Sigma)), Math.Min(l.Maximum, l.Median * Math.Exp(TailZ * l.Sigma))),
        GammaDistribution g => (g.Quantile(1e-6), g.Quantile(1 - 1e-6)),
        _ => (distribution.Minimum, distribution.Maximum),
    };

    /// <summary>Reports a distribution whose practical range leaves the field's limits.</summary>
    private static bool CheckLimits(NodeReader node, string kind, Distribution distribution, Domain domain)
    {
        if (!domain.HasLimits)
        {
            return true;
        }

        (double lo, double hi) = PracticalRange(distribution);
        if (lo >= domain.LimitLower && hi <= domain.LimitUpper)
        {
            return true;
        }

        bool unbounded = double.IsInfinity(distribution.Minimum) || double.IsInfinity(distribution.Maximum);
        string what = unbounded ? "from P0.0001 to P99.9999" : "";
        node.Error(
            $"this {kind} distribution ranges {what}{(unbounded ? " " : "")}over [{Domain.Format(lo)}, {Domain.Format(hi)}], "
            + $"beyond the allowed range ({domain.Text}); narrow it{(distribution is NormalDistribution ? " or bound it with min/max" : "")}");
        return false;
    }

    private static Distribution? ReadMinModeMax(MappingReader map, double? plan, Func<double, double, double, Distribution> create)
    {
        double? min = map.Field("min")?.ReadNumber(Domain.Parameter);
        double? mode = map.Field("mode")?.ReadNumber(Domain.Parameter);
        double? max = map.Field("max")?.ReadNumber(Domain.Parameter);
        if (min is not { } lo || mode is not { } m || max is not { } hi)
        {
            return null;
        }

        if (!(lo < hi))
        {
            map.OptionalField("max")!.Error($"max ({Domain.Format(hi)}) must be greater than min ({Domain.Format(lo)})");
            return null;
        }

        if (m < lo || m > hi)
        {
            map.OptionalField("mode")!.Error(
                $"mode ({Domain.Format(m)}) must lie between min ({Domain.Format(lo)}) and max ({Domain.Format(hi)})");
            return null;
        }

        return CheckPlan(map, plan, lo, hi) ? Create(map, () => create(lo, m, hi)) : null;
    }

    private static Distribution? ReadUniform(MappingReader map, double? plan)
    {
        double? min = map.Field("min")?.ReadNumber(Domain.Parameter);
        double? max = map.Field("max")?.ReadNumber(Domain.Parameter);
        if (min is not { } lo || max is not { } hi)
        {
            return null;
        }

        if (!(lo < hi))
        {
            map.OptionalField("max")!.Error($"max ({Domain.Format(hi)}) must be greater than min ({Domain.Format(lo)})");
            return null;
        }

        return CheckPlan(map, plan, lo, hi) ? Create(map, () => new UniformDistribution(lo, hi, plan)) : null;
    }

    private static Distribution? ReadNormal(MappingReader map, double? plan)
    {
        double? mean = map.Field("mean")?.ReadNumber(Domain.Parameter);
        double? sd = map.Field("sd")?.ReadNumber(Domain.PositiveParameter);
        NodeReader? minNode = map.OptionalField("min");
        NodeReader? maxNode = map.OptionalField("max");
        double? min = minNode?.ReadNumber(Domain.Parameter);
        double? max = maxNode?.ReadNumber(Domain.Parameter);
        if (mean is not { } mu || sd is not { } sigma || (minNode is not null && min is null) || (maxNode is not null && max is null))
        {
            return null;
        }

        double lo = min ?? double.NegativeInfinity;
        double hi = max ?? double.PositiveInfinity;
        if (!(lo < hi))
        {
            maxNode!.Error($"max ({Domain.Format(hi)}) must be greater than min ({Domain.Format(lo)})");
            return null;
        }

        return CheckPlan(map, plan, lo, hi) ? Create(map, () => new NormalDistribution(mu, sigma, min, max, plan)) : null;
    }

    private static Distribution? ReadLogNormal(MappingReader map, double? plan)
    {
        double? median = map.Field("median")?.ReadNumber(Domain.Median);
        double? sigma = map.Field("sigma")?.ReadNumber(Domain.LogSigma);
        if (median is not { } m || sigma is not { } s)
        {
            return null;
        }

        return CheckPlan(map, plan, 0, double.PositiveInfinity) ? Create(map, () => new LogNormalDistribution(m, s, plan)) : null;
    }

    private static Distribution? ReadDiscrete(MappingReader map, double? plan)
    {
        var values = ReadNumbers(map.Field("values"), Domain.Parameter);
        var probabilities = ReadNumbers(map.Field("probabilities"), Domain.UnitInterval);
        if (values is null || probabilities is null)
        {
            return null;
        }

        if (values.Count != probabilities.Count || values.Count == 0)
        {
            map.OptionalField("probabilities")!.Error(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"expected one probability per value ({values.Count} values), found {probabilities.Count}"));
            return null;
        }

        return Create(map, () => new DiscreteDistribution(values, probabilities, plan));
    }

    private static Distribution? ReadBeta(MappingReader map, double? plan)
    {
        double? alpha = map.Field("alpha")?.ReadNumber(Domain.PositiveParameter);
        double? beta = map.Field("beta")?.ReadNumber(Domain.PositiveParameter);
        double min = map.OptionalField("min")?.ReadNumber(Domain.Parameter) ?? 0;
        double max = map.OptionalField("max")?.ReadNumber(Domain.Parameter) ?? 1;
        if (alpha is not { } a || beta is not { } b)
        {
            return null;
        }

        return CheckPlan(map, plan, min, max) ? Create(map, () => new BetaDistribution(a, b, min, max, plan)) : null;
    }

    private static Distribution? ReadGamma(MappingReader map, double? plan)
    {
        double? shape = map.Field("shape")?.ReadNumber(Domain.PositiveParameter);
        double? scale = map.Field("scale")?.ReadNumber(Domain.PositiveParameter);
        if (shape is not { } k || scale is not { } theta)
        {
            return null;
        }

        return CheckPlan(map, plan, 0, double.PositiveInfinity) ? Create(map, () => new GammaDistribution(k, theta, plan)) : null;
    }

    private static Distribution? ReadEmpirical(MappingReader map, double? plan)
    {
        NodeReader? fileNode = map.Field("file");
        string? file = fileNode?.ReadString();
        string? column = map.Field("column")?.ReadString();
        if (file is null || column is null)
        {
            return null;
        }

        // Relative to the scenario's folder, so a scenario and its data move together.
        string folder = Path.GetDirectoryName(Path.GetFullPath(map.Owner.Errors.FileName)) ?? ".";
        string path = Path.GetFullPath(Path.Combine(folder, file));
        double[]? values = EmpiricalSource.Read(path, column, out string? problem);
        if (values is null || values.Length == 0)
        {
            fileNode!.Error(problem ?? $"'{path}' column '{column}' holds no values");
            return null;
        }

        return Create(map, () => new EmpiricalDistribution(values, $"{file}:{column}", plan));
    }

    private static List<double>? ReadNumbers(NodeReader? node, Domain domain)
    {
        if (node?.RequireSequence() is not { } items)
        {
            return null;
        }

        var numbers = items.Select(i => i.ReadNumber(domain)).ToList();
        return numbers.All(n => n is not null) ? [.. numbers.Select(n => n!.Value)] : null;
    }

    /// <summary>Reports a plan outside the distribution's range at the <c>plan</c> field.</summary>
    private static bool CheckPlan(MappingReader map, double? plan, double min, double max)
    {
        if (plan is { } p && (p < min || p > max))
        {
            map.OptionalField("plan")!.Error(
                $"plan ({Domain.Format(p)}) lies outside the distribution's range [{Domain.Format(min)}, {Domain.Format(max)}]");
            return false;
        }

        return true;
    }

    /// <summary>Runs a Core constructor, turning its complaint into an error at the mapping.</summary>
    private static Distribution? Create(MappingReader map, Func<Distribution> create) => CoreCall.Try(map.Owner, create);

    /// <summary>Reports a distribution whose range leaves the field's domain, suggesting bounds for a normal.</summary>
    private static bool CheckDomain(NodeReader node, string kind, Distribution distribution, Domain domain)
    {
        bool lowerOk = domain.AboveLower(distribution.Minimum);
        bool upperOk = domain.BelowUpper(distribution.Maximum);
        if (lowerOk && upperOk)
        {
            return true;
        }

        string range = $"[{Domain.Format(distribution.Minimum)}, {Domain.Format(distribution.Maximum)}]";
        var advice = new List<string>();
        if (distribution is NormalDistribution)
        {
            if (!lowerOk)
            {
                advice.Add(domain.LowerInclusive
                    ? $"add `min: {Domain.Format(domain.Lower)}`"
                    : $"add a `min` above {Domain.Format(domain.Lower)}");
            }

            if (!upperOk)
            {
                advice.Add(domain.UpperInclusive
                    ? $"add `max: {Domain.Format(domain.Upper)}`"
                    : $"add a `max` below {Domain.Format(domain.Upper)}");
            }
        }
        else
        {
            advice.Add("narrow it or choose another distribution");
        }

        node.Error($"this {kind} distribution ranges over {range}, outside the field's domain ({domain.Text}); {string.Join(" and ", advice)}");
        return false;
    }
}
