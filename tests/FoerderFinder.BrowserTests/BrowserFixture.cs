using FoerderFinder.IntegrationTests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FoerderFinder.BrowserTests;

/// <summary>
/// Everything the browser tests share: Azurite, the DevHost with the real catalogue and a clock set to
/// 24 November 2026, a second web server for the embedding sites (one allowed origin, one not),
/// and Debian's chromium driven by Playwright (no browser download).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Today = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly AzuriteFixture _azurite = new();
    private IPlaywright? _playwright;

    public DevHostServer App { get; private set; } = null!;
    public EmbeddingSites Sites { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app's root URL, e.g. http://127.0.0.1:40123/.</summary>
    public string AppUrl => App.Address.ToString().TrimEnd('/') + "/";

    public static string ScreenshotFolder { get; } = Path.Combine(RepoPaths.Root, "tests", "FoerderFinder.BrowserTests", "screenshots");

    public async Task InitializeAsync()
    {
        var azurite = _azurite.InitializeAsync();
        Sites = await EmbeddingSites.StartAsync();
        await azurite;
        App = await DevHostServer.StartAsync(_azurite,
            new Dictionary<string, string?>
            {
                ["Web:FrameAncestors"] = "'self' " + Sites.AllowedOrigin,
                ["Cors:AllowedOrigins"] = Sites.AllowedOrigin,
            },
            builder => builder.Services.AddSingleton<TimeProvider>(new ShiftedClock(Today)));
        Sites.AppUrl = AppUrl;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh browser context (its own sessionStorage) with a page in it.</summary>
    public async Task<IPage> NewPageAsync(string locale = "de-DE", int width = 1280, int height = 900, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 2 : 1,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return page;
    }

    public static string Screenshot(string name) => Path.Combine(ScreenshotFolder, name + ".png");

    private static string ChromiumPath()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("Chromium is not installed. Run ./test.sh (it installs Debian's chromium) or set CHROMIUM_PATH.");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Sites is not null)
        {
            await Sites.DisposeAsync();
        }
        await _azurite.DisposeAsync();
    }
}

/// <summary>Real time, moved to a fixed day: deadlines are judged as on that day, and timers still run.</summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
