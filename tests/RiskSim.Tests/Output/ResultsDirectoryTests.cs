using System.Diagnostics;
using System.Security.Cryptography;
using RiskSim.Core.Results;
using RiskSim.Output;

namespace RiskSim.Tests.Output;

/// <summary>
/// The results folder as a set: new files appear only on commit, together, with a manifest written last;
/// nothing is left behind otherwise; a non-empty folder is refused unless replacing; one writer at a time.
/// </summary>
public sealed class ResultsDirectoryTests : IDisposable
{
    private static readonly RunMetadata Meta = new("synthetic", "ab12cd34", 42, 5, "0.1.0-test");

    private readonly string root = Path.Combine(Path.GetTempPath(), "risksim-resultsdir-" + Guid.NewGuid().ToString("N"));

    public ResultsDirectoryTests() => Directory.CreateDirectory(root);

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(directory, p), p => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(p))));

    private static string[] Names(string directory) =>
        Directory.GetFileSystemEntries(directory).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Commits a set made of the given files (name → text) into <paramref name="final"/>.</summary>
    private static void CommitSet(string final, bool replace, params (string Name, string Text)[] files)
    {
        using var dir = ResultsDirectory.Create(final, replace);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(dir.PathFor(name), text);
        }

        dir.Commit(Meta);
    }

    [Fact]
    public void TemporaryDirectoryIsInsideTheFinalOneSoTheCommitOnlyRenamesOnOneFilesystem()
    {
        string final = Path.Combine(root, "out");
        using var dir = ResultsDirectory.Create(final + Path.DirectorySeparatorChar);
        Assert.Equal(final, dir.FinalDirectory);
        Assert.StartsWith(Path.Combine(final, ResultsDirectory.TemporaryPrefix), dir.TemporaryDirectory, StringComparison.Ordinal);
        Assert.True(Directory.Exists(dir.TemporaryDirectory));
        Assert.True(File.Exists(Path.Combine(final, ResultsDirectory.LockFileName)));
        Assert.Equal(Path.Combine(dir.TemporaryDirectory, "trials.parquet"), dir.PathFor("trials.parquet"));
    }

    [Fact]
    public void DisposingWithoutCommitLeavesNothingNotEvenTheFolderItCreated()
    {
        string final = Path.Combine(root, "a", "out");
        using (var dir = ResultsDirectory.Create(final))
        {
            using (var sink = new TrialsParquetSink(dir, SyntheticRun.InputColumns, SyntheticRun.Meta))
            {
                SyntheticRun.Feed(sink);
            }

            SummaryParquetWriter.Write(dir.PathFor(SummaryParquetWriter.FileName), [], SyntheticRun.Meta);
            Assert.Equal(3, Directory.GetFiles(dir.TemporaryDirectory).Length);
        }

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
    public void DisposingWithoutCommitKeepsAnExistingSetByteForByte()
    {
        string final = Path.Combine(root, "out");
        CommitSet(final, false, ("trials.parquet", "old trials"), ("summary.parquet", "old summary"));
        var before = Snapshot(final);

        using (var dir = ResultsDirectory.Create(final, replaceExisting: true))
        {
            File.WriteAllText(dir.PathFor("trials.parquet"), "new trials");
        }

        Assert.Equal(before, Snapshot(final));
        Assert.Equal(["_manifest.json", "summary.parquet", "trials.parquet"], Names(final));
    }

    [Fact]
    public void CommitWritesAManifestWithEveryFileItsSizeAndHashAndTheRun()
    {
        string final = Path.Combine(root, "out");
        CommitSet(final, false, ("trials.parquet", "trials!"), ("plan.parquet", "plan"));

        Assert.Equal(["_manifest.json", "plan.parquet", "trials.parquet"], Names(final));
        var manifest = ResultsManifest.Read(final);
        Assert.NotNull(manifest);
        Assert.Equal(["plan.parquet", "trials.parquet"], manifest.Files.Select(f => f.Name));
        Assert.Equal(7L, manifest.Files[1].Bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("trials!"u8)), manifest.Files[1].Sha256);
        Assert.Equal("ab12cd34", manifest.ScenarioSha256);
        Assert.Equal(42UL, manifest.Seed);
        Assert.Equal(5L, manifest.Trials);
        Assert.Equal("0.1.0-test", manifest.EngineVersion);
        Assert.True(DateTimeOffset.UtcNow - manifest.CommittedUtc < TimeSpan.FromDays(1));
        Assert.Empty(ResultsManifest.Check(final));

        // A reader can tell a changed file.
        File.WriteAllText(Path.Combine(final, "plan.parquet"), "PLAN");
        Assert.Contains(ResultsManifest.Check(final), p => p.Contains("plan.parquet", StringComparison.Ordinal));
    }

    [Fact]
    public void ReplacingSwapsTheWholeSetAndKeepsFilesThatAreNotResults()
    {
        string final = Path.Combine(root, "out");
        CommitSet(final, false, ("a.parquet", "old a"), ("b.parquet", "old b"));
        File.WriteAllText(Path.Combine(final, "notes.txt"), "keep");

        CommitSet(final, true, ("a.parquet", "new a"));

        Assert.Equal(["_manifest.json", "a.parquet", "notes.txt"], Names(final));
        Assert.Equal("new a", File.ReadAllText(Path.Combine(final, "a.parquet")));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(final, "notes.txt")));
        Assert.Equal(["a.parquet"], ResultsManifest.Read(final)!.Files.Select(f => f.Name));
    }

    [Fact]
    public void ANonEmptyFolderIsRefusedUnlessReplacingAndIsLeftAsItWas()
    {
        string final = Path.Combine(root, "out");
        CommitSet(final, false, ("trials.parquet", "old"));
        var before = Snapshot(final);

        var e = Assert.Throws<ResultsFolderException>(() => ResultsDirectory.Create(final));
        Assert.Equal(ResultsFolderProblem.NotEmpty, e.Problem);
        Assert.Contains("trials.parquet", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(final));
        Assert.Equal(["_manifest.json", "trials.parquet"], Names(final));
    }

    [Fact]
    public void TemporaryFoldersOfKilledRunsAreRemovedAndReportedAndDoNotMakeTheFolderNonEmpty()
    {
        string final = Path.Combine(root, "out");
        string stale = Path.Combine(final, ResultsDirectory.TemporaryPrefix + "12345-abcdef");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "yearly.parquet"), "half");
        File.WriteAllText(Path.Combine(final, ResultsDirectory.LockFileName), "12345");
        string oldStyle = final + ".tmp-0a1b2c";
        Directory.CreateDirectory(oldStyle);

        using (var dir = ResultsDirectory.Create(final))
        {
            Assert.Equal([stale], dir.RemovedStaleTemporaryDirectories);
            Assert.Equal([oldStyle], dir.OldStyleTemporaryDirectories);
            Assert.False(Directory.Exists(stale));
            File.WriteAllText(dir.PathFor("trials.parquet"), "new");
            dir.Commit(Meta);
        }

        Assert.Equal(["_manifest.json", "trials.parquet"], Names(final));
        Assert.True(Directory.Exists(oldStyle), "an old-style sibling may belong to a running older version: report it, never delete it");
    }

    [Fact]
    public void ASecondWriterIsRefusedWhileTheFirstHoldsTheLockEvenFromAnotherProcess()
    {
        string final = Path.Combine(root, "out");
        string lockPath = Path.Combine(final, ResultsDirectory.LockFileName);
        using (ResultsDirectory.Create(final))
        {
            var e = Assert.Throws<ResultsFolderException>(() => ResultsDirectory.Create(final, replaceExisting: true));
            Assert.Equal(ResultsFolderProblem.Busy, e.Problem);

            // The lock is an flock(2) lock, so it excludes other processes too: flock -n fails while we hold it.
            Assert.Equal(1, RunFlock(lockPath));
        }

        Assert.False(File.Exists(lockPath));
        using var again = ResultsDirectory.Create(final);
        Assert.True(Directory.Exists(again.TemporaryDirectory));
    }

    private static int RunFlock(string lockPath)
    {
        using var flock = Process.Start(new ProcessStartInfo("flock", ["-n", "-E", "1", lockPath, "true"]) { UseShellExecute = false })!;
        flock.WaitForExit();
        return flock.ExitCode;
    }

    [Fact]
    public void AResultFileThatCannotBeReplacedIsFoundBeforeAnythingChanges()
    {
        string final = Path.Combine(root, "out");
        CommitSet(final, false, ("a.parquet", "old a"), ("b.parquet", "old b"));
        File.Delete(Path.Combine(final, "b.parquet"));
        Directory.CreateDirectory(Path.Combine(final, "b.parquet", "inside"));
        var before = Snapshot(final);

        var e = Assert.Throws<ResultsFolderException>(() => CommitSet(final, true, ("a.parquet", "new a"), ("b.parquet", "new b")));
        Assert.Equal(ResultsFolderProblem.NotReplaceable, e.Problem);
        Assert.Contains("b.parquet", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(final));
        Assert.DoesNotContain(Names(final), n => n.StartsWith(ResultsDirectory.TemporaryPrefix, StringComparison.Ordinal) || n == ResultsDirectory.LockFileName);
    }

    [Fact]
    public void ACommitThatFailsHalfWayLeavesNoManifestSoTheMixtureIsDetectable()
    {
        string final = Path.Combine(root, "out");
        CommitSet(final, false, ("a.parquet", "old a"), ("b.parquet", "old b"));

        var e = Assert.Throws<ResultsFolderException>(() =>
        {
            using var dir = ResultsDirectory.Create(final, replaceExisting: true);
            File.WriteAllText(dir.PathFor("a.parquet"), "new a");
            File.WriteAllText(dir.PathFor("b.parquet"), "new b");
            dir.MoveFile = (from, to) =>
            {
                if (Path.GetFileName(to) == "b.parquet")
                {
                    throw new IOException("Input/output error");
                }

                File.Move(from, to, overwrite: true);
            };
            dir.Commit(Meta);
        });

        Assert.Equal(ResultsFolderProblem.CommitIncomplete, e.Problem);
        Assert.Contains("b.parquet", e.Message, StringComparison.Ordinal);
        Assert.Contains(ResultsDirectory.ManifestFileName, e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(final, ResultsDirectory.ManifestFileName)));
        Assert.Null(ResultsManifest.Read(final));
        Assert.Equal(["a.parquet", "b.parquet"], Names(final));
    }

    [Fact]
    public void ADiskFullWhileWritingLeavesTheOldSetIntact()
    {
        string final = Path.Combine(root, "out");
        CommitSet(final, false, ("trials.parquet", "old trials"), ("yearly.parquet", "old yearly"));
        var before = Snapshot(final);

        // /dev/full fails every write with ENOSPC, exactly as a full disk does.
        var e = Assert.ThrowsAny<IOException>(() =>
        {
            using var dir = ResultsDirectory.Create(final, replaceExisting: true);
            File.CreateSymbolicLink(dir.PathFor(TrialsParquetSink.TrialsFileName), "/dev/full");
            using (var sink = new TrialsParquetSink(dir, SyntheticRun.InputColumns, SyntheticRun.Meta))
            {
                SyntheticRun.Feed(sink);
            }

            dir.Commit(Meta);
        });

        Assert.True(ResultsDirectory.IsDiskFull(e), e.ToString());
        Assert.Equal(before, Snapshot(final));
    }

    [Theory]
    [InlineData("sub/trials.parquet")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("_manifest.json")]
    public void PathForRejectsAnythingButABareResultFileName(string name)
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

    [Theory]
    [InlineData("null-entry", "$.files[1] is missing or null")]
    [InlineData("null-name", "$.files[0].name is missing or null")]
    [InlineData("null-hash", "$.files[0].sha256 is missing or null")]
    public void A_manifest_with_a_null_file_entry_is_not_a_manifest(string damage, string expected)
    {
        // Edited by hand: refused when read (as any other damaged manifest), not a NullReferenceException
        // later in a check, a comparison or a report's refresh.
        string final = Path.Combine(root, "out");
        CommitSet(final, replace: false, ("plan.parquet", "PLAN"), ("trials.parquet", "TRIALS"));
        string path = Path.Combine(final, ResultsDirectory.ManifestFileName);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var files = json["files"]!.AsArray();
        switch (damage)
        {
            case "null-entry": files[1] = null; break;
            case "null-name": files[0]!["name"] = null; break;
            default: files[0]!["sha256"] = null; break;
        }

        File.WriteAllText(path, json.ToJsonString());
        var e = Assert.Throws<InvalidDataException>(() => ResultsManifest.Read(final));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.NotEmpty(ResultsManifest.Check(final));
    }
}
