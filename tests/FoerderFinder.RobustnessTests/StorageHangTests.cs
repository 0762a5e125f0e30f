using System.Diagnostics;
using System.Net;
using FoerderFinder.IntegrationTests;
using FoerderFinder.RobustnessTests.Support;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.RobustnessTests;

/// <summary>Storage that accepts connections and never answers: the app must not hang with it.</summary>
[Collection(RobustnessCollection.Name)]
public sealed class StorageHangTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task When_storage_hangs_health_and_writes_answer_503_in_bounded_time_and_matching_goes_on()
    {
        await using var proxy = new StallingProxy(azurite.Port);
        await using var server = await DevHostServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["CatalogueStorage"] = proxy.ConnectionString(azurite),
            ["Catalogue:RefreshSeconds"] = "1",
            ["Catalogue:StorageTimeoutSeconds"] = "1",
        });
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        var read = await client.GetAsync("/api/programmes/feb");
        var etag = read.Headers.ETag!.ToString();
        var feb = (JObject)await read.ReadJsonAsync();

        proxy.Stall();

        // Health reuses a check up to two seconds old; after that it asks storage, and must give up in bounded time.
        var clock = Stopwatch.StartNew();
        HttpResponseMessage health;
        do
        {
            var asked = Stopwatch.StartNew();
            health = await client.GetAsync("/api/health");
            Assert.True(asked.Elapsed < TimeSpan.FromSeconds(15), $"Health took {asked.Elapsed}.");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), "Health never reported the hang.");
        }
        while (health.StatusCode == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("degraded", (string)(await health.ReadJsonAsync())["status"]!);

        clock.Restart();
        var match = await client.PostAsync("/api/match", Responses.Json("""{"limit":5}"""));
        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"A match took {clock.Elapsed} while storage hung.");
        Assert.True((bool)(await match.ReadJsonAsync())["catalogueMayBeStale"]!);

        feb["name"]!["en"] = "Written after the hang";
        clock.Restart();
        var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/programmes/feb") { Content = Responses.Json(feb.ToString()) }
            .WithIfMatch(etag).WithKey(DevHostServer.FunctionKey));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"A refused write took {clock.Elapsed}.");
        Assert.Equal("urn:foerderfinder:problem:storage-unavailable", (string)(await refused.ReadJsonAsync())["type"]!);

        proxy.Resume();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await client.GetAsync("/api/health")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "Health did not recover.");
            await Task.Delay(200);
        }
        var accepted = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/programmes/feb") { Content = Responses.Json(feb.ToString()) }
            .WithIfMatch(etag).WithKey(DevHostServer.FunctionKey));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}
