using System.Net;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.IntegrationTests;

/// <summary>The read side of the HTTP API, end to end: DevHost, real HTTP, Azurite, the real catalogue.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Health_reports_storage_and_the_seeded_catalogue()
    {
        var server = await azurite.ReadOnlyServerAsync();

        var response = await server.Client.GetAsync("/api/health");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (string)body["status"]!);
        Assert.True((bool)body["storage"]!["reachable"]!);
        Assert.Equal(67, (int)body["catalogue"]!["programmes"]!);
    }

    [Fact]
    public async Task A_muenster_mso_gets_ranked_programmes_with_reasons()
    {
        var server = await azurite.ReadOnlyServerAsync();

        var response = await server.Client.PostAsync("/api/match", Http.Json(Http.MuensterMso));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var results = (JArray)body["results"]!;
        Assert.NotEmpty(results);
        Assert.Equal("2026-11-24", (string)body["asOf"]!);
        Assert.False(string.IsNullOrEmpty((string)body["catalogueVersion"]!));
        var verdicts = results.Select(r => (string)r["verdict"]!).ToList();
        Assert.Equal(verdicts.OrderBy(v => v switch { "eligible" => 0, "needs_information" => 1, _ => 2 }), verdicts);
        var first = results[0];
        Assert.Equal("eligible", (string)first["verdict"]!);
        Assert.All(first["criteria"]!, c =>
        {
            Assert.Contains((string)c["outcome"]!, new[] { "met", "unknown" });
            Assert.False(string.IsNullOrWhiteSpace((string)c["message"]!));
            Assert.StartsWith("http", (string)c["source"]!["url"]!);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string)c["source"]!["verified"]!);
        });
        Assert.All(results.Where(r => (bool)r["unconfirmed"]!), r => Assert.Contains("Unconfirmed: check with the funder.", (string)r["notice"]!));
        var scores = results.Where(r => (string)r["verdict"]! == "eligible").Select(r => (int)r["score"]!).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Equal((int)first["score"]!, first["scoreBreakdown"]!.Children<JProperty>().Where(p => p.Name != "total").Sum(p => (int)p.Value));
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_naming_the_field()
    {
        var server = await azurite.ReadOnlyServerAsync();
        var cases = new (string Body, string Field)[]
        {
            ("""{"organisation":{"colour":"red"}}""", "organisation.colour"),
            ("""{"organisation":{"type":"club"}}""", "organisation.type"),
            ("""{"project":{"requestedAmountEur":-5}}""", "project.requestedAmountEur"),
            ("""{"project":{"plannedStart":"2026-02-30"}}""", "project.plannedStart"),
            ("""{"organisation":{"state":"DE-XX"}}""", "organisation.state"),
            ("""{"project":{"countries":["ZZ"]}}""", "project.countries[0]"),
            ("""{"limit":0}""", "limit"),
            ("""{"language":"fr"}""", "language"),
            ("""{"project":{"requestedAmountEur":99999999999999999999999}}""", "project.requestedAmountEur"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await server.Client.PostAsync("/api/match", Http.Json(body));
            Http.AssertProblem(response, 400, await response.ReadJsonAsync(), field);
        }
    }

    [Fact]
    public async Task A_match_body_over_64_kb_is_refused()
    {
        var server = await azurite.ReadOnlyServerAsync();
        var padding = new string(' ', 70 * 1024);

        var response = await server.Client.PostAsync("/api/match", Http.Json("{" + padding + "}"));

        Http.AssertProblem(response, 413, await response.ReadJsonAsync());
    }

    [Fact]
    public async Task Programmes_can_be_paged_through_completely()
    {
        var server = await azurite.ReadOnlyServerAsync();
        var ids = new List<string>();
        string? token = null;
        do
        {
            var url = "/api/programmes?pageSize=25" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = await (await server.Client.GetAsync(url)).ReadJsonAsync();
            ids.AddRange(page["items"]!.Select(p => (string)p["id"]!));
            token = (string?)page["continuationToken"];
        }
        while (token is not null);

        Assert.Equal(67, ids.Count);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
    }

    [Fact]
    public async Task Filtering_by_land_leaves_out_programmes_for_other_places()
    {
        var server = await azurite.ReadOnlyServerAsync();

        var bavaria = await (await server.Client.GetAsync("/api/programmes?land=DE-BY&pageSize=100")).ReadJsonAsync();
        var nrw = await (await server.Client.GetAsync("/api/programmes?land=DE-NW&pageSize=100")).ReadJsonAsync();

        var bavarianIds = bavaria["items"]!.Select(p => (string)p["id"]!).ToList();
        Assert.DoesNotContain("muenster_kez_projektfoerderung", bavarianIds);
        Assert.Contains("engagiert", bavarianIds);
        Assert.Contains("muenster_kez_projektfoerderung", nrw["items"]!.Select(p => (string)p["id"]!));
    }

    [Fact]
    public async Task One_programme_comes_with_its_etag_and_an_unknown_one_is_404()
    {
        var server = await azurite.ReadOnlyServerAsync();

        var found = await server.Client.GetAsync("/api/programmes/engagiert");
        var missing = await server.Client.GetAsync("/api/programmes/no_such_thing");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.NotNull(found.Headers.ETag);
        Assert.Equal("engagiert", (string)(await found.ReadJsonAsync())["id"]!);
        Http.AssertProblem(missing, 404, await missing.ReadJsonAsync());
    }

    [Fact]
    public async Task The_profile_schema_lists_fields_with_labels_and_values()
    {
        var server = await azurite.ReadOnlyServerAsync();

        var schema = await (await server.Client.GetAsync("/api/profile-schema")).ReadJsonAsync();

        var type = schema["fields"]!.Single(f => (string)f["field"]! == "organisation.type");
        Assert.Contains(type["values"]!, v => (string)v["value"]! == "registered_association" && ((string)v["label"]!["de"]!).Length > 0);
        Assert.Equal(18, schema["fields"]!.Count());
    }
}
