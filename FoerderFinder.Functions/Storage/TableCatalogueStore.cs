using System.Globalization;
using Azure;
using Azure.Data.Tables;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Functions.Storage;

/// <summary>
/// The catalogue in Azure Table Storage, in two tables:
/// <list type="bullet">
/// <item>programmes: one partition per catalogue generation ("g0000000007-1a2b3c"), one row per programme (RowKey = programme id).
/// Reading the catalogue is one partition query.</item>
/// <item>log: one row per accepted change (PartitionKey "log", RowKey = inverted generation, so the newest comes first).
/// Inserting that row is the commit: two writers cannot both add generation N, so exactly one wins,
/// and readers switch from the old generation to the new one whole.</item>
/// </list>
/// Old generations are kept: they are the history of every accepted version.
/// </summary>
public sealed class TableCatalogueStore : ICatalogueStore
{
    private const string LogPartition = "log";
    private const int MaxCommitAttempts = 20;

    private readonly TableClient _programmes;
    private readonly TableClient _log;
    private readonly SemaphoreSlim _createTables = new(1, 1);
    private volatile bool _tablesExist;

    public TableCatalogueStore(TableServiceClient service, StorageOptions options)
    {
        _programmes = service.GetTableClient(options.TablePrefix + "programmes");
        _log = service.GetTableClient(options.TablePrefix + "log");
    }

    public async Task<long> ReadGenerationAsync(CancellationToken cancellationToken) =>
        (await NewestCommitAsync(cancellationToken))?.Generation ?? 0;

    public async Task<StoredCatalogue> LoadAsync(CancellationToken cancellationToken)
    {
        var commit = await NewestCommitAsync(cancellationToken);
        return commit is null ? StoredCatalogue.Empty : await LoadGenerationAsync(commit, cancellationToken);
    }

    public Task<WriteResult> PutAsync(Programme programme, string? ifMatch, CancellationToken cancellationToken) =>
        CommitSingleAsync(programme.Id, ifMatch, requireIfMatch: true, cancellationToken, (current, generation) =>
        {
            if (current is not null && SameContent(current.Programme, programme))
            {
                return (WriteStatus.Unchanged, current);
            }
            return (current is null ? WriteStatus.Created : WriteStatus.Updated, new StoredProgramme(programme, generation));
        });

    public Task<WriteResult> ArchiveAsync(string id, string? ifMatch, CancellationToken cancellationToken) =>
        CommitSingleAsync(id, ifMatch, requireIfMatch: false, cancellationToken, (current, _) =>
            current is null ? (WriteStatus.NotFound, null) : (WriteStatus.Archived, null));

