using Azure.Data.Tables;
using FoerderFinder.Functions.Storage;
using FoerderFinder.IntegrationTests;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.RobustnessTests.Support;

/// <summary>Everything a test can see of a server's catalogue: what the API serves and what storage holds.</summary>
public sealed record CatalogueState(string Version, IReadOnlyList<string> Programmes, IReadOnlyDictionary<string, int> RowsPerTable)
{
    public static async Task<CatalogueState> ReadAsync(DevHostServer server, AzuriteFixture azurite)
    {
        var health = await (await server.Client.GetAsync("/api/health")).ReadJsonAsync();
        var programmes = new List<string>();
        string? token = null;
        do
        {
            var url = "/api/programmes?pageSize=100" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = await (await server.Client.GetAsync(url)).ReadJsonAsync();
            programmes.AddRange(page["items"]!.Select(p => p.ToString(Newtonsoft.Json.Formatting.None)));
            token = (string?)page["continuationToken"];
        }
        while (token is not null);
        return new CatalogueState((string)health["catalogue"]!["version"]!, programmes, await CountRowsAsync(server, azurite));
    }

    /// <summary>Rows in every table of the server's prefix: a write of any kind changes a count.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CountRowsAsync(DevHostServer server, AzuriteFixture azurite)
    {
        var prefix = server.Services.GetRequiredService<StorageOptions>().TablePrefix;
        var service = new TableServiceClient(azurite.ConnectionString);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var rows = 0;
            await foreach (var _ in service.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                rows++;
            }
            counts[table.Name] = rows;
        }
        return counts;
    }

    public void AssertSameAs(CatalogueState before)
    {
        Assert.Equal(before.Version, Version);
        Assert.Equal(before.Programmes.Count, Programmes.Count);
        Assert.Equal(before.Programmes, Programmes);
        Assert.Equal(before.RowsPerTable, RowsPerTable);
    }
}
