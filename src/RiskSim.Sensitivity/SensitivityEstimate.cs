namespace RiskSim.Sensitivity;

/// <summary>
/// One sensitivity figure: how strongly <paramref name="Input"/> (or a group of inputs) drives the
/// output, by <paramref name="Method"/> (one of the <see cref="SensitivityMethod"/> names).
/// </summary>
/// <param name="Input">Input (or input group) name as given by the caller.</param>
/// <param name="Method">Method name, one of the constants of <see cref="SensitivityMethod"/>.</param>
/// <param name="Value">The estimate. Never NaN: undefined cases (constant input or output) are reported as 0.</param>
/// <param name="CiLow">Lower end of the confidence interval, or null where none is defined.</param>
/// <param name="CiHigh">Upper end of the confidence interval, or null where none is defined.</param>
public sealed record SensitivityEstimate(string Input, string Method, double Value, double? CiLow, double? CiHigh);

/// <summary>The method names written in <see cref="SensitivityEstimate.Method"/>.</summary>
public static class SensitivityMethod
{
    /// <summary>Spearman rank correlation of an input with the output.</summary>
    public const string Spearman = "spearman";

    /// <summary>Partial rank correlation coefficient.</summary>
    public const string Prcc = "prcc";

    /// <summary>Sobol first-order index (Saltelli et al. 2010 estimator).</summary>
    public const string SobolFirst = "sobol_first";

    /// <summary>Sobol total-effect index (Jansen 1999 estimator).</summary>
    public const string SobolTotal = "sobol_total";

    /// <summary>Sobol first-order index of a group of inputs.</summary>
    public const string GroupSobolFirst = "group_sobol_first";

    /// <summary>Sobol total-effect index of a group of inputs.</summary>
    public const string GroupSobolTotal = "group_sobol_total";

    /// <summary>Output median among trials whose input is in its bottom tail (decile by default).</summary>
    public const string TornadoLow = "tornado_low";

    /// <summary>Output median among trials whose input is in its top tail (decile by default).</summary>
    public const string TornadoHigh = "tornado_high";

    /// <summary>Permutation importance (drop in hold-out R²) of a gradient-boosted-tree surrogate.</summary>
    public const string MlImportance = "ml_importance";
}
