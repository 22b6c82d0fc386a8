using System.Diagnostics;
using System.Globalization;

namespace RiskSim.Cli.Rendering;

/// <summary>
/// Progress of a run on stderr, so that stdout keeps the summary. On a terminal, one line redrawn
/// at most twice a second: "120,000 / 300,000 trials · 8,100 trials/s · ETA 0:22". When stderr is
/// redirected or <c>CI</c> is set, a plain line at most every 5 seconds instead. Told after each
/// block by the engine, on the calling thread.
/// </summary>
public sealed class TrialProgress : RiskSim.Analysis.IRunProgress
{
    private readonly long total;
    private readonly TextWriter writer;
    private readonly bool live;
    private readonly TimeSpan interval;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan lastShown = TimeSpan.Zero;
    private bool drew;

    /// <summary>Creates the reporter for a run of <paramref name="total"/> trials.</summary>
    /// <param name="total">Trials the run will do.</param>
    /// <param name="writer">Where to write (stderr).</param>
    /// <param name="live">Redraw one line in place (a terminal) rather than print plain lines.</param>
    public TrialProgress(long total, TextWriter writer, bool live)
    {
        ArgumentNullException.ThrowIfNull(writer);
        this.total = total;
        this.writer = writer;
        this.live = live;
        interval = live ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(5);
    }

    /// <summary>For stderr: live on a terminal, plain lines when redirected or under CI.</summary>
    public static TrialProgress ForConsole(long total) => ForConsole(total, Console.Error);

    /// <summary>For <paramref name="error"/>: live only when it is the process's stderr on a terminal and <c>CI</c> is not set.</summary>
    public static TrialProgress ForConsole(long total, TextWriter error) =>
        new(total, error, live: error == Console.Error && !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")));

    /// <inheritdoc />
    public void Report(int value)
    {
        var now = clock.Elapsed;
        if (value < total && now - lastShown < interval)
        {
            return;
        }

        lastShown = now;
        string line = Describe(value, total, now);
        if (live)
        {
            writer.Write("\r" + line.PadRight(78));
            drew = true;
        }
        else
        {
            writer.WriteLine(line);
        }
    }

    /// <summary>Ends the live line so that what follows starts on a fresh line.</summary>
    public void Finish()
    {
        if (live && drew)
        {
            writer.WriteLine();
            drew = false;
        }
    }

    /// <summary>The progress line for <paramref name="done"/> of <paramref name="total"/> trials after <paramref name="elapsed"/>.</summary>
    public static string Describe(long done, long total, TimeSpan elapsed)
    {
        double rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var left = rate > 0 && done < total ? TimeSpan.FromSeconds(Math.Ceiling((total - done) / rate)) : TimeSpan.Zero;
        string eta = string.Create(CultureInfo.InvariantCulture, $"{(long)left.TotalMinutes}:{left.Seconds:00}");
        return string.Create(CultureInfo.InvariantCulture, $"{done:#,0} / {total:#,0} trials · {rate:#,0} trials/s · ETA {eta}");
    }
}
