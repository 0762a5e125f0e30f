using FoerderFinder.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FoerderFinder.Functions.Api;

/// <summary>An RFC 9457 problem: a stable type per kind of error, and the fields at fault.</summary>
public sealed record Problem
{
    public required string Type { get; init; }
    public required string Title { get; init; }
    public required int Status { get; init; }
    public string? Detail { get; init; }
    public IReadOnlyList<ValidationError>? Errors { get; init; }
}

public static class Problems
{
    public const string ContentType = "application/problem+json";
    // URNs: stable identifiers that need no website to resolve.
    private const string TypePrefix = "urn:foerderfinder:problem:";

    /// <summary>At most this many errors are listed, so a body full of mistakes cannot make an answer larger than itself.</summary>
    public const int MaxListedErrors = 100;

    public static ObjectResult Validation(IReadOnlyList<ValidationError> errors, string? detail = null)
    {
        detail ??= string.Join(" ", errors.Take(3).Select(e => $"{e.Field}: {e.Message}"));
        if (errors.Count > MaxListedErrors)
        {
            detail += $" The first {MaxListedErrors} of {errors.Count} errors are listed.";
            errors = errors.Take(MaxListedErrors).ToList();
        }
        return Result(StatusCodes.Status400BadRequest, "invalid-request", "The request is not valid.", detail, errors);
    }

    public static ObjectResult Validation(string field, string message) => Validation([new ValidationError(field, message)]);

    public static ObjectResult NotFound(string detail) =>
        Result(StatusCodes.Status404NotFound, "not-found", "Not found.", detail);

    public static ObjectResult PayloadTooLarge(long maxBytes) =>
        Result(StatusCodes.Status413PayloadTooLarge, "payload-too-large", "The request body is too large.",
            $"Send at most {maxBytes / 1024} KB.");

    public static ObjectResult UnsupportedMediaType() =>
        Result(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send JSON.",
            "Set Content-Type: application/json.");

    public static ObjectResult PreconditionFailed(string id) =>
        Result(StatusCodes.Status412PreconditionFailed, "stale-etag", "The programme has changed since you read it.",
            $"Programme {id} has a newer version. GET it again, apply your change, and send the new ETag in If-Match.");

    public static ObjectResult PreconditionRequired(string id) =>
        Result(StatusCodes.Status428PreconditionRequired, "if-match-required", "If-Match is required.",
            $"Programme {id} exists. Send its ETag in If-Match so that no one else's change is overwritten.");

    public static ObjectResult MethodNotAllowed(string detail) =>
        Result(StatusCodes.Status405MethodNotAllowed, "method-not-allowed", "Method not allowed.", detail);

    public static ObjectResult Conflict(string detail) =>
        Result(StatusCodes.Status409Conflict, "write-conflict", "Too many changes at once.", detail);

    public static ObjectResult StorageUnavailable(string detail = "Nothing was written. Try again in a little while.") =>
        Result(StatusCodes.Status503ServiceUnavailable, "storage-unavailable", "The catalogue storage is not reachable.", detail);

    /// <summary>503 with Retry-After: the catalogue could never be loaded, so no answer about it would be true.</summary>
    public static RetryAfterResult CatalogueNotLoaded() =>
        new(StorageUnavailable("The catalogue could not be loaded yet. Try again in a little while."), seconds: 10);

    public static ObjectResult Result(int status, string type, string title, string? detail, IReadOnlyList<ValidationError>? errors = null)
    {
        var result = new ObjectResult(new Problem { Type = TypePrefix + type, Title = title, Status = status, Detail = detail, Errors = errors })
        {
            StatusCode = status,
        };
        result.ContentTypes.Add(ContentType);
        return result;
    }
}
