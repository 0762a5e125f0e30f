using Microsoft.AspNetCore.Mvc;

namespace FoerderFinder.Functions.Api;

/// <summary>A problem answer with a Retry-After header.</summary>
public sealed class RetryAfterResult(ObjectResult inner, int seconds) : IActionResult
{
    public ObjectResult Inner { get; } = inner;
    public int Seconds { get; } = seconds;

    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.Headers.RetryAfter = Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Inner.ExecuteResultAsync(context);
    }
}
