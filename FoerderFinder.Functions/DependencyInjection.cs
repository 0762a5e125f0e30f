using Azure.Data.Tables;
using FoerderFinder.Domain.Json;
using FoerderFinder.Functions.Functions;
using FoerderFinder.Functions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FoerderFinder.Functions;

/// <summary>The one registration of the app's services, called by the Functions host and the DevHost alike.</summary>
public static class DependencyInjection
{
    public const string ConnectionStringName = "CatalogueStorage";

    public static IServiceCollection AddFoerderFinder(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMvcCore().AddNewtonsoftJson(options => FoerderFinderJson.ConfigureAll(options.SerializerSettings));
        services.TryAddSingleton(TimeProvider.System);

        var connectionString = configuration[ConnectionStringName]
            ?? configuration.GetConnectionString(ConnectionStringName)
            ?? configuration["AzureWebJobsStorage"]
            ?? throw new InvalidOperationException($"Set the app setting {ConnectionStringName} to the Table Storage connection string.");
        services.TryAddSingleton(_ => new TableServiceClient(connectionString));

        var catalogue = configuration.GetSection("Catalogue");
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
}
