using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace FoerderFinder.IntegrationTests;

/// <summary>
/// A real Azurite Table service on a free loopback port, started from the repository's node_modules
/// (./test.sh installs it). Can be stopped and started again on the same port to test outages.
/// In memory by default; with <see cref="DataDirectory"/> it keeps its data on disk, so a restart
/// finds what was written before, as a real storage account would.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? _process;
    private Task<DevHostServer>? _readOnlyServer;

    public int Port { get; private set; }

    /// <summary>Where Azurite keeps its data; null keeps it in memory (lost on stop).</summary>
    public string? DataDirectory { get; init; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        if (!File.Exists(RepoPaths.AzuriteTableServer))
        {
            throw new InvalidOperationException($"Azurite is not installed at {RepoPaths.AzuriteTableServer}. Run ./test.sh (it runs npm ci).");
        }
        Port = FreePort();
        await StartAsync();
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { RepoPaths.AzuriteTableServer, "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(), "--disableTelemetry" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (DataDirectory is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(DataDirectory);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && StartedLine().IsMatch(e.Data))
            {
                started.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var finished = await Task.WhenAny(started.Task, Task.Delay(TimeSpan.FromSeconds(30)), _process.WaitForExitAsync());
        if (finished != started.Task)
        {
            throw new InvalidOperationException($"Azurite did not start on port {Port}.");
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } && DataDirectory is not null)
        {
            // On disk, Azurite saves every few seconds and on SIGINT: stop it the way that keeps its data.
            using (var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString()]))
            {
                await interrupt.WaitForExitAsync();
            }
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>One DevHost with the real catalogue for tests that only read; tests that write start their own.</summary>
    public Task<DevHostServer> ReadOnlyServerAsync() =>
        LazyInitializer.EnsureInitialized(ref _readOnlyServer, () => DevHostServer.StartAsync(this));

    public async Task DisposeAsync()
    {
        if (_readOnlyServer is { IsCompletedSuccessfully: true })
        {
            await _readOnlyServer.Result.DisposeAsync();
        }
        await StopAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("successfully started", RegexOptions.IgnoreCase)]
    private static partial Regex StartedLine();
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
