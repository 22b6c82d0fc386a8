using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace RiskSim.Sensitivity;

/// <summary>Settings of the <see cref="SurrogateImportance"/> surrogate; the defaults keep it to seconds.</summary>
public sealed record SurrogateOptions
{
    /// <summary>Boosted trees (default 100).</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Leaves per tree (default 20).</summary>
    public int Leaves { get; init; } = 20;

    /// <summary>Fewest training rows per leaf (default 10).</summary>
    public int MinimumRowsPerLeaf { get; init; } = 10;

    /// <summary>Boosting learning rate (default 0.2).</summary>
    public double LearningRate { get; init; } = 0.2;

    /// <summary>Trials used at most (a seeded random subsample above this; default 20,000).</summary>
    public int MaximumRows { get; init; } = 20_000;

    /// <summary>Share of the used trials held out for R² and the importances (default 0.2).</summary>
    public double HoldoutFraction { get; init; } = 0.2;

    /// <summary>Permutations per input for the importance and its standard error (default 5).</summary>
    public int Permutations { get; init; } = 5;
}

/// <summary>Result of <see cref="SurrogateImportance.Compute"/>.</summary>
/// <param name="Estimates">One <see cref="SensitivityMethod.MlImportance"/> estimate per input, in input order.</param>
/// <param name="HoldoutRSquared">Out-of-sample R² of the surrogate on the held-out trials (file metadata, not a row); null when undefined (constant output).</param>
/// <param name="TrainingRows">Trials the surrogate was trained on.</param>
/// <param name="HoldoutRows">Trials held out.</param>
public sealed record SurrogateImportanceResult(IReadOnlyList<SensitivityEstimate> Estimates, double? HoldoutRSquared, int TrainingRows, int HoldoutRows);

/// <summary>
/// Surrogate-model importance: a gradient-boosted regression tree ensemble (ML.NET FastTree, Friedman's
/// MART) is fitted to the trials (inputs → output), and each input's importance is its permutation
/// feature importance (Breiman 2001, §10; Fisher, Rudin &amp; Dominici 2019): the drop in R² on the
/// held-out trials when that input's column is shuffled, averaged over several permutations.
/// </summary>
/// <remarks>
/// <para>
/// Deterministic for a given seed: the subsample and the train/hold-out split come from a SplitMix64
/// stream on the seed, and ML.NET gets <c>MLContext(seed)</c>, the trainer's own seeds and one thread.
/// The interval is value ± z·SE with SE the standard error over the permutations (it reflects
/// permutation noise only, not the refitting of the surrogate). Importances describe the surrogate:
/// read them together with <see cref="SurrogateImportanceResult.HoldoutRSquared"/> — a poor R² means poor importances.
/// The drop in R² is not a share of variance: shuffling a dominant input can push R² below 0, so a value
/// can exceed 1 (about 2 for an input that carries all the variance); compare inputs with each other.
/// </para>
/// <para>
/// A constant input gets 0 with null interval; a constant output gives 0 with null intervals for
/// every input and a null R², without training.
/// </para>
/// </remarks>
public static class SurrogateImportance
{
    /// <summary>Fewest trials accepted (so the 20 % hold-out has at least 10 rows).</summary>
    public const int MinimumTrials = 50;

    /// <summary>Fits the surrogate and computes the permutation importances.</summary>
    /// <param name="inputNames">One name per input column.</param>
    /// <param name="inputs">Trials × inputs matrix.</param>
    /// <param name="output">Output per trial.</param>
    /// <param name="seed">Seed for the subsample, split and ML.NET (its low 31 bits go to <c>MLContext</c>).</param>
    /// <param name="options">Surrogate settings, or null for the defaults.</param>
    /// <param name="confidence">Two-sided confidence level of the intervals (default 0.95, i.e. ±1.96 SE).</param>
    /// <returns>Importances, hold-out R² and the row counts.</returns>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumTrials"/> trials, mismatched sizes or names, a non-finite value, or bad options.</exception>
    public static SurrogateImportanceResult Compute(IReadOnlyList<string> inputNames, double[,] inputs, double[] output, ulong seed, SurrogateOptions? options = null, double confidence = 0.95)
    {
        options ??= new SurrogateOptions();
        Validation.Confidence(confidence);
        CheckOptions(options);
        double[][] columns = Validation.TrialData(inputNames, inputs, output, MinimumTrials, SensitivityMethod.MlImportance);
        int n = output.Length, d = columns.Length;

        var rng = new SplitMix64(seed);
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        rng.Shuffle(order);
        int used = Math.Min(n, options.MaximumRows);
        int holdout = Math.Max(1, (int)Math.Round(options.HoldoutFraction * used));
        int training = used - holdout;

        bool constantOutput = Stats.IsConstant(output);
        if (constantOutput)
        {
            return new SurrogateImportanceResult(
                inputNames.Select(name => new SensitivityEstimate(name, SensitivityMethod.MlImportance, 0, null, null)).ToArray(), null, training, holdout);
        }

        var ml = new MLContext(seed: (int)(seed & 0x7FFF_FFFF));
        SchemaDefinition schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);

        Row[] MakeRows(int from, int count)
        {
            var rows = new Row[count];
            for (int r = 0; r < count; r++)
            {
                int i = order[from + r];
                var features = new float[d];
                for (int j = 0; j < d; j++)
                {
                    features[j] = (float)columns[j][i];
                }

                rows[r] = new Row { Label = (float)output[i], Features = features };
            }

            return rows;
        }

        IDataView trainView = ml.Data.LoadFromEnumerable(MakeRows(holdout, training), schema);
        IDataView testView = ml.Data.LoadFromEnumerable(MakeRows(0, holdout), schema);
        int mlSeed = (int)((seed >> 32) & 0x7FFF_FFFF);
        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumRowsPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = 1,
            Seed = mlSeed,
            FeatureSelectionSeed = mlSeed,
        });
        var model = trainer.Fit(trainView);
        double r2 = ml.Regression.Evaluate(model.Transform(testView), labelColumnName: nameof(Row.Label)).RSquared;
        var pfi = ml.Regression.PermutationFeatureImportance(model, testView, labelColumnName: nameof(Row.Label), permutationCount: options.Permutations);

        double z = Stats.NormalQuantile(confidence);
        var estimates = new SensitivityEstimate[d];
        for (int j = 0; j < d; j++)
        {
            double value = -pfi[j].RSquared.Mean;
            double se = pfi[j].RSquared.StandardError;
            estimates[j] = Stats.IsConstant(columns[j]) || !double.IsFinite(value)
                ? new SensitivityEstimate(inputNames[j], SensitivityMethod.MlImportance, 0, null, null)
                : new SensitivityEstimate(inputNames[j], SensitivityMethod.MlImportance, value, double.IsFinite(se) ? value - (z * se) : null, double.IsFinite(se) ? value + (z * se) : null);
        }

        return new SurrogateImportanceResult(estimates, double.IsFinite(r2) ? r2 : null, training, holdout);
    }

    private static void CheckOptions(SurrogateOptions o)
    {
        if (o.Trees < 1 || o.Leaves < 2 || o.MinimumRowsPerLeaf < 1 || !(o.LearningRate > 0) || o.MaximumRows < MinimumTrials
            || !(o.HoldoutFraction > 0 && o.HoldoutFraction < 1) || o.Permutations < 2)
        {
            throw new ArgumentException($"Invalid surrogate options: {o}.", nameof(o));
        }
    }

    /// <summary>One trial as ML.NET sees it.</summary>
    private sealed class Row
    {
        public float Label { get; set; }

        [VectorType]
        public float[] Features { get; set; } = [];
    }
}
