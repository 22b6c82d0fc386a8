using RiskSim.Core.Model;
using RiskSim.Core.Uncertainty;

namespace RiskSim.Scenarios;

/// <summary>Reads <c>realisation</c>: how much of the planned benefit is realised (optimism bias made explicit).</summary>
internal static class RealisationSection
{
    /// <summary>The value of <c>applies_to</c> that names every effect with a size.</summary>
    public const string AllEffects = "all_effects";

    private static readonly string[] Keys = ["factor", "applies_to", "source"];

    /// <summary>Reads the block; effect references must name effects that have a size.</summary>
    public static Realisation? Read(NodeReader node, ReadContext context, IReadOnlyList<ProgrammeEffect>? effects)
    {
        if (node.RequireMapping(Keys) is not { } map)
        {
            return null;
        }

        Input? factor = map.Field("factor")?.ReadValue(Realisation.ColumnName, Domain.RealisationFactor);
        NodeReader? sourceNode = map.Field("source");
        string? source = sourceNode?.ReadString();
        if (source is not null && string.IsNullOrWhiteSpace(source))
        {
            sourceNode!.Error("source must say where the prior comes from (e.g. a report and the figure used)");
            source = null;
        }

        bool appliesOk = true;
        IReadOnlyList<string>? applies = null;
        if (map.OptionalField("applies_to") is { } appliesNode)
        {
            if (appliesNode.Node is YamlDotNet.RepresentationModel.YamlScalarNode)
            {
                string? text = appliesNode.ReadString();
                if (text is not null && text != AllEffects)
                {
                    appliesNode.Error($"applies_to must be '{AllEffects}' or a list of effect ids");
                    appliesOk = false;
                }
                else if (text is null)
                {
                    appliesOk = false;
                }
            }
            else
            {
                applies = context.Effects.ReadReferenceList(appliesNode);
                appliesOk = applies is not null;
                if (applies is { Count: 0 })
                {
                    appliesNode.Error("applies_to lists no effect; leave the realisation block out instead");
                    appliesOk = false;
                }
                else if (applies is not null && effects is not null)
                {
                    foreach (string id in applies)
                    {
                        if (effects.FirstOrDefault(e => e.Id == id) is OneInOneOut)
                        {
                            appliesNode.Error($"effect '{id}' is one_in_one_out and has no size to realise");
                            appliesOk = false;
                        }
                    }
                }
            }
        }

        return factor is null || source is null || !appliesOk
            ? null
            : new Realisation { Factor = factor, Effects = applies, Source = source };
    }
}
