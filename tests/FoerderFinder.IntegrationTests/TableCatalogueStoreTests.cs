using Azure.Data.Tables;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Functions.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoerderFinder.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class TableCatalogueStoreTests(AzuriteFixture azurite)
{
    private static Programme Renamed(Programme programme, string name) =>
        programme with { Name = programme.Name with { En = name } };

    [Fact]
    public async Task Seeding_an_empty_store_loads_the_whole_catalogue_once()
    {
        var store = StoreFactory.Create(azurite);

        Assert.True(await store.SeedIfEmptyAsync(StoreFactory.Catalogue, default));
        Assert.False(await store.SeedIfEmptyAsync(StoreFactory.Catalogue.Take(3).ToList(), default));

        var loaded = await store.LoadAsync(default);
        Assert.Equal(StoreFactory.Catalogue.Count, loaded.Programmes.Count);
        Assert.Equal(1, loaded.Generation);
        Assert.Equal(
            StoreFactory.Catalogue.Select(p => p.Id).Order(StringComparer.Ordinal),
            loaded.Programmes.Select(p => p.Programme.Id));
    }

    [Fact]
    public async Task Two_seeders_at_once_leave_exactly_one_seed()
    {
        var prefix = StoreFactory.UniquePrefix();
        var seeds = await Task.WhenAll(
            StoreFactory.Create(azurite, prefix).SeedIfEmptyAsync(StoreFactory.Catalogue, default),
            StoreFactory.Create(azurite, prefix).SeedIfEmptyAsync(StoreFactory.Catalogue, default));

        Assert.Single(seeds, seeded => seeded);
        var loaded = await StoreFactory.Create(azurite, prefix).LoadAsync(default);
        Assert.Equal(StoreFactory.Catalogue.Count, loaded.Programmes.Count);
        Assert.Equal(1, loaded.Generation);
    }

    [Fact]
    public async Task A_stored_programme_reads_back_equal()
    {
        var store = StoreFactory.Create(azurite);
        var engagiert = StoreFactory.Programme("engagiert");

        var created = await store.PutAsync(engagiert, ifMatch: null, default);

        Assert.Equal(WriteStatus.Created, created.Status);
        var loaded = (await store.LoadAsync(default)).Programmes.Single();
        Assert.Equal(
            Domain.Json.FoerderFinderJson.Serialize(engagiert),
            Domain.Json.FoerderFinderJson.Serialize(loaded.Programme));
        Assert.Equal(created.Programme!.ETag, loaded.ETag);
    }

    [Fact]
    public async Task Updating_needs_the_current_etag()
    {
        var store = StoreFactory.Create(azurite);
        var feb = StoreFactory.Programme("feb");
        var first = await store.PutAsync(feb, null, default);

        var withoutIfMatch = await store.PutAsync(Renamed(feb, "A"), null, default);
        var second = await store.PutAsync(Renamed(feb, "B"), first.Programme!.ETag, default);
        var stale = await store.PutAsync(Renamed(feb, "C"), first.Programme!.ETag, default);

        Assert.Equal(WriteStatus.PreconditionRequired, withoutIfMatch.Status);
        Assert.Equal(WriteStatus.Updated, second.Status);
        Assert.NotEqual(first.Programme.ETag, second.Programme!.ETag);
        Assert.Equal(WriteStatus.PreconditionFailed, stale.Status);
        Assert.Equal("B", (await store.LoadAsync(default)).Programmes.Single().Programme.Name.En);
    }

    [Fact]
    public async Task Creating_with_an_etag_for_a_programme_that_does_not_exist_fails()
    {
        var store = StoreFactory.Create(azurite);

        var result = await store.PutAsync(StoreFactory.Programme("feb"), "\"r7\"", default);

        Assert.Equal(WriteStatus.PreconditionFailed, result.Status);
        Assert.Empty((await store.LoadAsync(default)).Programmes);
    }

    [Fact]
    public async Task Writing_the_same_content_again_changes_nothing()
    {
        var store = StoreFactory.Create(azurite);
        var created = await store.PutAsync(StoreFactory.Programme("feb"), null, default);

        var again = await store.PutAsync(StoreFactory.Programme("feb"), created.Programme!.ETag, default);

        Assert.Equal(WriteStatus.Unchanged, again.Status);
        Assert.Equal(created.Catalogue.Generation, (await store.LoadAsync(default)).Generation);
    }

    [Fact]
    public async Task Archiving_removes_a_programme_and_its_history_stays()
    {
        var store = StoreFactory.Create(azurite);
        await store.SeedIfEmptyAsync(StoreFactory.Catalogue, default);
        var feb = (await store.LoadAsync(default)).Programmes.Single(p => p.Programme.Id == "feb");
        var updated = await store.PutAsync(Renamed(feb.Programme, "FEB renamed"), feb.ETag, default);

        var archived = await store.ArchiveAsync("feb", updated.Programme!.ETag, default);

        Assert.Equal(WriteStatus.Archived, archived.Status);
        var loaded = await store.LoadAsync(default);
        Assert.DoesNotContain(loaded.Programmes, p => p.Programme.Id == "feb");
        Assert.Equal(StoreFactory.Catalogue.Count - 1, loaded.Programmes.Count);
        var history = await store.HistoryAsync("feb", default);
        Assert.Equal(["delete", "put", "seed"], history.Select(v => v.Origin));
        Assert.True(history[0].Archived);
        Assert.Equal("FEB renamed", history[1].Programme!.Name.En);
        Assert.Equal(StoreFactory.Programme("feb").Name.En, history[2].Programme!.Name.En);
    }

    [Fact]
    public async Task Archiving_an_unknown_programme_reports_not_found()
    {
        var store = StoreFactory.Create(azurite);

        var result = await store.ArchiveAsync("no_such_programme", null, default);

        Assert.Equal(WriteStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task A_dry_run_import_reports_changes_and_writes_nothing()
    {
        var store = StoreFactory.Create(azurite);
        await store.SeedIfEmptyAsync(StoreFactory.Catalogue.Take(5).ToList(), default);
        var incoming = StoreFactory.Catalogue.Skip(1).Take(5).Select((p, i) => i == 0 ? Renamed(p, "changed") : p).ToList();

        var dryRun = await store.ImportAsync(incoming, dryRun: true, default);

        Assert.False(dryRun.Committed);
        Assert.Equal([StoreFactory.Catalogue[5].Id], dryRun.Changes.Added);
        Assert.Equal([StoreFactory.Catalogue[1].Id], dryRun.Changes.Changed);
        Assert.Equal([StoreFactory.Catalogue[0].Id], dryRun.Changes.Archived);
        Assert.Equal(3, dryRun.Changes.Unchanged.Count);
        var loaded = await store.LoadAsync(default);
        Assert.Equal(1, loaded.Generation);
        Assert.Equal(StoreFactory.Catalogue.Take(5).Select(p => p.Id).Order(StringComparer.Ordinal), loaded.Programmes.Select(p => p.Programme.Id));
    }

    [Fact]
    public async Task An_import_replaces_the_catalogue_in_one_commit_and_keeps_unchanged_etags()
    {
        var store = StoreFactory.Create(azurite);
        await store.SeedIfEmptyAsync(StoreFactory.Catalogue.Take(5).ToList(), default);
        var before = (await store.LoadAsync(default)).Programmes.ToDictionary(p => p.Programme.Id);
        var incoming = StoreFactory.Catalogue.Skip(1).Take(5).Select((p, i) => i == 0 ? Renamed(p, "changed") : p).ToList();

        var imported = await store.ImportAsync(incoming, dryRun: false, default);

        Assert.True(imported.Committed);
        var after = (await store.LoadAsync(default)).Programmes.ToDictionary(p => p.Programme.Id);
        Assert.Equal(2, imported.Catalogue.Generation);
        Assert.Equal(incoming.Select(p => p.Id).Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before[StoreFactory.Catalogue[2].Id].ETag, after[StoreFactory.Catalogue[2].Id].ETag);
        Assert.NotEqual(before[StoreFactory.Catalogue[1].Id].ETag, after[StoreFactory.Catalogue[1].Id].ETag);
        Assert.True((await store.HistoryAsync(StoreFactory.Catalogue[0].Id, default))[0].Archived);
    }

    [Fact]
    public async Task An_import_that_dies_before_its_commit_leaves_the_old_catalogue_whole()
    {
        var prefix = StoreFactory.UniquePrefix();
        var store = StoreFactory.Create(azurite, prefix);
        await store.SeedIfEmptyAsync(StoreFactory.Catalogue.Take(10).ToList(), default);
        // What a killed import leaves behind: programme rows of a generation whose commit never happened.
        var programmes = new TableServiceClient(azurite.ConnectionString).GetTableClient(prefix + "programmes");
        foreach (var programme in StoreFactory.Catalogue.Skip(10).Take(7))
        {
            await programmes.AddEntityAsync(new TableEntity("g0000000002-deadbeef", programme.Id) { ["Json"] = "{}", ["Revision"] = 2L });
        }

        var loaded = await store.LoadAsync(default);

        Assert.Equal(1, loaded.Generation);
        Assert.Equal(StoreFactory.Catalogue.Take(10).Select(p => p.Id).Order(StringComparer.Ordinal), loaded.Programmes.Select(p => p.Programme.Id));
        var next = await store.PutAsync(StoreFactory.Catalogue[20], null, default);
        Assert.Equal(WriteStatus.Created, next.Status);
        Assert.Equal(11, (await store.LoadAsync(default)).Programmes.Count);
    }

    [Fact]
    public async Task Concurrent_updates_with_one_etag_let_exactly_one_win()
    {
        var prefix = StoreFactory.UniquePrefix();
        var store = StoreFactory.Create(azurite, prefix);
        var created = await store.PutAsync(StoreFactory.Programme("engagiert"), null, default);
        var etag = created.Programme!.ETag;

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            StoreFactory.Create(azurite, prefix).PutAsync(Renamed(created.Programme.Programme, $"writer {i}"), etag, default)));

        Assert.Single(results, r => r.Status == WriteStatus.Updated);
        Assert.Equal(9, results.Count(r => r.Status == WriteStatus.PreconditionFailed));
        var winner = results.Single(r => r.Status == WriteStatus.Updated).Programme!.Programme.Name.En;
        Assert.Equal(winner, (await store.LoadAsync(default)).Programmes.Single().Programme.Name.En);
        Assert.Equal([winner, StoreFactory.Programme("engagiert").Name.En],
            (await store.HistoryAsync("engagiert", default)).Select(v => v.Programme!.Name.En));
    }

    [Fact]
    public async Task A_programme_too_large_for_azure_is_refused_before_anything_is_written()
    {
        var store = StoreFactory.Create(azurite);
        await store.SeedIfEmptyAsync(StoreFactory.Catalogue.Take(2).ToList(), default);
        var huge = StoreFactory.Programme("feb") with
        {
            Purpose = new LocalizedText(new string('x', 400_000), new string('y', 400_000)),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(huge, null, default));

        var loaded = await store.LoadAsync(default);
        Assert.Equal(1, loaded.Generation);
        Assert.Equal(2, loaded.Programmes.Count);
    }

    [Fact]
    public async Task The_cache_takes_a_write_from_another_instance_on_refresh()
    {
        var prefix = StoreFactory.UniquePrefix();
        var reader = StoreFactory.Create(azurite, prefix);
        var writer = StoreFactory.Create(azurite, prefix);
        await writer.SeedIfEmptyAsync(StoreFactory.Catalogue, default);
        var cache = new CatalogueCache(reader, new CatalogueCacheOptions(), TimeProvider.System, NullLogger<CatalogueCache>.Instance);
        var first = await cache.GetAsync(default);
        var feb = first.ById["feb"];

        await writer.PutAsync(Renamed(feb.Programme, "changed elsewhere"), feb.ETag, default);
        var refreshed = await cache.RefreshAsync(default);

        Assert.Equal("changed elsewhere", refreshed.Snapshot.Find("feb")!.Name.En);
        Assert.NotEqual(first.Snapshot.Version, refreshed.Snapshot.Version);
        Assert.Same(refreshed, await cache.GetAsync(default));
    }
}
