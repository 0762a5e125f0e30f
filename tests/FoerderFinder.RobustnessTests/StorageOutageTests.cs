using System.Diagnostics;
using System.Net;
using FoerderFinder.Functions.Storage;
using FoerderFinder.IntegrationTests;
using FoerderFinder.RobustnessTests.Support;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.RobustnessTests;

/// <summary>
/// Storage goes away while the app runs and comes back: matching goes on from the cache and says
/// so, writes are refused with 503 and Retry-After, health reports the outage, and once storage is
/// back writes work again without restarting the app.
/// </summary>
public sealed class StorageOutageTests(PersistedAzurite storage) : IClassFixture<PersistedAzurite>
{
    private static readonly Dictionary<string, string?> FastRefresh = new()
    {
        ["Catalogue:RefreshSeconds"] = "1",
        ["Catalogue:StorageTimeoutSeconds"] = "2",
    };

    [Fact]
    public async Task While_storage_is_down_matching_goes_on_writes_get_503_and_after_it_returns_writes_work_again()
    {
        var azurite = storage.Azurite;
        await using var server = await DevHostServer.StartAsync(azurite, FastRefresh);
        var client = server.Client;
        var read = await client.GetAsync("/api/programmes/feb");
        var etag = read.Headers.ETag!.ToString();
        var feb = (JObject)await read.ReadJsonAsync();
        var before = await (await client.PostAsync("/api/match", Responses.Json(MatchBody))).ReadJsonAsync();
        Assert.False((bool)before["catalogueMayBeStale"]!);

        await azurite.StopAsync();

        // The cache notices at its next check (every second here); until then answers are already from memory.
        var during = await EventuallyAsync(async () =>
        {
            var answer = await client.PostAsync("/api/match", Responses.Json(MatchBody));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var body = await answer.ReadJsonAsync();
            return (bool)body["catalogueMayBeStale"]! ? body : null;
        });
        Assert.Equal((string)before["catalogueVersion"]!, (string)during["catalogueVersion"]!);
        Assert.Equal(before["results"]!.Select(r => (string)r["programmeId"]!), during["results"]!.Select(r => (string)r["programmeId"]!));

        var health = await client.GetAsync("/api/health");
        var report = await health.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("degraded", (string)report["status"]!);
        Assert.False((bool)report["storage"]!["reachable"]!);
        Assert.NotNull((string?)report["storage"]!["lastFailureAt"]);
        Assert.Equal(67, (int)report["catalogue"]!["programmes"]!);
        Assert.True((bool)report["catalogue"]!["mayBeStale"]!);

        feb["name"]!["en"] = "Changed while storage was down";
        var clock = Stopwatch.StartNew();
        var writes = new[]
        {
            new HttpRequestMessage(HttpMethod.Put, "/api/programmes/feb") { Content = Responses.Json(feb.ToString()) }.WithIfMatch(etag),
            new HttpRequestMessage(HttpMethod.Delete, "/api/programmes/agp"),
            new HttpRequestMessage(HttpMethod.Post, "/api/programmes/import") { Content = new StringContent(await File.ReadAllTextAsync(RepoPaths.Catalogue), System.Text.Encoding.UTF8, "application/json") },
        };
        foreach (var write in writes)
        {
            var refused = await client.SendAsync(write.WithKey(DevHostServer.FunctionKey));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"{write.Method} {write.RequestUri} has no Retry-After");
            Assert.Equal("urn:foerderfinder:problem:storage-unavailable", (string)(await refused.ReadJsonAsync())["type"]!);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Three refused writes took {clock.Elapsed}.");
        var history = await client.GetAsync("/api/programmes/feb/history");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, history.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/programmes/feb")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/programmes?land=DE-NW")).StatusCode);

        await azurite.StartAsync();

        await EventuallyAsync(async () => (await client.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK ? true : (bool?)null);
        var afterHealth = await (await client.GetAsync("/api/health")).ReadJsonAsync();
        Assert.Equal(67, (int)afterHealth["catalogue"]!["programmes"]!);
        var accepted = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/programmes/feb") { Content = Responses.Json(feb.ToString()) }
            .WithIfMatch(etag).WithKey(DevHostServer.FunctionKey));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Changed while storage was down", (string)(await (await client.GetAsync("/api/programmes/feb")).ReadJsonAsync())["name"]!["en"]!);
        var after = await (await client.PostAsync("/api/match", Responses.Json(MatchBody))).ReadJsonAsync();
        Assert.False((bool)after["catalogueMayBeStale"]!);
    }

    [Fact]
    public async Task An_import_cut_off_by_a_storage_outage_leaves_the_old_catalogue_whole_and_can_be_repeated()
    {
        var azurite = storage.Azurite;
        var prefix = "o" + Guid.NewGuid().ToString("N")[..10];
        await FaultPolicy.Store(azurite, prefix).SeedIfEmptyAsync(StoreFaultTests.OldCatalogue, default);
        var stopped = 0;
        var importer = FaultPolicy.Store(azurite, prefix, new FaultPolicy(async (message, _) =>
        {
            if (FaultPolicy.IsBatch(message) && Interlocked.Exchange(ref stopped, 1) == 0)
            {
                await azurite.StopAsync();
            }
            return false;
        }));

        await Assert.ThrowsAsync<StorageUnavailableException>(() => importer.ImportAsync(StoreFaultTests.NewCatalogue, dryRun: false, default));
        await azurite.StartAsync();

        Assert.Equal("old", StoreFaultTests.WhichCatalogue(await FaultPolicy.Store(azurite, prefix).LoadAsync(default)));
        Assert.True((await importer.ImportAsync(StoreFaultTests.NewCatalogue, dryRun: false, default)).Committed);
        Assert.Equal("new", StoreFaultTests.WhichCatalogue(await FaultPolicy.Store(azurite, prefix).LoadAsync(default)));
    }

    private const string MatchBody = """
        { "organisation": { "type": "registered_association", "state": "DE-NW", "municipality": "Münster" },
          "project": { "location": "germany", "requestedAmountEur": 3000 }, "asOf": "2026-11-24", "limit": 20 }
        """;

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> attempt, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await attempt() is { } done)
            {
                return done;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached within {seconds} s.");
            }
            await Task.Delay(200);
        }
    }

    private static async Task EventuallyAsync(Func<Task<bool?>> attempt, int seconds = 30) =>
        await EventuallyAsync<object>(async () => await attempt() is true ? new object() : null, seconds);
}
