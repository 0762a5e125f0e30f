using System.Net;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.IntegrationTests;

/// <summary>Curation over HTTP: admin key enforced, ETags, archive and import; each test on its own tables.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CurationApiTests(AzuriteFixture azurite)
{
    private static async Task<(JObject Programme, string ETag)> GetAsync(DevHostServer server, string id)
    {
        var response = await server.Client.GetAsync($"/api/programmes/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((JObject)await response.ReadJsonAsync(), response.Headers.ETag!.ToString());
    }

    private static HttpRequestMessage Put(string id, JToken body) =>
        new(HttpMethod.Put, $"/api/programmes/{id}") { Content = Http.Json(body) };

    [Fact]
    public async Task Writes_without_the_admin_key_or_with_a_wrong_one_are_refused()
    {
        await using var server = await DevHostServer.StartAsync(azurite);
        var (programme, etag) = await GetAsync(server, "feb");

        var attempts = new[]
        {
            Put("feb", programme).WithIfMatch(etag),
            Put("feb", programme).WithIfMatch(etag).WithKey("wrong-key"),
            new HttpRequestMessage(HttpMethod.Delete, "/api/programmes/feb"),
            new HttpRequestMessage(HttpMethod.Delete, "/api/programmes/feb?code=wrong-key"),
            new HttpRequestMessage(HttpMethod.Post, "/api/programmes/import") { Content = Http.Json("""{"programmes":[]}""") },
        };
        foreach (var attempt in attempts)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(attempt)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/programmes/feb")).StatusCode);
    }

    [Fact]
    public async Task An_update_needs_the_current_etag_and_the_match_sees_it_at_once()
    {
        await using var server = await DevHostServer.StartAsync(azurite);
        var (programme, etag) = await GetAsync(server, "muenster_ki_projektfoerderung");
        programme["name"]!["en"] = "KI project grants renamed by a curator";

        var withoutIfMatch = await server.Client.SendAsync(Put("muenster_ki_projektfoerderung", programme).WithKey(DevHostServer.FunctionKey));
        var accepted = await server.Client.SendAsync(Put("muenster_ki_projektfoerderung", programme).WithIfMatch(etag).WithKey(DevHostServer.FunctionKey));
        programme["name"]!["en"] = "A second curator";
        var stale = await server.Client.SendAsync(Put("muenster_ki_projektfoerderung", programme).WithIfMatch(etag).WithKey(DevHostServer.FunctionKey));

        Http.AssertProblem(withoutIfMatch, 428, await withoutIfMatch.ReadJsonAsync());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.NotEqual(etag, accepted.Headers.ETag!.ToString());
        Http.AssertProblem(stale, 412, await stale.ReadJsonAsync());
        var match = await (await server.Client.PostAsync("/api/match", Http.Json(Http.MuensterMso))).ReadJsonAsync();
        Assert.Contains(match["results"]!, r => (string)r["name"]! == "KI project grants renamed by a curator");
    }

    [Fact]
    public async Task An_invalid_programme_is_refused_with_every_field_named()
    {
        await using var server = await DevHostServer.StartAsync(azurite);
        var (programme, etag) = await GetAsync(server, "feb");
        var amount = programme["criteria"]!.First(c => (string)c["kind"]! == "amount");
        amount["minEur"] = 50000;
        amount["firstTimeMaxEur"] = 20000;
        programme["criteria"]!.First(c => (string)c["kind"]! == "applicant_seat")["regions"] = new JArray("DE-XX");

        var response = await server.Client.SendAsync(Put("feb", programme).WithIfMatch(etag).WithKey(DevHostServer.FunctionKey));
        var body = await response.ReadJsonAsync();

        Http.AssertProblem(response, 400, body);
        var fields = body["errors"]!.Select(e => (string)e["field"]!).ToList();
        Assert.Contains(fields, f => f.EndsWith(".minEur", StringComparison.Ordinal));
        Assert.Contains(fields, f => f.EndsWith(".regions[0]", StringComparison.Ordinal));
        Assert.Equal(etag, (await GetAsync(server, "feb")).ETag);
    }

    [Fact]
    public async Task Deleting_archives_the_programme_and_keeps_its_history()
    {
        await using var server = await DevHostServer.StartAsync(azurite);

        var deleted = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/programmes/agp").WithKey(DevHostServer.FunctionKey));
        var gone = await server.Client.GetAsync("/api/programmes/agp");
        var history = await (await server.Client.GetAsync("/api/programmes/agp/history")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.True((bool)history[0]!["archived"]!);
        Assert.Equal("agp", (string)history[1]!["programme"]!["id"]!);
    }

    [Fact]
    public async Task An_import_with_one_bad_programme_writes_nothing_and_reports_every_error()
    {
        await using var server = await DevHostServer.StartAsync(azurite);
        var catalogue = JObject.Parse(await File.ReadAllTextAsync(RepoPaths.Catalogue));
        catalogue["programmes"]![3]!["criteria"]![0]!["kind"] = "zodiac_sign";
        catalogue["programmes"]![5]!["lastVerified"] = "2026-13-01";
        catalogue["programmes"]![0]!["name"]!["en"] = "changed";
        var before = await (await server.Client.GetAsync("/api/health")).ReadJsonAsync();

        var response = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/programmes/import")
        {
            Content = Http.Json(catalogue),
        }.WithKey(DevHostServer.FunctionKey));

        var body = await response.ReadJsonAsync();
        Http.AssertProblem(response, 400, body);
        Assert.True(body["errors"]!.Any(e => ((string)e["field"]!).StartsWith("programmes[3].criteria[0]", StringComparison.Ordinal)), body.ToString());
        var after = await (await server.Client.GetAsync("/api/health")).ReadJsonAsync();
        Assert.Equal((string)before["catalogue"]!["version"]!, (string)after["catalogue"]!["version"]!);
        Assert.NotEqual("changed", (string)(await GetAsync(server, (string)catalogue["programmes"]![0]!["id"]!)).Programme["name"]!["en"]!);
    }

    [Fact]
    public async Task A_dry_run_import_reports_what_would_change()
    {
        await using var server = await DevHostServer.StartAsync(azurite);
        var catalogue = JObject.Parse(await File.ReadAllTextAsync(RepoPaths.Catalogue));
        var programmes = (JArray)catalogue["programmes"]!;
        var removed = (string)programmes[^1]!["id"]!;
        programmes.RemoveAt(programmes.Count - 1);
        programmes[0]!["name"]!["en"] = "changed";

        var response = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/programmes/import?dryRun=true")
        {
            Content = Http.Json(catalogue),
        }.WithKey(DevHostServer.FunctionKey));

        var report = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((bool)report["committed"]!);
        Assert.Equal([removed], report["changes"]!["archived"]!.Select(t => (string)t!));
        Assert.Equal([(string)programmes[0]!["id"]!], report["changes"]!["changed"]!.Select(t => (string)t!));
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync($"/api/programmes/{removed}")).StatusCode);
    }

    [Fact]
    public async Task Cors_allows_the_configured_origin_only()
    {
        var server = await azurite.ReadOnlyServerAsync();

        async Task<HttpResponseMessage> Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/api/match");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type");
            return await server.Client.SendAsync(request);
        }

        var allowed = await Preflight(DevHostServer.AllowedOrigin);
        var refused = await Preflight("https://elsewhere.example");

        Assert.Equal(DevHostServer.AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
