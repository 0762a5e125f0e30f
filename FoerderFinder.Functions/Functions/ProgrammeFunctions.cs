using System.Text;
using FoerderFinder.Domain;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Vocabulary;
using FoerderFinder.Functions.Api;
using FoerderFinder.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FoerderFinder.Functions.Functions;

public sealed record ProgrammePage(IReadOnlyList<Programme> Items, string? ContinuationToken, string CatalogueVersion);

public sealed record ImportReport(bool DryRun, bool Committed, string CatalogueVersion, ImportChanges Changes);

public sealed record HistoryEntry(long Revision, string ETag, string Origin, DateTimeOffset CommittedAt, bool Archived, Programme? Programme);

/// <summary>The programme catalogue: browse it (anyone) and curate it (admin key only).</summary>
public sealed class ProgrammeFunctions(ICatalogueStore store, CatalogueCache catalogue, ILogger<ProgrammeFunctions> logger)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const long MaxProgrammeBytes = 256 * 1024;
    public const long MaxImportBytes = 16 * 1024 * 1024;
    public const int MaxImportProgrammes = 2000;

    [Function("ListProgrammes")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/programmes")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var query = request.Query;
        var errors = new List<ValidationError>();
        var unknown = query.Keys.Except(["funder", "status", "theme", "applicantType", "land", "pageSize", "continuationToken", "code"], StringComparer.Ordinal).ToList();
        errors.AddRange(unknown.Select(k => new ValidationError(k, "Unknown query parameter. Known: funder, status, theme, applicantType, land, pageSize, continuationToken.")));
        var filter = new ProgrammeFilter
        {
            Funder = Single(query, "funder"),
            Status = ParseEnum<ProgrammeStatus>(query, "status", errors),
            Theme = Single(query, "theme"),
            ApplicantType = ParseEnum<OrganisationType>(query, "applicantType", errors),
            Land = Single(query, "land"),
        };
        if (filter.Theme is not null && !Themes.IsKnown(filter.Theme))
        {
            errors.Add(new("theme", $"Unknown theme '{filter.Theme}'."));
        }
        if (filter.Land is not null && !Geo.Instance.IsLand(filter.Land))
        {
            errors.Add(new("land", $"'{filter.Land}' is not a Land code such as DE-NW."));
        }
        var pageSize = DefaultPageSize;
        if (Single(query, "pageSize") is { } sizeText && (!int.TryParse(sizeText, out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
        {
            errors.Add(new("pageSize", $"Must be a number from 1 to {MaxPageSize}."));
        }
        string? after = null;
        if (Single(query, "continuationToken") is { } token && !TryDecodeToken(token, out after))
        {
            errors.Add(new("continuationToken", "Not a token this API issued; start again without it."));
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var current = await catalogue.GetAsync(cancellationToken);
        if (current.NeverLoaded)
        {
            return Problems.CatalogueNotLoaded();
        }
        var matching = current.Snapshot.Programmes
            .Where(p => after is null || string.CompareOrdinal(p.Id, after) > 0)
            .Where(filter.Matches)
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Take(pageSize + 1)
            .ToList();
        var page = matching.Take(pageSize).ToList();
        var next = matching.Count > pageSize ? EncodeToken(page[^1].Id) : null;
        return new OkObjectResult(new ProgrammePage(page, next, current.Snapshot.Version));
    }

    [Function("GetProgramme")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/programmes/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var current = await catalogue.GetAsync(cancellationToken);
        if (current.NeverLoaded)
        {
            return Problems.CatalogueNotLoaded();
        }
        if (!current.ById.TryGetValue(id, out var stored))
        {
            return NoSuchProgramme(id);
        }
        request.HttpContext.Response.Headers.ETag = stored.ETag;
        return new OkObjectResult(stored.Programme);
    }

    [Function("ProgrammeHistory")]
    public async Task<IActionResult> History(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/programmes/{id}/history")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (!ProgrammeValidator.IdPattern().IsMatch(id))
        {
            return NoSuchProgramme(id);
        }
        return await Storing(async () =>
        {
            var versions = await store.HistoryAsync(id, cancellationToken);
            return versions.Count == 0
                ? NoSuchProgramme(id)
                : new OkObjectResult(versions.Select(v => new HistoryEntry(v.Revision, ProgrammeETag.Of(v.Revision), v.Origin, v.CommittedAt, v.Archived, v.Programme)).ToList());
        });
    }

    [Function("PutProgramme")]
    public async Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/programmes/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (!ProgrammeValidator.IdPattern().IsMatch(id))
        {
            return Problems.Validation("id", "An id is 2 to 64 characters: lower-case letters, digits and underscores.");
        }
        var body = await RequestBody.ReadAsync<Programme>(request, MaxProgrammeBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var programme = body.Value!;
        var errors = ProgrammeValidator.Validate(programme).ToList();
        if (programme.Id != id)
        {
            errors.Add(new("id", $"The body's id '{Truncate(programme.Id)}' differs from the id in the URL '{id}'."));
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var ifMatch = IfMatch(request);
        return await Storing(async () =>
        {
            var result = await store.PutAsync(programme, ifMatch, cancellationToken);
            catalogue.Accept(result.Catalogue);
            switch (result.Status)
            {
                case WriteStatus.PreconditionRequired:
                    return Problems.PreconditionRequired(id);
                case WriteStatus.PreconditionFailed:
                    return Problems.PreconditionFailed(id);
            }
            logger.LogInformation("Programme {ProgrammeId} {Status} at revision {Revision}.", id, result.Status, result.Programme!.Revision);
            request.HttpContext.Response.Headers.ETag = result.Programme.ETag;
            return result.Status == WriteStatus.Created
                ? new ObjectResult(result.Programme.Programme) { StatusCode = StatusCodes.Status201Created }
                : new OkObjectResult(result.Programme.Programme);
        });
    }

    [Function("DeleteProgramme")]
    public async Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "api/programmes/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (!ProgrammeValidator.IdPattern().IsMatch(id))
        {
            return NoSuchProgramme(id);
        }
        var ifMatch = IfMatch(request);
        return await Storing(async () =>
        {
            var result = await store.ArchiveAsync(id, ifMatch, cancellationToken);
            catalogue.Accept(result.Catalogue);
            switch (result.Status)
            {
                case WriteStatus.NotFound:
                    return NoSuchProgramme(id);
                case WriteStatus.PreconditionFailed:
                    return Problems.PreconditionFailed(id);
            }
            logger.LogInformation("Programme {ProgrammeId} archived.", id);
            return new NoContentResult();
        });
    }

    [Function("ImportCatalogue")]
    public async Task<IActionResult> Import(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/programmes/import")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var dryRunText = request.Query["dryRun"].ToString();
        if (dryRunText.Length > 0 && dryRunText is not ("true" or "false"))
        {
            return Problems.Validation("dryRun", "Must be true or false.");
        }
        var dryRun = dryRunText == "true";
        var body = await RequestBody.ReadAsync<CatalogueDocument>(request, MaxImportBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        if (body.Value!.Programmes.Count > MaxImportProgrammes)
        {
            // Checked before validating: a file of millions of empty objects must not become millions of errors.
            return Problems.Validation("programmes", $"A catalogue has at most {MaxImportProgrammes} programmes; this one has {body.Value.Programmes.Count}.");
        }
        if (body.Value.Programmes.Count == 0)
        {
            // An import replaces the catalogue: an empty file would archive every programme.
            return Problems.Validation("programmes", "The catalogue is empty; an import needs at least one programme. Archive programmes one by one with DELETE.");
        }
        var errors = ProgrammeValidator.ValidateCatalogue(body.Value);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors, $"The catalogue has {errors.Count} error(s); nothing was imported.");
        }
        return await Storing(async () =>
        {
            var result = await store.ImportAsync(body.Value!.Programmes, dryRun, cancellationToken);
            if (result.Committed)
            {
                catalogue.Accept(result.Catalogue);
                logger.LogInformation("Catalogue imported as generation {Generation}: {Added} added, {Changed} changed, {Archived} archived.",
                    result.Catalogue.Generation, result.Changes.Added.Count, result.Changes.Changed.Count, result.Changes.Archived.Count);
            }
            return new OkObjectResult(new ImportReport(dryRun, result.Committed, result.Catalogue.Version, result.Changes));
        });
    }

    /// <summary>Maps storage faults to answers that tell the caller nothing was written and when to retry.</summary>
    private static async Task<IActionResult> Storing(Func<Task<IActionResult>> write)
    {
        try
        {
            return await write();
        }
        catch (StorageUnavailableException)
        {
            var problem = Problems.StorageUnavailable();
            return new RetryAfterResult(problem, seconds: 10);
        }
        catch (WriteConflictException e)
        {
            return Problems.Conflict(e.Message);
        }
    }

    private static string? IfMatch(HttpRequest request) =>
        request.Headers.IfMatch.Count == 0 ? null : request.Headers.IfMatch.ToString().Trim().Replace("W/", string.Empty, StringComparison.Ordinal);

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    private static T? ParseEnum<T>(IQueryCollection query, string name, List<ValidationError> errors) where T : struct, Enum
    {
        if (Single(query, name) is not { } text)
        {
            return null;
        }
        foreach (var value in Enum.GetValues<T>())
        {
            if (EnumCodes.Of(value) == text)
            {
                return value;
            }
        }
        errors.Add(new(name, $"Unknown value '{Truncate(text)}'. Allowed: {string.Join(", ", EnumCodes.All<T>())}."));
        return null;
    }

    private static string EncodeToken(string lastId) => Convert.ToBase64String(Encoding.UTF8.GetBytes("after:" + lastId));

    private static bool TryDecodeToken(string token, out string? after)
    {
        after = null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("after:", StringComparison.Ordinal) && ProgrammeValidator.IdPattern().IsMatch(text[6..]))
            {
                after = text[6..];
                return true;
            }
        }
        catch (FormatException)
        {
        }
        return false;
    }

    private static IActionResult NoSuchProgramme(string id) => Problems.NotFound($"There is no programme '{Truncate(id)}'.");

    private static string Truncate(string? value) => value is null ? "" : value.Length <= 64 ? value : value[..64] + "…";
}
