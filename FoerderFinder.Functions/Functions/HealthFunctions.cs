using FoerderFinder.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FoerderFinder.Functions.Functions;

public sealed record HealthReport(string Status, StorageHealth Storage, CatalogueHealth Catalogue);

public sealed record StorageHealth(bool Reachable, DateTimeOffset? LastFailureAt);

public sealed record CatalogueHealth(string Version, int Programmes, DateTimeOffset LoadedAt, bool MayBeStale);

/// <summary>GET /api/health: is storage reachable, and which catalogue is being served.</summary>
public sealed class HealthFunctions(CatalogueCache catalogue)
{
    /// <summary>Health answers from a check at most this old, so a busy probe does not become load on storage.</summary>
    public static readonly TimeSpan MaxCheckAge = TimeSpan.FromSeconds(2);

    [Function("Health")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var current = await catalogue.GetCheckedAsync(MaxCheckAge, cancellationToken);
        var report = new HealthReport(
            current.StorageReachable ? "healthy" : "degraded",
            new StorageHealth(current.StorageReachable, current.LastFailureAt),
            new CatalogueHealth(current.Snapshot.Version, current.Snapshot.Count, current.LoadedAt, current.MayBeStale));
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new ObjectResult(report) { StatusCode = current.StorageReachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable };
    }
}
