using FoerderFinder.Domain.Catalogue;

namespace FoerderFinder.Functions.Storage;

/// <summary>A programme as stored, with the revision its ETag is made of.</summary>
public sealed record StoredProgramme(Programme Programme, long Revision)
{
    public string ETag => ProgrammeETag.Of(Revision);
}

/// <summary>One whole catalogue version as read from storage.</summary>
public sealed record StoredCatalogue(long Generation, DateTimeOffset CommittedAt, IReadOnlyList<StoredProgramme> Programmes)
{
    public static StoredCatalogue Empty { get; } = new(0, DateTimeOffset.MinValue, []);

    public string Version => Generation == 0 ? "empty" : $"{CommittedAt:yyyy-MM-dd}.{Generation}";
}

public enum WriteStatus
{
    Created,
    Updated,
    Unchanged,
    Archived,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
}

public sealed record WriteResult(WriteStatus Status, StoredCatalogue Catalogue, StoredProgramme? Programme = null);

public sealed record ImportChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Archived, IReadOnlyList<string> Unchanged);

public sealed record ImportResult(bool Committed, ImportChanges Changes, StoredCatalogue Catalogue);

/// <summary>One accepted version of a programme, newest first in a history.</summary>
public sealed record ProgrammeVersion(long Revision, string Origin, DateTimeOffset CommittedAt, bool Archived, Programme? Programme);

/// <summary>Storage of the catalogue. Every write is conditional and lands whole or not at all.</summary>
public interface ICatalogueStore
{
    /// <summary>The newest committed generation number (0 when empty): a cheap check whether a reload is needed.</summary>
    Task<long> ReadGenerationAsync(CancellationToken cancellationToken);

    Task<StoredCatalogue> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces a programme. <paramref name="ifMatch"/> must equal its ETag when it exists.</summary>
    Task<WriteResult> PutAsync(Programme programme, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Takes a programme out of the catalogue; its earlier versions stay in the history.</summary>
    Task<WriteResult> ArchiveAsync(string id, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Replaces the whole catalogue in one commit; with <paramref name="dryRun"/> only reports what would change.</summary>
    Task<ImportResult> ImportAsync(IReadOnlyList<Programme> programmes, bool dryRun, CancellationToken cancellationToken);

    /// <summary>Imports the programmes only when the store holds no catalogue yet. True when it seeded.</summary>
    Task<bool> SeedIfEmptyAsync(IReadOnlyList<Programme> programmes, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProgrammeVersion>> HistoryAsync(string id, CancellationToken cancellationToken);
}

public static class ProgrammeETag
{
    public static string Of(long revision) => $"\"r{revision}\"";
}

/// <summary>Storage could not be reached or refused for a reason that is not the caller's.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Too many writers at once: the write did not land and can be retried.</summary>
public sealed class WriteConflictException(string message) : Exception(message);
