using System.Diagnostics;
using RiskSim.Tests.Cli;
using YamlDotNet.RepresentationModel;

namespace RiskSim.Tests.Shards;

/// <summary>
/// deploy/k8s: the Indexed Job's shard command, run as separate local processes with the completion index
/// Kubernetes would give each pod, then the merge Job's command, gives one run's files.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class KubernetesManifestTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_indexed_job_runs_the_shards_and_the_merge_job_merges_them()
    {
        string deploy = Path.Combine(RepositoryRoot(), "deploy", "k8s");
        var shardJob = Documents(Path.Combine(deploy, "risksim-shards.yaml")).Single(d => Scalar(d, "kind") == "Job");
        var spec = (YamlMappingNode)shardJob.Children[new YamlScalarNode("spec")];
        Assert.Equal("Indexed", Scalar(spec, "completionMode"));
        int completions = int.Parse(Scalar(spec, "completions"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(completions, int.Parse(Scalar(spec, "parallelism"), System.Globalization.CultureInfo.InvariantCulture));
        var args = ContainerArgs(shardJob);
        Assert.Equal($"auto/{completions}", args[args.IndexOf("--shard") + 1]);

        // The manifest's command with local paths, and fewer trials so that the test stays quick.
        args[args.IndexOf("--trials") + 1] = "1000";
        args = [.. args.Select(Local)];
        var shards = Enumerable.Range(0, completions)
            .Select(i => Start(args, new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            .ToList();
        foreach (var shard in shards)
        {
            Finish(shard);
        }

        var mergeArgs = ContainerArgs(Documents(Path.Combine(deploy, "risksim-merge.yaml")).Single(d => Scalar(d, "kind") == "Job")).Select(Local).ToList();
        Finish(Start(mergeArgs, []));

        string seed = args[args.IndexOf("--seed") + 1];
        string single = temp["single"];
        var run = CliHarness.Run("run", CliHarness.StaffordshirePath, "--trials", "1000", "--seed", seed, "--out", single, "-q");
        Assert.True(run.ExitCode == 0, run.ToString());
        string merged = mergeArgs[mergeArgs.IndexOf("--out") + 1];
        foreach (string file in new[] { "trials.parquet", "yearly.parquet", "summary.parquet", "plan.parquet", "result.json", "report.html" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(single, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(merged, file))), file);
        }
    }

    private string Local(string arg) => arg switch
    {
        "/scenario/scenario.yaml" => CliHarness.StaffordshirePath,
        _ when arg.StartsWith("/results/", StringComparison.Ordinal) => Path.Combine(temp.Path, arg["/results/".Length..]),
        _ => arg,
    };

    private static Process Start(IReadOnlyList<string> args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "risksim.exe" : "risksim"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["DOTNET_gcServer"] = "0";
        return Process.Start(info)!;
    }

    private static void Finish(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "a risksim process did not finish");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output.Result}{error}");
        process.Dispose();
    }

    private static List<string> ContainerArgs(YamlMappingNode job)
    {
        var template = (YamlMappingNode)((YamlMappingNode)job.Children[new YamlScalarNode("spec")]).Children[new YamlScalarNode("template")];
        var podSpec = (YamlMappingNode)template.Children[new YamlScalarNode("spec")];
        var container = (YamlMappingNode)((YamlSequenceNode)podSpec.Children[new YamlScalarNode("containers")]).Children[0];
        var command = (YamlSequenceNode)container.Children[new YamlScalarNode("command")];
        Assert.Equal("risksim", ((YamlScalarNode)command.Children[0]).Value);
        return [.. ((YamlSequenceNode)container.Children[new YamlScalarNode("args")]).Children.Select(n => ((YamlScalarNode)n).Value!)];
    }

    private static List<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "deploy", "k8s")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("deploy/k8s not found above the test's folder.");
    }
}
