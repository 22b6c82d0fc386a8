using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using RiskSim.Report;
using Xunit.Abstractions;

namespace RiskSim.Tests.Report;

/// <summary>
/// The report in a real browser: headless Chromium (Debian's <c>chromium</c> and
/// <c>chromium-driver</c>, which <c>.ci/run</c> installs) opens report.html from disk. The page must
/// log no console error, fetch no resource, and show every chart as an SVG of real size with drawn
/// paths. A screenshot is saved for a person to look at.
/// </summary>
/// <remarks>
/// Under CI (<c>CI</c> set) a missing browser fails the test; on a developer's machine without it
/// the test is skipped with a message saying what to install.
/// </remarks>
[Collection(Cli.ConsoleCollection.Name)]
public sealed class ReportBrowserTests(ITestOutputHelper output)
{
    private const string Install = "apt-get install -y chromium chromium-driver";

    [SkippableFact]
    public void Chromium_opens_the_report_with_every_chart_drawn_and_no_console_error()
    {
        var (browser, driverPath) = FindChromium();
        string dir = Directory.CreateTempSubdirectory("risksim-report-browser-").FullName;
        try
        {
            string page = Path.Combine(dir, HtmlReportExporter.ReportFileName);
            new HtmlReportExporter(page).Export(SampleRunResult.Create(withSensitivity: true));
            AssertRendered(browser, driverPath, page, ["lac-fan", "position-fan", "breakeven", "s-curve", "tornado", "sobol"], "report-browser-test.png");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [SkippableFact]
    public void Chromium_opens_the_report_of_a_real_Staffordshire_run_before_and_after_adding_sensitivity()
    {
        var (browser, driverPath) = FindChromium();
        string dir = Directory.CreateTempSubdirectory("risksim-report-browser-").FullName;
        try
        {
            string output = Path.Combine(dir, "results");
            var run = Cli.CliHarness.Run("run", Cli.CliHarness.StaffordshirePath, "--trials", "300", "--seed", "1", "--out", output, "--quiet");
            Assert.True(run.ExitCode == 0, run.ToString());
            AssertRendered(browser, driverPath, Path.Combine(output, HtmlReportExporter.ReportFileName), ["lac-fan", "position-fan", "breakeven", "s-curve"], "report-browser-staffordshire.png");

            // The same run with a (small) sensitivity analysis added by `risksim report --sensitivity`.
            string sensitivity = Path.Combine(dir, "sensitivity");
            Assert.Equal(0, RiskSim.Cli.Commands.SensitivityCommand.Execute(
                Cli.CliHarness.StaffordshirePath,
                new RiskSim.Analysis.SensitivityOptions(150, 5, 2, SobolRows: 24, TornadoTrials: 24),
                sensitivity,
                force: false,
                new Spectre.Console.Testing.TestConsole(),
                error: TextWriter.Null));
            var report = Cli.CliHarness.Run("report", output, "--sensitivity", sensitivity);
            Assert.True(report.ExitCode == 0, report.ToString());
            AssertRendered(
                browser,
                driverPath,
                Path.Combine(output, HtmlReportExporter.ReportFileName),
                ["lac-fan", "position-fan", "breakeven", "s-curve", "tornado", "sobol"],
                "report-browser-staffordshire-sensitivity.png");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private void AssertRendered(string browser, string driverPath, string page, string[] expected, string screenshotName)
    {
        using var driver = Start(browser, driverPath);
        driver.Navigate().GoToUrl(new Uri(page).AbsoluteUri);

        var errors = driver.Manage().Logs.GetLog(LogType.Browser)
            .Where(e => e.Level >= LogLevel.Warning)
            .Select(e => $"{e.Level}: {e.Message}")
            .ToList();
        Assert.True(errors.Count == 0, "console messages:\n" + string.Join('\n', errors));

        var js = (IJavaScriptExecutor)driver;
        long fetched = (long)js.ExecuteScript("return performance.getEntriesByType('resource').length;")!;
        Assert.Equal(0, fetched);

        var charts = driver.FindElements(By.CssSelector("figure.chart")).Select(f => f.GetAttribute("id")).ToArray();
        Assert.Equal(expected, charts);
        foreach (string id in expected)
        {
            var figure = driver.FindElement(By.Id(id));
            var svg = figure.FindElement(By.CssSelector("svg"));
            Assert.True(svg.Size.Width > 300 && svg.Size.Height > 150, $"chart {id} is drawn {svg.Size.Width}×{svg.Size.Height} px");

            // Shapes with a real extent: the bands, lines and bars, not just the frame.
            long drawn = (long)js.ExecuteScript(
                "return [...arguments[0].querySelectorAll('path, ellipse, rect')].filter(p => { const b = p.getBBox(); return b.width > 0 && b.height > 0; }).length;",
                svg)!;
            Assert.True(drawn >= 8, $"chart {id} has {drawn} drawn shapes");

            long labels = (long)js.ExecuteScript("return [...arguments[0].querySelectorAll('text')].filter(t => t.textContent.trim().length > 0).length;", svg)!;
            Assert.True(labels >= 4, $"chart {id} has {labels} text labels (axes, ticks)");
            Assert.False(string.IsNullOrWhiteSpace(figure.FindElement(By.CssSelector("figcaption.reading")).Text), $"chart {id} has no reading");
        }

        string shot = Path.Combine(AppContext.BaseDirectory, screenshotName);
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(shot);
        Assert.True(new FileInfo(shot).Length > 10_000, "the screenshot is nearly empty");
        output.WriteLine($"screenshot: {shot}");
    }

    private static ChromeDriver Start(string browser, string driverPath)
    {
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,2400");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(90));
    }

    /// <summary>The browser and its driver from PATH (or CHROME_BIN / CHROMEDRIVER); fails under CI when missing, else skips.</summary>
    private static (string Browser, string Driver) FindChromium()
    {
        string? browser = Environment.GetEnvironmentVariable("CHROME_BIN") is { Length: > 0 } b ? b : OnPath("chromium") ?? OnPath("chromium-browser");
        string? driver = Environment.GetEnvironmentVariable("CHROMEDRIVER") is { Length: > 0 } d ? d : OnPath("chromedriver");
        browser = File.Exists(browser) ? browser : null;
        driver = File.Exists(driver) ? driver : null;
        if (browser is not null && driver is not null)
        {
            return (browser, driver);
        }

        string missing = browser is null ? "chromium" : "chromedriver";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail($"{missing} is not installed, and under CI the browser test must run: .ci/run installs it ({Install}).");
        }

        Skip.If(true, $"{missing} is not installed, so the report's browser test did not run: {Install}");
        throw new InvalidOperationException("unreachable");
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
