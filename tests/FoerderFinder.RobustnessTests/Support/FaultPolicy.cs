using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using FoerderFinder.Functions;
using FoerderFinder.Functions.Storage;
using FoerderFinder.IntegrationTests;

namespace FoerderFinder.RobustnessTests.Support;

/// <summary>
/// Faults injected into the Table Storage client's pipeline: a response lost after the request
/// landed (the SDK then retries), or the process dying after a number of requests.
/// </summary>
public sealed class FaultPolicy : HttpPipelinePolicy
{
    private readonly Func<HttpMessage, int, Task<bool>> _afterSend;
    private int _sent;

    /// <param name="afterSend">Called after each request with its number (from 1); true loses its response.</param>
    public FaultPolicy(Func<HttpMessage, int, Task<bool>> afterSend) => _afterSend = afterSend;

    public int Sent => _sent;

    public bool Dead { get; set; }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Dead)
        {
            throw new OperationCanceledException("The process is gone (test).");
        }
        await ProcessNextAsync(message, pipeline);
        if (await _afterSend(message, Interlocked.Increment(ref _sent)))
        {
            // What a reset connection looks like to the SDK: the request landed, its answer did not.
            throw new IOException("Connection reset before the response arrived (test).");
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The store calls storage asynchronously only.");

    public static bool IsBatch(HttpMessage message) => message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal);

    public static bool IsInsertInto(HttpMessage message, string table) =>
        message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("/" + table, StringComparison.Ordinal);

    /// <summary>A store like the app's (same retry and timeout settings) with this policy inside the retry loop.</summary>
    public static TableCatalogueStore Store(AzuriteFixture azurite, string prefix, HttpPipelinePolicy policy, HttpPipelinePosition position = HttpPipelinePosition.PerRetry)
    {
        var options = DependencyInjection.StorageClientOptions(TimeSpan.FromSeconds(5));
        options.AddPolicy(policy, position);
        return new TableCatalogueStore(new TableServiceClient(azurite.ConnectionString, options), new StorageOptions { TablePrefix = prefix });
    }

    public static TableCatalogueStore Store(AzuriteFixture azurite, string prefix) =>
        new(new TableServiceClient(azurite.ConnectionString), new StorageOptions { TablePrefix = prefix });
}
