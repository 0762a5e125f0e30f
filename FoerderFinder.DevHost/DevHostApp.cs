using FoerderFinder.Functions;
using FoerderFinder.Functions.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace FoerderFinder.DevHost;

/// <summary>
/// Runs the Functions app's HTTP functions without Azure Functions Core Tools: same classes,
/// same DI registration, same route prefix, keys and CORS allowlist from configuration.
/// </summary>
public static class DevHostApp
{
    public const string DefaultUrl = "http://localhost:7071";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? DefaultUrl);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        configure?.Invoke(builder);

        builder.Services.AddFoerderFinder(builder.Configuration);
        var origins = AllowedOrigins(builder.Configuration);
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders("Content-Type", "If-Match", "x-functions-key")
            .WithExposedHeaders("ETag", "Retry-After")));

        var app = builder.Build();
        app.UseExceptionHandler(error => error.Run(WriteInternalErrorAsync));
        app.UseCors();
        var prefix = FunctionEndpoints.ReadRoutePrefix(Path.Combine(AppContext.BaseDirectory, "host.json"));
        var endpoints = FunctionEndpoints.Discover(typeof(DependencyInjection).Assembly, prefix);
        var keys = new FunctionKeys(app.Configuration["DevHost:FunctionKey"], app.Configuration["DevHost:MasterKey"]);
        FunctionEndpoints.Map(app, endpoints, keys);
        foreach (var endpoint in endpoints)
        {
            app.Logger.LogInformation("Mapped {Function}: [{Methods}] {Route} ({AuthLevel})", endpoint.Name, string.Join(",", endpoint.Methods), endpoint.Route, endpoint.AuthLevel);
        }
        return app;
    }

    /// <summary>Cors:AllowedOrigins as a list in configuration, or one comma-separated value (from the environment).</summary>
    public static string[] AllowedOrigins(IConfiguration configuration)
    {
        var section = configuration.GetSection("Cors:AllowedOrigins");
        var values = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (section.Value is { } single)
        {
            values.AddRange(single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        return values.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private static async Task WriteInternalErrorAsync(HttpContext context)
    {
        // No exception text or stack trace leaves the process; the log has them.
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("FoerderFinder.DevHost")
            .LogError(feature?.Error, "Unhandled error in {Path}", context.Request.Path);
        var result = Problems.Result(StatusCodes.Status500InternalServerError, "internal-error", "Something went wrong on our side.", null);
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }
}
