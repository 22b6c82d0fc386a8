using RiskSim.Core.Results;

namespace RiskSim.Analysis;

/// <summary>
/// Keeps, per trial, the outputs the sensitivity analysis explains (and optionally the sampled
/// inputs): output 0 cumulative position at the horizon's end, 1 years to breakeven (never coded as
/// FY count + 1), 2 LAC at the horizon's end, then the position of each FY.
/// </summary>
internal sealed class OutcomeCollector : ITrialSink
{
    private readonly int fyCount;
    private readonly int columns;

    public OutcomeCollector(int trials, int fyCount, int inputColumns, bool keepInputs)
    {
        this.fyCount = fyCount;
        columns = keepInputs ? inputColumns : 0;
        Inputs = new double[trials, columns];
        Outputs = new double[3 + fyCount][];
        for (int k = 0; k < Outputs.Length; k++)
        {
            Outputs[k] = new double[trials];
        }

        Breakeven = new double?[trials];
    }

    /// <summary>Trials × inputs (no columns unless inputs are kept).</summary>
    public double[,] Inputs { get; }

    /// <summary>Per output, its value per trial.</summary>
    public double[][] Outputs { get; }

    /// <summary>Years to breakeven per trial, null for never.</summary>
    public double?[] Breakeven { get; }

    public void Accept(TrialBlock block)
    {
        int last = fyCount - 1;
        for (int i = 0; i < block.Count; i++)
        {
            int t = checked((int)(block.FirstTrial + i));
            Outputs[0][t] = block.Get(i, last, Metric.CumulativePositionGbp);
            int breakeven = block.BreakevenFyIndex[i];
            Breakeven[t] = breakeven >= 0 ? breakeven + 1 : null;
            Outputs[1][t] = breakeven >= 0 ? breakeven + 1 : fyCount + 1;
            Outputs[2][t] = block.Get(i, last, Metric.LacEnd);
            for (int f = 0; f < fyCount; f++)
            {
                Outputs[3 + f][t] = block.Get(i, f, Metric.PositionGbp);
            }

            var inputs = block.InputsOf(i);
            for (int c = 0; c < columns; c++)
            {
                Inputs[t, c] = inputs[c];
            }
        }
    }
}
