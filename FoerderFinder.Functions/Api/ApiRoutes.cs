using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;

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
        typeof(ApiRoutes).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(m => m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null))
            .Where(t => t?.Route is { } route && route.StartsWith("api/", StringComparison.Ordinal))
            .Select(t => (new TemplateMatcher(TemplateParser.Parse(t!.Route!), new RouteValueDictionary()),
                (IReadOnlyList<string>)(t.Methods ?? []).Select(m => m.ToUpperInvariant()).ToList()))
            .ToList();
}
