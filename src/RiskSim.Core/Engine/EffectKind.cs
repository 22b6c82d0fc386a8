namespace RiskSim.Core.Engine;

/// <summary>The kinds of programme effect, flattened for the simulation loop.</summary>
internal enum EffectKind
{
    EntryDiversion,
    GrowthDiversion,
    ExitUplift,
    StepDown,
    OneInOneOut,
}
