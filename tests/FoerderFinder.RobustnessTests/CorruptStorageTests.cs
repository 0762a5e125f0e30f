using System.Net;
using Azure.Data.Tables;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Functions.Storage;
using FoerderFinder.IntegrationTests;
using FoerderFinder.RobustnessTests.Support;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.RobustnessTests;

/// <summary>
/// A row in storage that this version cannot read (damaged by hand, or written by another version):
/// the app keeps serving the catalogue it has, reports the fault, never crashes, and recovers by itself
/// once the row is repaired.
/// </summary>
[Collection(RobustnessCollection.Name)]
public sealed class CorruptStorageTests(AzuriteFixture azurite)
{
    private const string Damaged = """{"id":"agp","criteria":[{"kind":"zodiac_sign"}]}""";

    private static string Prefix() => "c" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Replaces a programme's stored JSON in the given generation; returns what was there.</summary>
    private async Task<string> OverwriteAsync(string prefix, long generation, string id, string json)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(prefix + "programmes");
        var partition = $"g{generation:D10}-";
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.RowKey == id))
        {
            if (row.PartitionKey.StartsWith(partition, StringComparison.Ordinal))
            {
                var original = row.GetString("Json");
                row["Json"] = json;
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
                return original;
            }
        }
        throw new InvalidOperationException($"No row {id} in generation {generation}.");
    }

    [Fact]
    public async Task A_row_that_cannot_be_read_is_a_storage_fault_not_a_crash()
    {
        var prefix = Prefix();
        var store = FaultPolicy.Store(azurite, prefix);
        await store.SeedIfEmptyAsync(StoreFaultTests.OldCatalogue, default);
        await OverwriteAsync(prefix, 1, "agp", Damaged);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.LoadAsync(default));
        await OverwriteAsync(prefix, 1, "agp", """{"id":"not_agp"}""");
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.LoadAsync(default));
        await OverwriteAsync(prefix, 1, "agp", "");
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.LoadAsync(default));
    }

    [Fact]
    public async Task A_damaged_new_generation_leaves_the_app_serving_the_last_good_one_until_it_is_repaired()
    {
        var prefix = Prefix();
        var store = FaultPolicy.Store(azurite, prefix);
        await store.SeedIfEmptyAsync(StoreFaultTests.OldCatalogue, default);
        await using var server = await DevHostServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Catalogue:TablePrefix"] = prefix,
            ["Catalogue:SeedOnStart"] = "false",
            ["Catalogue:RefreshSeconds"] = "1",
        });
        var client = server.Client;
        var version = (string)(await (await client.GetAsync("/api/health")).ReadJsonAsync())["catalogue"]!["version"]!;

        // Another instance writes generation 2, and one of its rows gets damaged.
        var feb = StoreFaultTests.OldCatalogue.Single(p => p.Id == "feb");
        Assert.Equal(WriteStatus.Updated, (await store.PutAsync(feb with { Name = feb.Name with { En = "Renamed elsewhere" } }, "\"r1\"", default)).Status);
        var original = await OverwriteAsync(prefix, 2, "agp", Damaged);

        await Eventually(async () => (await client.GetAsync("/api/health")).StatusCode == HttpStatusCode.ServiceUnavailable);
        var match = await client.PostAsync("/api/match", Responses.Json("""{"limit":3}"""));
        var answer = await match.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        Assert.True((bool)answer["catalogueMayBeStale"]!);
        Assert.Equal(version, (string)answer["catalogueVersion"]!);
        Assert.NotEqual("Renamed elsewhere", (string)(await (await client.GetAsync("/api/programmes/feb")).ReadJsonAsync())["name"]!["en"]!);
        var write = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/programmes/agp").WithKey(DevHostServer.FunctionKey));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
        Assert.NotNull(write.Headers.RetryAfter);
        var history = await client.GetAsync("/api/programmes/agp/history");
        Assert.True((int)history.StatusCode is 200 or 503, $"History answered {(int)history.StatusCode}.");

        await OverwriteAsync(prefix, 2, "agp", original);

        await Eventually(async () => (await client.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK);
        Assert.Equal("Renamed elsewhere", (string)(await (await client.GetAsync("/api/programmes/feb")).ReadJsonAsync())["name"]!["en"]!);
    }

    [Fact]
    public async Task An_app_that_starts_on_a_damaged_catalogue_stays_up_and_says_so()
    {
        var prefix = Prefix();
        await FaultPolicy.Store(azurite, prefix).SeedIfEmptyAsync(StoreFaultTests.OldCatalogue, default);
        await OverwriteAsync(prefix, 1, "agp", Damaged);

        await using var host = await RawDevHost.StartAsync(new Dictionary<string, string?>
        {
            ["CatalogueStorage"] = azurite.ConnectionString,
            ["Catalogue:TablePrefix"] = prefix,
            ["Catalogue:SeedOnStart"] = "true",
            ["Catalogue:SeedFile"] = RepoPaths.Catalogue,
        });

        var health = await host.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("degraded", (string)(await health.ReadJsonAsync())["status"]!);
        // No catalogue could ever be read: an empty list would look like "nothing fits you".
        var match = await host.Client.PostAsync("/api/match", Responses.Json("{}"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, match.StatusCode);
        Assert.NotNull(match.Headers.RetryAfter);
        Assert.Equal("application/problem+json", match.Content.Headers.ContentType?.MediaType);
        await Task.Delay(500);
        Assert.False(host.Stopping);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("BackgroundService failed", StringComparison.Ordinal));
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Not reached within 30 s.");
            await Task.Delay(200);
        }
    }
}
