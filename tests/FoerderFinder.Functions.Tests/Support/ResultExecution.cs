using FoerderFinder.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FoerderFinder.Functions.Tests.Support;

public sealed record ExecutedResult(int Status, string? ContentType, string Body, IHeaderDictionary Headers);

/// <summary>Runs an IActionResult the way the host does, with the app's own registrations, and captures the response.</summary>
public static class ResultExecution
{
    private static readonly Lazy<IServiceProvider> AppServices = new(() => CreateAppServices().BuildServiceProvider());

    public static IServiceProvider Services => AppServices.Value;

    /// <summary>The app's registrations, as Program.cs makes them; nothing touches storage until a store method is called.</summary>
    public static IServiceCollection CreateAppServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DependencyInjection.ConnectionStringName] = "UseDevelopmentStorage=true" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFoerderFinder(configuration);
        return services;
    }

    /// <summary>Executes into <paramref name="context"/> (the request's own, so headers a function set are kept) or a new one.</summary>
    public static async Task<ExecutedResult> ExecuteAsync(IActionResult result, HttpContext? context = null)
    {
        context ??= new DefaultHttpContext();
        context.RequestServices = Services;
        var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return new ExecutedResult(
            context.Response.StatusCode,
            context.Response.ContentType,
            System.Text.Encoding.UTF8.GetString(body.ToArray()),
            context.Response.Headers);
    }
}
