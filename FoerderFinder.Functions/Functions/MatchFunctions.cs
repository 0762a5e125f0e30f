using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;
using FoerderFinder.Functions.Api;
using FoerderFinder.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FoerderFinder.Functions.Functions;

/// <summary>POST /api/match: which programmes fit this organisation and project, and why.</summary>
public sealed class MatchFunctions(CatalogueCache catalogue, TimeProvider clock)
{
    public const long MaxBodyBytes = 64 * 1024;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 200;

    // The profile is never logged or stored: it describes an organisation that did not ask to be recorded.
    [Function("Match")]
    public async Task<IActionResult> Match(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/match")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync<MatchRequest>(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var input = body.Value!;
        var asOf = input.AsOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var profile = input.ToProfile();
        var errors = ProfileValidator.Validate(profile, asOf).ToList();
        if (input.Limit is < 1 or > MaxLimit)
        {
            errors.Add(new("limit", $"Must be between 1 and {MaxLimit}."));
        }
        if (input.AsOf is { } day && (day.Year < 2000 || day.Year > 2100))
        {
            errors.Add(new("asOf", "Must lie between 2000 and 2100."));
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var current = await catalogue.GetAsync(cancellationToken);
        if (current.NeverLoaded)
        {
            // An empty answer would look like "nothing fits you".
            return Problems.CatalogueNotLoaded();
        }
        var language = input.Language ?? Language.De;
        var result = Matcher.Match(current.Snapshot, profile, new MatchOptions
        {
            AsOf = asOf,
            Limit = input.Limit ?? DefaultLimit,
            IncludeNotEligible = input.IncludeNotEligible ?? false,
        });
        return new OkObjectResult(new MatchAnswer(result, language, current.MayBeStale));
    }
}
