using RiskSim.Output;

namespace RiskSim.Tests.Output;

/// <summary>Atomic output: files appear only on commit, and nothing is left behind otherwise.</summary>
public sealed class ResultsDirectoryTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "risksim-resultsdir-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void TemporaryDirectoryIsASiblingOfTheFinalOne()
    {
        string final = Path.Combine(root, "out");
        using var dir = ResultsDirectory.Create(final + Path.DirectorySeparatorChar);
        Assert.Equal(final, dir.FinalDirectory);
        Assert.StartsWith(final + ".tmp-", dir.TemporaryDirectory, StringComparison.Ordinal);
        Assert.True(Directory.Exists(dir.TemporaryDirectory));
        Assert.False(Directory.Exists(final));
        Assert.Equal(Path.Combine(dir.TemporaryDirectory, "trials.parquet"), dir.PathFor("trials.parquet"));
    }

    [Fact]
    public void DisposingWithoutCommitLeavesNothing()
    {
        string final = Path.Combine(root, "out");
        string temporary;
        using (var dir = ResultsDirectory.Create(final))
        {
            temporary = dir.TemporaryDirectory;
            using (var sink = new TrialsParquetSink(dir, SyntheticRun.InputColumns, SyntheticRun.Meta))
            {
                SyntheticRun.Feed(sink);
            }

            SummaryParquetWriter.Write(dir.PathFor(SummaryParquetWriter.FileName), [], SyntheticRun.Meta);
            Assert.Equal(3, Directory.GetFiles(temporary).Length);
        }

        Assert.False(Directory.Exists(temporary));
        Assert.False(Directory.Exists(final));
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public void FailureMidRunLeavesNothing()
    {
        string final = Path.Combine(root, "out");
        void Run()
        {
            using var dir = ResultsDirectory.Create(final);
            using var sink = new TrialsParquetSink(dir, SyntheticRun.InputColumns, SyntheticRun.Meta);
            SyntheticRun.Feed(sink);
            throw new InvalidOperationException("engine failed");
        }

        Assert.Throws<InvalidOperationException>(Run);

        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public void CommitReplacesSameNamedFilesAndKeepsOthers()
    {
        string final = Path.Combine(root, "out");
        Directory.CreateDirectory(final);
        File.WriteAllText(Path.Combine(final, "summary.parquet"), "stale");
        File.WriteAllText(Path.Combine(final, "notes.txt"), "keep");

        using (var dir = ResultsDirectory.Create(final))
        {
            File.WriteAllText(dir.PathFor("summary.parquet"), "fresh");
            dir.Commit();
            Assert.False(Directory.Exists(dir.TemporaryDirectory));
            Assert.Throws<InvalidOperationException>(dir.Commit);
        }

        Assert.Equal("fresh", File.ReadAllText(Path.Combine(final, "summary.parquet")));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(final, "notes.txt")));
        Assert.Equal([final], Directory.GetFileSystemEntries(root));
    }

    [Theory]
    [InlineData("sub/trials.parquet")]
    [InlineData("..")]
    [InlineData("")]
    public void PathForRejectsAnythingButABareFileName(string name)
    {
        using var dir = ResultsDirectory.Create(Path.Combine(root, "out"));
        Assert.ThrowsAny<ArgumentException>(() => dir.PathFor(name));
    }

    [Fact]
    public void SinkRejectsBlocksWithOtherInputColumns()
    {
        using var dir = ResultsDirectory.Create(Path.Combine(root, "out"));
        using var sink = new TrialsParquetSink(dir, ["something_else", "step_down_rate"], SyntheticRun.Meta);
        Assert.Throws<ArgumentException>(() => SyntheticRun.Feed(sink));
    }

    [Fact]
    public void SinkRejectsInputColumnsThatClashWithFixedColumns()
    {
        using var dir = ResultsDirectory.Create(Path.Combine(root, "out"));
        Assert.Throws<ArgumentException>(() => new TrialsParquetSink(dir, ["lac_end"], SyntheticRun.Meta));
    }
}
