using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace FoerderFinder.Functions.Api;

/// <summary>The app's own API routes, read from its [HttpTrigger]s, to tell a wrong method (405) from a wrong path (404).</summary>
public static class ApiRoutes
{
    private static readonly Lazy<IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)>> Routes = new(Discover);

    /// <summary>The methods the API route at <paramref name="path"/> answers; empty when no API route has that path.</summary>
    public static IReadOnlyList<string> MethodsFor(string path)
    {
        var methods = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (matcher, routeMethods) in Routes.Value)
        {
            if (matcher.TryMatch(new PathString("/" + path.TrimStart('/')), new RouteValueDictionary()))
            {
                methods.UnionWith(routeMethods);
            }
        }
        return [.. methods];
    }

    private static IReadOnlyList<(TemplateMatcher, IReadOnlyList<string>)> Discover() =>
        HttpTriggers.Find(typeof(ApiRoutes).Assembly)
            .Where(f => f.Route.StartsWith("api/", StringComparison.Ordinal))
            .Select(f => (new TemplateMatcher(TemplateParser.Parse(f.Route), new RouteValueDictionary()), f.Methods))
            .ToList();
}
