using FoerderFinder.Functions.Api;
using Microsoft.AspNetCore.Mvc;

namespace FoerderFinder.Functions.Tests.Support;

public static class ProblemAssert
{
    /// <summary>The result is a problem answer with this status, sent as application/problem+json.</summary>
    public static Problem Is(int status, IActionResult result)
    {
        var objectResult = Assert.IsType<ObjectResult>(result);
        Assert.Equal(status, objectResult.StatusCode);
        Assert.Contains(Problems.ContentType, objectResult.ContentTypes);
        var problem = Assert.IsType<Problem>(objectResult.Value);
        Assert.Equal(status, problem.Status);
        Assert.StartsWith("urn:foerderfinder:problem:", problem.Type);
        return problem;
    }

    /// <summary>A 400 whose errors name <paramref name="field"/>.</summary>
    public static Problem NamesField(string field, IActionResult result)
    {
        var problem = Is(400, result);
        Assert.NotNull(problem.Errors);
        Assert.Contains(field, problem.Errors!.Select(e => e.Field));
        return problem;
    }
}
