namespace RiskSim.Core.Model;

/// <summary>How a paper gives a row: each FY's level, or the change from the FY before (MTFS style).</summary>
public enum ReferenceBasis
{
    /// <summary>Each FY's value is the row's level in that FY (the default).</summary>
    Level,

    /// <summary>
    /// Each FY's value is the change on the FY before ("£2.0m, £2.0m, £1.1m" of new savings a year);
    /// the level is the running sum from the first FY given (£2.0m, £4.0m, £5.1m).
    /// </summary>
    Increment,
}
