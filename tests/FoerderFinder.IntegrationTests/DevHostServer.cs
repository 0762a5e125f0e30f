using FoerderFinder.DevHost;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FoerderFinder.IntegrationTests;

/// <summary>The DevHost on a free loopback port against the test's Azurite, seeded with the real catalogue.</summary>
public sealed class DevHostServer : IAsyncDisposable
{
    public const string FunctionKey = "test-function-key";
    public const string AllowedOrigin = "https://community.example";

    private readonly WebApplication _app;

    private DevHostServer(WebApplication app, Uri address, CapturingLoggerProvider logs)
    {
        _app = app;
        Address = address;
        Logs = logs;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }
    public HttpClient Client { get; }
    public CapturingLoggerProvider Logs { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="configure">Runs before the app's services are added, e.g. to register a fixed clock.</param>
    public static async Task<DevHostServer> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var logs = new CapturingLoggerProvider();
        var app = DevHostApp.Build([], builder =>
        {
            var config = new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["CatalogueStorage"] = azurite.ConnectionString,
                ["Catalogue:TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..10],
                ["Catalogue:SeedOnStart"] = "true",
                ["Catalogue:SeedFile"] = RepoPaths.Catalogue,
                ["DevHost:FunctionKey"] = FunctionKey,
                ["Cors:AllowedOrigins"] = AllowedOrigin,
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                config[key] = value;
            }
            builder.Configuration.AddInMemoryCollection(config);
            builder.WebHost.UseUrls(config["urls"]!);
            builder.Logging.AddProvider(logs);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var server = new DevHostServer(app, new Uri(address), logs);
        await server.WaitUntilSeededAsync();
        return server;
    }

    private async Task WaitUntilSeededAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var health = await Client.GetStringAsync("/api/health");
            if (!health.Contains("\"programmes\":0", StringComparison.Ordinal))
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The DevHost did not seed the catalogue.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
