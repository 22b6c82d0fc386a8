namespace RiskSim.Cli;

/// <summary>A mistake the user can fix (bad file, bad option); printed without a stack trace, exit code 2.</summary>
public sealed class UserError(string message) : Exception(message);
