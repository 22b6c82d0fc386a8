using RiskSim.Core.Engine;
using RiskSim.Core.Results;
using RiskSim.Tests.Cli;
using RiskSim.Tests.Engine;

namespace RiskSim.Tests.Results;

/// <summary>
/// The summary spills its columns to disk: what it builds must be exactly (bit for bit) what summarising
/// every value held in memory gives, whatever the block size, and it must leave no file behind.
/// </summary>
public sealed class SummaryAccumulatorSpillTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(700, 1)]
    [InlineData(4096, 1)]
    [InlineData(700, 3)]
    public void Spilled_summary_equals_the_in_memory_one_bit_for_bit(int blockSize, int buildThreads)
    {
        var model = EngineTestData.Staffordshire;
        const int trials = 3000;
        var years = model.FinancialYears;
        using var accumulator = new SummaryAccumulator(years, trials, temp.Path);
        var memory = new InMemory(years.Count);
        StochasticRunner.Run(model, new RunOptions(trials, 11, 2, BlockSize: blockSize), [accumulator, memory]);

        // The temporary file is unlinked as soon as it is created (Unix) and never shows in the folder.
        if (!OperatingSystem.IsWindows())
        {
            Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
        }

        // Built on one thread or several (columns summarised at once): the same rows, in the same order.
        var rows = accumulator.Build(maxDegreeOfParallelism: buildThreads);
        int i = 0;
        for (int fy = 0; fy < years.Count; fy++)
        {
            for (int m = 0; m < SummaryAccumulator.FiguresPerFy; m++)
            {
                var expected = SummaryAccumulator.Summarise(years[fy], rows[i].Metric, memory.Column(fy, m));
                Assert.Equal(expected, rows[i]);
                i++;
            }
        }

        int last = years.Count - 1;
        var cumulative = memory.Column(last, (int)Metric.CumulativePositionGbp);
        double threshold = cumulative[trials / 3];
        Assert.Equal(cumulative.Count(v => v <= threshold) / (double)trials, accumulator.ShareAtOrBelow(last, Metric.CumulativePositionGbp, threshold));
        Array.Sort(cumulative);
        Assert.Equal(QuantileInterval.FromSorted(cumulative, 0.8), accumulator.IntervalSoFar(last, Metric.CumulativePositionGbp, 0.8));
    }

    [Fact]
    public void Disposing_closes_the_file_and_the_folder_stays_empty()
    {
        var accumulator = new SummaryAccumulator(EngineTestData.Staffordshire.FinancialYears, 10, temp.Path);
        accumulator.Dispose();
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    /// <summary>Every FY × figure of every trial in memory, as the accumulator did before it spilled.</summary>
    private sealed class InMemory(int years) : ITrialSink
    {
        private readonly List<double>[] columns = [.. Enumerable.Range(0, years * SummaryAccumulator.FiguresPerFy).Select(_ => new List<double>())];

        public double[] Column(int fy, int figure) => [.. columns[(fy * SummaryAccumulator.FiguresPerFy) + figure]];

        public void Accept(TrialBlock block)
        {
            for (int t = 0; t < block.Count; t++)
            {
                int breakeven = block.BreakevenFyIndex[t];
                int lasting = block.LastingBreakevenFyIndex(t);
                for (int fy = 0; fy < years; fy++)
                {
                    int at = fy * SummaryAccumulator.FiguresPerFy;
                    for (int m = 0; m < Metrics.Count; m++)
                    {
                        columns[at + m].Add(block.Get(t, fy, (Metric)m));
                    }

                    columns[at + Metrics.Count].Add(breakeven >= 0 && breakeven <= fy ? 1.0 : 0.0);
                    columns[at + Metrics.Count + 1].Add(lasting >= 0 && lasting <= fy ? 1.0 : 0.0);
                }
            }
        }
    }
}