    public async Task<ImportResult> ImportAsync(IReadOnlyList<Programme> programmes, bool dryRun, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxCommitAttempts; attempt++)
        {
            var commit = await NewestCommitAsync(cancellationToken);
            var current = commit is null ? StoredCatalogue.Empty : await LoadGenerationAsync(commit, cancellationToken);
            var (changes, next) = Diff(current, programmes, current.Generation + 1);
            if (dryRun)
            {
                return new ImportResult(false, changes, current);
            }
            if (changes.Added.Count + changes.Changed.Count + changes.Archived.Count == 0 && commit is not null)
            {
                return new ImportResult(false, changes, current);
            }
            var committed = await TryCommitAsync(current.Generation + 1, "import", next, changes, cancellationToken);
            if (committed is not null)
            {
                return new ImportResult(true, changes, committed);
            }
        }
        throw new WriteConflictException("The catalogue kept changing during the import.");
    }

    public async Task<bool> SeedIfEmptyAsync(IReadOnlyList<Programme> programmes, CancellationToken cancellationToken)
    {
        if (await NewestCommitAsync(cancellationToken) is not null)
        {
            return false;
        }
        var (changes, next) = Diff(StoredCatalogue.Empty, programmes, 1);
        // Another seeder that commits generation 1 first wins; either way the store holds one whole seed.
        return await TryCommitAsync(1, "seed", next, changes, cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<ProgrammeVersion>> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        TableLimits.CheckKey(id, nameof(id));
        await EnsureTablesAsync(cancellationToken);
        var versions = new List<ProgrammeVersion>();
        await foreach (var entity in Guard(() => _log.QueryAsync<TableEntity>(e => e.PartitionKey == LogPartition, cancellationToken: cancellationToken)))
        {
            var commit = Commit.From(entity);
            var touched = commit.Changes.Added.Contains(id) || commit.Changes.Changed.Contains(id);
            var archived = commit.Changes.Archived.Contains(id);
            if (!touched && !archived)
            {
                continue;
            }
            Programme? programme = null;
            if (touched)
            {
                var row = await Guard(() => _programmes.GetEntityIfExistsAsync<TableEntity>(commit.Partition, id, cancellationToken: cancellationToken));
                programme = row.HasValue ? ReadProgramme(row.Value!).Programme : null;
            }
            versions.Add(new ProgrammeVersion(commit.Generation, commit.Origin, commit.CommittedAt, archived, programme));
        }
        return versions;
    }

    private async Task<WriteResult> CommitSingleAsync(
        string id,
        string? ifMatch,
        bool requireIfMatch,
        CancellationToken cancellationToken,
        Func<StoredProgramme?, long, (WriteStatus Status, StoredProgramme? Replacement)> change)
    {
        TableLimits.CheckKey(id, nameof(id));
        for (var attempt = 0; attempt < MaxCommitAttempts; attempt++)
        {
            var commit = await NewestCommitAsync(cancellationToken);
            var current = commit is null ? StoredCatalogue.Empty : await LoadGenerationAsync(commit, cancellationToken);
            var existing = current.Programmes.FirstOrDefault(p => p.Programme.Id == id);
            if (existing is not null && ifMatch is null && requireIfMatch)
            {
                return new WriteResult(WriteStatus.PreconditionRequired, current, existing);
            }
            if (ifMatch is not null && ifMatch != "*" && ifMatch != existing?.ETag)
            {
                return new WriteResult(existing is null && !requireIfMatch ? WriteStatus.NotFound : WriteStatus.PreconditionFailed, current, existing);
            }
            var generation = current.Generation + 1;
            var (status, replacement) = change(existing, generation);
            if (status is WriteStatus.Unchanged or WriteStatus.NotFound)
            {
                return new WriteResult(status, current, existing);
            }
            var next = current.Programmes.Where(p => p.Programme.Id != id).ToList();
            if (replacement is not null)
            {
                next.Add(replacement);
            }
            var changes = new ImportChanges(
                status == WriteStatus.Created ? [id] : [],
                status == WriteStatus.Updated ? [id] : [],
                status == WriteStatus.Archived ? [id] : [],
                []);
            var committed = await TryCommitAsync(generation, status == WriteStatus.Archived ? "delete" : "put", next, changes, cancellationToken);
            if (committed is not null)
            {
                return new WriteResult(status, committed, replacement);
            }
        }
        throw new WriteConflictException($"Programme {id} kept changing; try again.");
    }

    /// <summary>
    /// Writes the new generation aside, then commits it by inserting its log row. Returns null when
    /// another writer committed this generation first; the caller then re-reads and decides again.
    /// </summary>
    private async Task<StoredCatalogue?> TryCommitAsync(long generation, string origin, IReadOnlyList<StoredProgramme> programmes, ImportChanges changes, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        var partition = $"g{generation.ToString("D10", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}";
        var actions = programmes
            .OrderBy(p => p.Programme.Id, StringComparer.Ordinal)
            .Select(p => new TableTransactionAction(TableTransactionActionType.Add, ProgrammeEntity(partition, p)));
        foreach (var batch in TableLimits.Batches(actions))
        {
            try
            {
                await Guard(() => _programmes.SubmitTransactionAsync(batch, cancellationToken));
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                // The partition is new and this writer's alone, so its rows can only exist because an
                // earlier try of this very batch landed and its answer was lost (the SDK then retried it).
                // A batch lands whole: it is written.
            }
        }
        var committedAt = DateTimeOffset.UtcNow;
        var logEntity = new Commit(generation, partition, origin, committedAt, programmes.Count, changes).ToEntity();
        TableLimits.CheckEntity(logEntity);
        try
        {
            await _log.AddEntityAsync(logEntity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Either another writer committed this generation first, or this insert landed and its answer
            // was lost before the SDK retried it. Only the row can tell; deleting a committed generation
            // would leave the catalogue unreadable.
            if (!await IsCommittedAsync(generation, partition, cancellationToken))
            {
                await DeletePartitionQuietlyAsync(partition, programmes);
                return null;
            }
        }
        catch (RequestFailedException e)
        {
            throw new StorageUnavailableException("Table storage refused the commit.", e);
        }
        return new StoredCatalogue(generation, committedAt, programmes.OrderBy(p => p.Programme.Id, StringComparer.Ordinal).ToList());
    }

    private async Task<bool> IsCommittedAsync(long generation, string partition, CancellationToken cancellationToken)
    {
        var row = await Guard(() => _log.GetEntityIfExistsAsync<TableEntity>(LogPartition, Commit.RowKeyOf(generation), cancellationToken: cancellationToken));
        return row.HasValue && row.Value!.GetString("Partition") == partition;
    }

    private async Task DeletePartitionQuietlyAsync(string partition, IReadOnlyList<StoredProgramme> programmes)
    {
        try
        {
            var deletes = programmes.Select(p => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, p.Programme.Id), ETag.All));
            foreach (var batch in TableLimits.Batches(deletes))
            {
                await _programmes.SubmitTransactionAsync(batch);
            }
        }
        catch (RequestFailedException)
        {
            // A generation nobody committed is never read; leaving it behind costs only space.
        }
    }

    private async Task<Commit?> NewestCommitAsync(CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        await foreach (var entity in Guard(() => _log.QueryAsync<TableEntity>(e => e.PartitionKey == LogPartition, maxPerPage: 1, cancellationToken: cancellationToken)))
        {
            return Commit.From(entity);
        }
        return null;
    }

    private async Task<StoredCatalogue> LoadGenerationAsync(Commit commit, CancellationToken cancellationToken)
    {
        // Pages of up to 1000 rows; each page is parsed on the thread pool while the next one is fetched,
        // so reading a large catalogue costs about the longer of the two, not their sum.
        var pages = new List<Task<StoredProgramme[]>>();
        await foreach (var page in GuardPages(() => _programmes.QueryAsync<TableEntity>(e => e.PartitionKey == commit.Partition, maxPerPage: 1000, cancellationToken: cancellationToken)))
        {
            var rows = page.Values;
            pages.Add(Task.Run(() => rows.Select(ReadProgramme).ToArray(), cancellationToken));
        }
        var programmes = new List<StoredProgramme>(commit.Count);
        foreach (var page in pages)
        {
            programmes.AddRange(await page);
        }
        if (programmes.Count != commit.Count)
        {
            throw new StorageUnavailableException($"Generation {commit.Generation} holds {programmes.Count} programmes, its commit says {commit.Count}.");
        }
        return new StoredCatalogue(commit.Generation, commit.CommittedAt, programmes);
    }

    private static (ImportChanges, IReadOnlyList<StoredProgramme>) Diff(StoredCatalogue current, IReadOnlyList<Programme> incoming, long generation)
    {
        var existing = current.Programmes.ToDictionary(p => p.Programme.Id, StringComparer.Ordinal);
        var incomingIds = incoming.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        List<string> added = [], changed = [], unchanged = [];
        var next = new List<StoredProgramme>(incoming.Count);
        foreach (var programme in incoming)
        {
            if (!existing.TryGetValue(programme.Id, out var old))
            {
                added.Add(programme.Id);
                next.Add(new StoredProgramme(programme, generation));
            }
            else if (SameContent(old.Programme, programme))
            {
                unchanged.Add(programme.Id);
                next.Add(old);
            }
            else
            {
                changed.Add(programme.Id);
                next.Add(new StoredProgramme(programme, generation));
            }
        }
        var archived = existing.Keys.Where(id => !incomingIds.Contains(id)).Order(StringComparer.Ordinal).ToList();
        return (new ImportChanges(added, changed, archived, unchanged), next);
    }

    private static bool SameContent(Programme a, Programme b) =>
        JToken.DeepEquals(JToken.FromObject(a, FoerderFinderJson.Serializer), JToken.FromObject(b, FoerderFinderJson.Serializer));

    private static TableEntity ProgrammeEntity(string partition, StoredProgramme stored)
    {
        var entity = new TableEntity(partition, stored.Programme.Id) { ["Revision"] = stored.Revision };
        TableLimits.WriteChunked(entity, "Json", FoerderFinderJson.Serialize(stored.Programme));
        return entity;
    }

    private static StoredProgramme ReadProgramme(TableEntity entity) =>
        Decode(entity, () =>
        {
            var programme = FoerderFinderJson.Deserialize<Programme>(TableLimits.ReadChunked(entity, "Json"));
            return programme.Id == entity.RowKey
                ? new StoredProgramme(programme, entity.GetInt64("Revision") ?? 0)
                : throw new FormatException($"The row holds programme '{programme.Id}'.");
        });

    /// <summary>A row this code cannot read (damaged, or written by another version) is a storage fault, not a crash.</summary>
    private static T Decode<T>(TableEntity entity, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidOperationException or FormatException)
        {
            throw new StorageUnavailableException($"Row {entity.PartitionKey}/{entity.RowKey} cannot be read.", e);
        }
    }

    private async Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        if (_tablesExist)
        {
            return;
        }
        await _createTables.WaitAsync(cancellationToken);
        try
        {
            if (!_tablesExist)
            {
                await Guard(() => _programmes.CreateIfNotExistsAsync(cancellationToken));
                await Guard(() => _log.CreateIfNotExistsAsync(cancellationToken));
                _tablesExist = true;
            }
        }
        finally
        {
            _createTables.Release();
        }
    }

    /// <summary>Storage faults become one exception type the functions map to 503; programming errors stay what they are.</summary>
    // The SDK reports retries that ran out (timeouts, refused connections) as an AggregateException.
    private static bool IsStorageFault(Exception e) =>
        e is RequestFailedException { Status: 0 or >= 500 or 408 or 429 } or HttpRequestException or AggregateException;

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            throw new StorageUnavailableException("Table storage is not reachable.", e);
        }
    }

    private static async Task<Response<T>> Guard<T>(Func<Task<Response<T>>> call) => await Guard<Response<T>>(call);

    private static IAsyncEnumerable<T> Guard<T>(Func<AsyncPageable<T>> query) where T : notnull => Guarded(query());

    private static IAsyncEnumerable<Page<T>> GuardPages<T>(Func<AsyncPageable<T>> query) where T : notnull => Guarded(query().AsPages());

    private static async IAsyncEnumerable<T> Guarded<T>(IAsyncEnumerable<T> source)
    {
        var enumerator = source.GetAsyncEnumerator();
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync();
                }
                catch (Exception e) when (IsStorageFault(e))
                {
                    throw new StorageUnavailableException("Table storage is not reachable.", e);
                }
                if (!more)
                {
                    yield break;
                }
                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }

    /// <summary>A row of the log: which generation readers use, where it is, and what changed.</summary>
    private sealed record Commit(long Generation, string Partition, string Origin, DateTimeOffset CommittedAt, int Count, ImportChanges Changes)
    {
        public static string RowKeyOf(long generation) => (long.MaxValue - generation).ToString("D19", CultureInfo.InvariantCulture);

        public TableEntity ToEntity()
        {
            var entity = new TableEntity(LogPartition, RowKeyOf(Generation))
            {
                ["Generation"] = Generation,
                ["Partition"] = Partition,
                ["Origin"] = Origin,
                ["CommittedAt"] = CommittedAt,
                ["Count"] = Count,
            };
            TableLimits.WriteChunked(entity, "Changes", FoerderFinderJson.Serialize(Changes with { Unchanged = [] }));
            return entity;
        }

        public static Commit From(TableEntity entity) => Decode(entity, () => new Commit(
            entity.GetInt64("Generation") ?? 0,
            entity.GetString("Partition"),
            entity.GetString("Origin"),
            entity.GetDateTimeOffset("CommittedAt") ?? DateTimeOffset.MinValue,
            entity.GetInt32("Count") ?? 0,
            FoerderFinderJson.Deserialize<ImportChanges>(TableLimits.ReadChunked(entity, "Changes"))));
    }
}

public sealed class StorageOptions
{
    public string TablePrefix { get; set; } = "ff";
}
