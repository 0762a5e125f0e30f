using Azure.Data.Tables;
using FoerderFinder.Domain.Json;
using FoerderFinder.Functions.Api;
using FoerderFinder.Functions.Functions;
using FoerderFinder.Functions.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FoerderFinder.Functions;

/// <summary>The one registration of the app's services, called by the Functions host and the DevHost alike.</summary>
public static class DependencyInjection
{
    public const string ConnectionStringName = "CatalogueStorage";

    public static IServiceCollection AddFoerderFinder(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMvcCore().AddNewtonsoftJson(options => FoerderFinderJson.ConfigureAll(options.SerializerSettings));
        services.AddOptions<MvcOptions>().PostConfigure<IOptions<MvcNewtonsoftJsonOptions>>((mvc, json) =>
        {
            var index = mvc.OutputFormatters.IndexOf(mvc.OutputFormatters.OfType<NewtonsoftJsonOutputFormatter>().Single());
            mvc.OutputFormatters[index] = new PooledJsonOutputFormatter(json.Value.SerializerSettings);
        });
        services.TryAddSingleton(TimeProvider.System);

        var connectionString = configuration[ConnectionStringName]
            ?? configuration.GetConnectionString(ConnectionStringName)
            ?? configuration["AzureWebJobsStorage"]
            ?? throw new InvalidOperationException($"Set the app setting {ConnectionStringName} to the Table Storage connection string.");
        var catalogue = configuration.GetSection("Catalogue");
        var timeout = TimeSpan.FromSeconds(catalogue.GetValue("StorageTimeoutSeconds", 5.0));
        services.TryAddSingleton(_ => new TableServiceClient(connectionString, StorageClientOptions(timeout)));
        services.TryAddSingleton(new StorageOptions { TablePrefix = catalogue["TablePrefix"] ?? "ff" });
        services.TryAddSingleton(new CatalogueCacheOptions
        {
            RefreshInterval = TimeSpan.FromSeconds(catalogue.GetValue("RefreshSeconds", 30.0)),
        });
        services.TryAddSingleton(new CatalogueSeederOptions
        {
            SeedOnStart = catalogue.GetValue("SeedOnStart", false),
            SeedFile = catalogue["SeedFile"] ?? Path.Combine(AppContext.BaseDirectory, "catalogue", "programmes.json"),
        });
        var web = configuration.GetSection("Web");
        services.TryAddSingleton(new WebOptions
        {
            Root = web["Root"] ?? Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            FrameAncestors = WebOptions.ParseFrameAncestors(
                [web["FrameAncestors"], .. web.GetSection("FrameAncestors").GetChildren().Select(c => c.Value)]),
        });
        services.TryAddSingleton<ICatalogueStore, TableCatalogueStore>();
        services.TryAddSingleton<CatalogueCache>();
        services.AddHostedService<CatalogueSeeder>();
        return services;
    }

    /// <summary>
    /// Fail fast when storage is down or hangs: the SDK's defaults (3 retries with exponential delay,
    /// 100 s per attempt) would hold a write or a health check for minutes. A caller gets a 503 with
    /// Retry-After instead and tries again; matching never waits for storage anyway.
    /// </summary>
    public static TableClientOptions StorageClientOptions(TimeSpan networkTimeout)
    {
        var options = new TableClientOptions();
        options.Retry.Mode = Azure.Core.RetryMode.Exponential;
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = networkTimeout;
        return options;
    }
}
