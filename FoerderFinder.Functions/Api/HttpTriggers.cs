using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace FoerderFinder.Functions.Api;

/// <summary>An HTTP-triggered function as its attributes declare it; the route is without host.json's prefix.</summary>
public sealed record HttpTriggeredFunction(string Name, string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel, MethodInfo Method);

/// <summary>The app's [Function] methods with an [HttpTrigger], read the way the Functions host reads them.</summary>
public static class HttpTriggers
{
    public static IReadOnlyList<HttpTriggeredFunction> Find(Assembly assembly) =>
        [.. from type in assembly.GetExportedTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            let function = method.GetCustomAttribute<FunctionAttribute>()
            let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)
            where function is not null && trigger is not null
            select new HttpTriggeredFunction(
                function.Name,
                trigger.Route ?? function.Name,
                [.. (trigger.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant())],
                trigger.AuthLevel,
                method)];
}
