using System.Net;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Functions.Storage;
using FoerderFinder.IntegrationTests;
using FoerderFinder.RobustnessTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FoerderFinder.RobustnessTests;

/// <summary>When the app itself fails, the caller learns that it failed, and nothing about how or where.</summary>
public sealed class InternalErrorTests
{
    private const string Secret = "at /srv/secret/path/Store.cs:line 42 with AccountKey=hunter2";

    private sealed class BrokenStore : ICatalogueStore
    {
        private static Exception Fault() => new InvalidOperationException(Secret);

        public Task<long> ReadGenerationAsync(CancellationToken cancellationToken) => throw Fault();
        public Task<StoredCatalogue> LoadAsync(CancellationToken cancellationToken) => throw Fault();
        public Task<WriteResult> PutAsync(Programme programme, string? ifMatch, CancellationToken cancellationToken) => throw Fault();
        public Task<WriteResult> ArchiveAsync(string id, string? ifMatch, CancellationToken cancellationToken) => throw Fault();
        public Task<ImportResult> ImportAsync(IReadOnlyList<Programme> programmes, bool dryRun, CancellationToken cancellationToken) => throw Fault();
        public Task<bool> SeedIfEmptyAsync(IReadOnlyList<Programme> programmes, CancellationToken cancellationToken) => throw Fault();
        public Task<IReadOnlyList<ProgrammeVersion>> HistoryAsync(string id, CancellationToken cancellationToken) => throw Fault();
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_bare_500_problem_without_exception_text_stack_trace_or_path_and_the_host_stays_up()
    {
        await using var host = await RawDevHost.StartAsync(
            new Dictionary<string, string?> { ["CatalogueStorage"] = "UseDevelopmentStorage=true", ["Catalogue:SeedOnStart"] = "true" },
            services => services.AddSingleton<ICatalogueStore, BrokenStore>());
        var client = host.Client;

        var requests = new[]
        {
            new HttpRequestMessage(HttpMethod.Get, "/api/health"),
            new HttpRequestMessage(HttpMethod.Post, "/api/match") { Content = Responses.Json("{}") },
            new HttpRequestMessage(HttpMethod.Get, "/api/programmes"),
            new HttpRequestMessage(HttpMethod.Get, "/api/programmes/feb/history"),
            new HttpRequestMessage(HttpMethod.Delete, "/api/programmes/feb").WithKey(DevHostServer.FunctionKey),
        };
        foreach (var request in requests)
        {
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal(Responses.ProblemContentType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("urn:foerderfinder:problem:internal-error", (string)(await response.ReadJsonAsync())["type"]!);
            Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
            Assert.DoesNotContain("/srv/secret", body, StringComparison.Ordinal);
            Assert.Equal([$"answered 500"], Responses.Problems(500, Responses.ProblemContentType, System.Text.Encoding.UTF8.GetBytes(body), false));
        }
        // The details belong in the log, where operators look; and the failure at start did not take the host down.
        Assert.Contains(host.Logs.Lines, l => l.Contains("InvalidOperationException", StringComparison.Ordinal));
        for (var waited = 0; !host.Logs.Lines.Any(l => l.Contains("Seeding the catalogue failed", StringComparison.Ordinal)); waited += 100)
        {
            Assert.True(waited < 10_000, "The start-up failure was never logged.");
            await Task.Delay(100);
        }
        await Task.Delay(500);
        Assert.False(host.Stopping);
        Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("/api/health")).StatusCode);
    }
}
