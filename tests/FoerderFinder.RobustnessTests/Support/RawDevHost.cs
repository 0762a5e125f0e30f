using FoerderFinder.DevHost;
using FoerderFinder.IntegrationTests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FoerderFinder.RobustnessTests.Support;

/// <summary>The DevHost started as is, without waiting for a seeded catalogue: for stores that are broken on purpose.</summary>
public sealed class RawDevHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RawDevHost(WebApplication app, CapturingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public HttpClient Client { get; }
    public CapturingLoggerProvider Logs { get; }

    /// <summary>True once the host has begun to shut down (an exception escaping a background service does that).</summary>
    public bool Stopping => _app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;

    public static async Task<RawDevHost> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var logs = new CapturingLoggerProvider();
        var app = DevHostApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
            {
                ["DevHost:FunctionKey"] = DevHostServer.FunctionKey,
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            services?.Invoke(builder.Services);
            builder.Logging.AddProvider(logs);
        });
        await app.StartAsync();
        return new RawDevHost(app, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
