using RiskSim.Cli.Rendering;

namespace RiskSim.Tests.Cli;

/// <summary>The progress line: labelled numbers, throttled, a final line at the end.</summary>
public sealed class TrialProgressTests
{
    [Fact]
    public void The_line_labels_each_number()
    {
        Assert.Equal("120,000 / 300,000 trials · 8,000 trials/s · ETA 0:23", TrialProgress.Describe(120_000, 300_000, TimeSpan.FromSeconds(15)));
        Assert.Equal("300,000 / 300,000 trials · 20,000 trials/s · ETA 0:00", TrialProgress.Describe(300_000, 300_000, TimeSpan.FromSeconds(15)));
        Assert.Equal("1,000 / 10,000,000 trials · 10 trials/s · ETA 16665:00", TrialProgress.Describe(1_000, 10_000_000, TimeSpan.FromSeconds(100)));
    }

    [Fact]
    public void Plain_mode_throttles_but_always_reports_the_end()
    {
        var writer = new StringWriter();
        var progress = new TrialProgress(1000, writer, live: false);
        for (int done = 100; done <= 1000; done += 100)
        {
            progress.Report(done);
        }

        progress.Finish();
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);   // the first 900 came within 5 s of the start
        Assert.StartsWith("1,000 / 1,000 trials", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain('\r', writer.ToString());
    }

    [Fact]
    public void Live_mode_redraws_one_line_and_ends_it()
    {
        var writer = new StringWriter();
        var progress = new TrialProgress(10, writer, live: true);
        progress.Report(10);
        progress.Finish();
        string text = writer.ToString();
        Assert.StartsWith("\r10 / 10 trials", text, StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine, text, StringComparison.Ordinal);
    }
}
