using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using FoerderFinder.Functions.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.DevHost;

/// <summary>An HTTP-triggered function found by reflection, as the Functions host would register it.</summary>
public sealed record FunctionEndpoint(string Name, string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel, MethodInfo Method);

/// <summary>
/// Serves the app's [Function]/[HttpTrigger] methods on plain ASP.NET Core, with host.json's route
/// prefix and the trigger's authorization level enforced by key, as the Functions host does.
/// </summary>
public static class FunctionEndpoints
{
    public static IReadOnlyList<FunctionEndpoint> Discover(Assembly assembly, string routePrefix) =>
        [.. HttpTriggers.Find(assembly).Select(f =>
        {
            var full = string.IsNullOrEmpty(routePrefix) ? f.Route : $"{routePrefix.Trim('/')}/{f.Route}";
            return new FunctionEndpoint(f.Name, "/" + full.TrimStart('/'), f.Methods, f.AuthLevel, f.Method);
        })];

    /// <summary>host.json's extensions.http.routePrefix; "api" when absent, as in the Functions host.</summary>
    public static string ReadRoutePrefix(string hostJsonPath)
    {
        if (!File.Exists(hostJsonPath))
        {
            return "api";
        }
        var host = JObject.Parse(File.ReadAllText(hostJsonPath));
        return (string?)host.SelectToken("extensions.http.routePrefix") ?? "api";
    }

    public static void Map(IEndpointRouteBuilder app, IEnumerable<FunctionEndpoint> endpoints, FunctionKeys keys)
    {
        foreach (var endpoint in endpoints)
        {
            // Worked out once per function, not per request: how to create its class and what it takes.
            var create = ActivatorUtilities.CreateFactory(endpoint.Method.DeclaringType!, Type.EmptyTypes);
            var parameters = endpoint.Method.GetParameters();
            app.MapMethods(endpoint.Route, endpoint.Methods, context => InvokeAsync(context, endpoint, create, parameters, keys))
                .WithName(endpoint.Name);
        }
    }

    private static async Task InvokeAsync(HttpContext context, FunctionEndpoint endpoint, ObjectFactory create, ParameterInfo[] parameters, FunctionKeys keys)
    {
        if (!keys.Allows(endpoint.AuthLevel, context.Request))
        {
            // The Functions host answers a missing or wrong key with 401 and tells nothing more.
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        var target = create(context.RequestServices, null);
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = Bind(parameters[i], context);
        }
        var returned = endpoint.Method.Invoke(target, arguments);
        var result = returned switch
        {
            Task<IActionResult> task => await task,
            IActionResult direct => direct,
            _ => throw new InvalidOperationException($"{endpoint.Name} must return IActionResult or Task<IActionResult>."),
        };
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    private static object? Bind(ParameterInfo parameter, HttpContext context)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }
        if (parameter.ParameterType == typeof(string))
        {
            return context.GetRouteValue(parameter.Name!) as string;
        }
        throw new NotSupportedException($"The DevHost cannot bind parameter {parameter.Name} of type {parameter.ParameterType.Name}.");
    }
}

/// <summary>The keys that open Function- and Admin-level functions: x-functions-key header or ?code=.</summary>
public sealed class FunctionKeys(string? functionKey, string? masterKey)
{
    public bool Allows(AuthorizationLevel level, HttpRequest request)
    {
        if (level == AuthorizationLevel.Anonymous)
        {
            return true;
        }
        var presented = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }
        // Admin-level functions open only with the master key; function-level ones with either key.
        return Equal(presented, masterKey) || (level != AuthorizationLevel.Admin && Equal(presented, functionKey));
    }

    private static bool Equal(string presented, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
