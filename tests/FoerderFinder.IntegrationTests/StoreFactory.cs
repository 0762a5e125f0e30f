using Azure.Data.Tables;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Functions.Storage;

namespace FoerderFinder.IntegrationTests;

internal static class StoreFactory
{
    public static TableCatalogueStore Create(AzuriteFixture azurite, string? prefix = null) =>
        new(new TableServiceClient(azurite.ConnectionString), new StorageOptions { TablePrefix = prefix ?? UniquePrefix() });

    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    private static readonly Lazy<IReadOnlyList<Programme>> RealCatalogue = new(() =>
    {
        var parsed = CatalogueFile.Load(RepoPaths.Catalogue);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Take(5)));
        return parsed.Document!.Programmes;
    });

    public static IReadOnlyList<Programme> Catalogue => RealCatalogue.Value;

    public static Programme Programme(string id) => Catalogue.Single(p => p.Id == id);
}
