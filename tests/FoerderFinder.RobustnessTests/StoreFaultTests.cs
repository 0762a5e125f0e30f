using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Functions.Storage;
using FoerderFinder.IntegrationTests;
using FoerderFinder.RobustnessTests.Support;
using Xunit.Abstractions;

namespace FoerderFinder.RobustnessTests;

/// <summary>
/// Writes interrupted at every step: responses lost after the request landed, the process killed
/// midway through an import. The catalogue is always the old one whole or the new one whole.
/// </summary>
[Collection(RobustnessCollection.Name)]
public sealed class StoreFaultTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    internal static IReadOnlyList<Programme> OldCatalogue { get; } = CatalogueFile.Load(RepoPaths.Catalogue).Document!.Programmes;

    /// <summary>Every programme changed and 100 more: more than one batch, so an import has a middle to be killed in.</summary>
    internal static IReadOnlyList<Programme> NewCatalogue { get; } =
    [
        .. OldCatalogue.Select(p => p with { Name = p.Name with { En = p.Name.En + " (new)" } }),
        .. Enumerable.Range(1, 100).Select(i => OldCatalogue[i % OldCatalogue.Count] with { Id = $"copy_{i:D3}", ReplacedBy = null }),
    ];

    private static string Prefix() => "f" + Guid.NewGuid().ToString("N")[..10];

    internal static string Fingerprint(IEnumerable<Programme> programmes) =>
        string.Join("\n", programmes.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => FoerderFinderJson.Serialize(p)));

    /// <summary>Old whole, new whole, or a failure of the test naming what it found.</summary>
    internal static string WhichCatalogue(StoredCatalogue loaded)
    {
        var found = Fingerprint(loaded.Programmes.Select(p => p.Programme));
        return found == Fingerprint(OldCatalogue) ? "old" : found == Fingerprint(NewCatalogue) ? "new"
            : throw new Xunit.Sdk.XunitException($"A mixed catalogue: generation {loaded.Generation} with {loaded.Programmes.Count} programmes.");
    }

    [Fact]
    public async Task An_import_killed_after_any_request_leaves_the_old_catalogue_or_the_new_one_whole()
    {
        var outcomes = new List<string>();
        for (var killAfter = 1; ; killAfter++)
        {
            var prefix = Prefix();
            Assert.True(await FaultPolicy.Store(azurite, prefix).SeedIfEmptyAsync(OldCatalogue, default));
            FaultPolicy? policy = null;
            policy = new FaultPolicy((_, sent) =>
            {
                policy!.Dead = sent >= killAfter;
                return Task.FromResult(false);
            });
            var importer = FaultPolicy.Store(azurite, prefix, policy, Azure.Core.HttpPipelinePosition.PerCall);

            var completed = true;
            try
            {
                await importer.ImportAsync(NewCatalogue, dryRun: false, default);
            }
            catch (OperationCanceledException)
            {
                completed = false;
            }

            var found = WhichCatalogue(await FaultPolicy.Store(azurite, prefix).LoadAsync(default));
            outcomes.Add($"killed after request {killAfter}: {found}");
            if (completed && policy.Sent < killAfter)
            {
                Assert.Equal("new", found);
                break;
            }
            // Whatever was left behind, the next import finishes the job.
            await FaultPolicy.Store(azurite, prefix).ImportAsync(NewCatalogue, dryRun: false, default);
            Assert.Equal("new", WhichCatalogue(await FaultPolicy.Store(azurite, prefix).LoadAsync(default)));
        }
        output.WriteLine(string.Join("\n", outcomes));
        Assert.Contains(outcomes, o => o.EndsWith(": old", StringComparison.Ordinal));
        Assert.True(outcomes.Count >= 5, "An import takes several requests; the test must have stopped it in the middle.");
    }

    [Fact]
    public async Task An_import_cancelled_after_its_first_batch_leaves_the_old_catalogue_whole()
    {
        var prefix = Prefix();
        await FaultPolicy.Store(azurite, prefix).SeedIfEmptyAsync(OldCatalogue, default);
        using var shutdown = new CancellationTokenSource();
        var importer = FaultPolicy.Store(azurite, prefix, new FaultPolicy((message, _) =>
        {
            if (FaultPolicy.IsBatch(message))
            {
                shutdown.Cancel();
            }
            return Task.FromResult(false);
        }));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => importer.ImportAsync(NewCatalogue, dryRun: false, shutdown.Token));

        Assert.Equal("old", WhichCatalogue(await FaultPolicy.Store(azurite, prefix).LoadAsync(default)));
    }

    [Fact]
    public async Task A_batch_whose_response_is_lost_is_retried_and_the_write_still_lands()
    {
        var prefix = Prefix();
        await FaultPolicy.Store(azurite, prefix).SeedIfEmptyAsync(OldCatalogue, default);
        var lost = 0;
        var store = FaultPolicy.Store(azurite, prefix, new FaultPolicy((message, _) =>
            Task.FromResult(FaultPolicy.IsBatch(message) && Interlocked.Increment(ref lost) == 1)));
        var feb = OldCatalogue.Single(p => p.Id == "feb");

        var result = await store.PutAsync(feb with { Name = feb.Name with { En = "Renamed" } }, "\"r1\"", default);

        Assert.Equal(WriteStatus.Updated, result.Status);
        var loaded = await FaultPolicy.Store(azurite, prefix).LoadAsync(default);
        Assert.Equal("Renamed", loaded.Programmes.Single(p => p.Programme.Id == "feb").Programme.Name.En);
        Assert.Equal(OldCatalogue.Count, loaded.Programmes.Count);
    }

    [Fact]
    public async Task A_commit_whose_response_is_lost_counts_as_committed_and_the_catalogue_stays_readable()
    {
        var prefix = Prefix();
        await FaultPolicy.Store(azurite, prefix).SeedIfEmptyAsync(OldCatalogue, default);
        var lost = 0;
        var store = FaultPolicy.Store(azurite, prefix, new FaultPolicy((message, _) =>
            Task.FromResult(FaultPolicy.IsInsertInto(message, prefix + "log") && Interlocked.Increment(ref lost) == 1)));
        var feb = OldCatalogue.Single(p => p.Id == "feb");

        var result = await store.PutAsync(feb with { Name = feb.Name with { En = "Renamed" } }, "\"r1\"", default);

        Assert.Equal(2, lost); // the insert whose answer was lost, and the retry that found its own row
        Assert.Equal(WriteStatus.Updated, result.Status);
        var loaded = await FaultPolicy.Store(azurite, prefix).LoadAsync(default);
        Assert.Equal(2, loaded.Generation);
        Assert.Equal("Renamed", loaded.Programmes.Single(p => p.Programme.Id == "feb").Programme.Name.En);
        Assert.Equal(OldCatalogue.Count, loaded.Programmes.Count);
        Assert.Equal(2, (await FaultPolicy.Store(azurite, prefix).HistoryAsync("feb", default)).Count);
    }

    [Fact]
    public async Task An_import_whose_commit_response_is_lost_counts_as_committed()
    {
        var prefix = Prefix();
        await FaultPolicy.Store(azurite, prefix).SeedIfEmptyAsync(OldCatalogue, default);
        var lost = 0;
        var store = FaultPolicy.Store(azurite, prefix, new FaultPolicy((message, _) =>
            Task.FromResult(FaultPolicy.IsInsertInto(message, prefix + "log") && Interlocked.Increment(ref lost) == 1)));

        var result = await store.ImportAsync(NewCatalogue, dryRun: false, default);

        Assert.True(result.Committed);
        Assert.Equal(2, result.Catalogue.Generation);
        Assert.Equal("new", WhichCatalogue(await FaultPolicy.Store(azurite, prefix).LoadAsync(default)));
    }
}
