using FoerderFinder.Domain.Profiles;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FoerderFinder.Functions.Functions;

/// <summary>GET /api/profile-schema: every profile field with its allowed values and labels.</summary>
public sealed class ProfileSchemaFunctions(TimeProvider clock)
{
    [Function("ProfileSchema")]
    public IActionResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/profile-schema")] HttpRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        return new OkObjectResult(ProfileSchema.Build(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }
}
