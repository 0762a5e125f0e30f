using FoerderFinder.Domain.Catalogue;
using Microsoft.Extensions.Logging;

namespace FoerderFinder.Functions.Storage;

/// <summary>What the cache holds: one whole catalogue version and how fresh it is.</summary>
public sealed record CachedCatalogue(
    CatalogueSnapshot Snapshot,
    IReadOnlyDictionary<string, StoredProgramme> ById,
    long Generation,
    DateTimeOffset LoadedAt,
    bool StorageReachable,
    DateTimeOffset? LastFailureAt,
    DateTimeOffset CheckedAt)
{
    /// <summary>Storage could not be asked lately, so a newer catalogue may exist.</summary>
    public bool MayBeStale => !StorageReachable;

    /// <summary>Storage has never answered: an empty catalogue here means "unknown", not "nothing".</summary>
    public bool NeverLoaded => Generation == 0 && !StorageReachable;
}

public sealed class CatalogueCacheOptions
{
    /// <summary>How often to ask storage whether another instance changed the catalogue.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The catalogue in memory. Matching reads only from here; storage is asked at most once per
/// refresh interval, in the background, with one small query (is there a newer generation?).
/// If storage is down, the last catalogue keeps serving and says it may be stale.
/// </summary>
public sealed class CatalogueCache(ICatalogueStore store, CatalogueCacheOptions options, TimeProvider clock, ILogger<CatalogueCache> logger)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly Lock _publish = new();
    private CachedCatalogue? _current;
    private long _nextCheckTicks;
    private Task<CachedCatalogue>? _refreshing;

    /// <summary>The current catalogue; the first call waits for the first load.</summary>
    public async ValueTask<CachedCatalogue> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is null)
        {
            return await LoadFirstAsync(cancellationToken);
        }
        if (clock.GetUtcNow().UtcTicks >= Interlocked.Read(ref _nextCheckTicks))
        {
            _ = SharedRefresh();
        }
        return current;
    }

    /// <summary>Takes a catalogue this instance has just written, so its own readers see the write at once.</summary>
    public void Accept(StoredCatalogue written)
    {
        lock (_publish)
        {
            if (_current is null || written.Generation >= _current.Generation)
            {
                Volatile.Write(ref _current, Build(written, reachable: true, lastFailure: null));
            }
        }
    }

    /// <summary>The current catalogue, checked against storage unless that was done within <paramref name="maxAge"/>.</summary>
    public async Task<CachedCatalogue> GetCheckedAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && clock.GetUtcNow() - current.CheckedAt < maxAge
            ? current
            : await SharedRefresh().WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The refresh under way, or a new one: many requests that find the catalogue due for a check
    /// cause one storage query, not one each.
    /// </summary>
    private Task<CachedCatalogue> SharedRefresh()
    {
        lock (_publish)
        {
            if (_refreshing is not { IsCompleted: false })
            {
                _refreshing = Task.Run(() => RefreshAsync(CancellationToken.None));
            }
            return _refreshing;
        }
    }

    /// <summary>Asks storage now whether the catalogue changed; used by health checks and after faults.</summary>
    public async Task<CachedCatalogue> RefreshAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        try
        {
            var generation = await store.ReadGenerationAsync(cancellationToken);
            if (current is not null && generation == current.Generation)
            {
                var fresh = current with { StorageReachable = true, CheckedAt = clock.GetUtcNow() };
                Publish(fresh);
                return fresh;
            }
            var loaded = Build(await store.LoadAsync(cancellationToken), reachable: true, lastFailure: null);
            Publish(loaded);
            return loaded;
        }
        catch (StorageUnavailableException e)
        {
            logger.LogWarning(e, "Catalogue storage unreachable; serving the cached catalogue.");
            var failed = (current ?? Build(StoredCatalogue.Empty, false, null)) with { StorageReachable = false, LastFailureAt = clock.GetUtcNow(), CheckedAt = clock.GetUtcNow() };
            Publish(failed);
            return failed;
        }
        finally
        {
            Interlocked.Exchange(ref _nextCheckTicks, (clock.GetUtcNow() + options.RefreshInterval).UtcTicks);
        }
    }

    private async Task<CachedCatalogue> LoadFirstAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            return Volatile.Read(ref _current) ?? await RefreshAsync(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    private void Publish(CachedCatalogue candidate)
    {
        lock (_publish)
        {
            // A background refresh that started before a local write must not undo it.
            if (_current is null || candidate.Generation >= _current.Generation)
            {
                Volatile.Write(ref _current, candidate);
            }
            else
            {
                Volatile.Write(ref _current, _current with
                {
                    StorageReachable = candidate.StorageReachable,
                    LastFailureAt = candidate.LastFailureAt ?? _current.LastFailureAt,
                    CheckedAt = candidate.CheckedAt,
                });
            }
        }
    }

    private CachedCatalogue Build(StoredCatalogue stored, bool reachable, DateTimeOffset? lastFailure) => new(
        new CatalogueSnapshot(stored.Version, stored.Programmes.Select(p => p.Programme).ToList()),
        stored.Programmes.ToDictionary(p => p.Programme.Id, StringComparer.Ordinal),
        stored.Generation,
        clock.GetUtcNow(),
        reachable,
        lastFailure,
        clock.GetUtcNow());
}
