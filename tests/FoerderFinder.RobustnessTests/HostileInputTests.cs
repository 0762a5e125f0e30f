using System.Net;
using FoerderFinder.IntegrationTests;
using FoerderFinder.RobustnessTests.Support;
using Xunit.Abstractions;

namespace FoerderFinder.RobustnessTests;

/// <summary>
/// The hostile corpus against a running DevHost. Every answer is a 2xx or a 4xx problem
/// (answers the host gives before a function runs may have no body, as on Azure), never a 5xx,
/// never a stack trace; the process stays up and the catalogue is unchanged afterwards.
/// </summary>
[Collection(RobustnessCollection.Name)]
public sealed class HostileInputTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public void The_corpus_has_at_least_200_cases_in_every_category_the_issue_names()
    {
        var corpus = HostileCorpus.All();

        Assert.True(corpus.Count >= 200, $"Only {corpus.Count} cases.");
        var categories = corpus.Select(c => c.Category).ToHashSet();
        string[] required =
        [
            "broken-json", "wrong-types", "huge-numbers", "negative-and-out-of-range", "dates", "unknown-enums", "deep-nesting",
            "oversize", "invalid-utf8", "odata-injection", "path-traversal", "content-types", "unicode",
        ];
        Assert.All(required, category => Assert.Contains(category, categories));
        var duplicates = corpus.GroupBy(c => (c.Category, c.Name)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public async Task Every_hostile_request_gets_a_2xx_or_a_4xx_problem_and_leaves_the_catalogue_unchanged()
    {
        await using var server = await DevHostServer.StartAsync(azurite);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var before = await CatalogueState.ReadAsync(server, azurite);
        var failures = new List<string>();

        foreach (var c in HostileCorpus.All())
        {
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(HostileCorpus.ToRequest(c, server.Address, DevHostServer.FunctionKey));
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{c}: no answer ({e.Message})");
                continue;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                output.WriteLine($"{status} {c}");
                if (c.ExpectedStatus is { } expected && status != expected)
                {
                    failures.Add($"{c}: expected {expected}, got {status}: {Excerpt(await response.Content.ReadAsStringAsync())}");
                }
                if (c.Category == "path-traversal" && status is < 400 or >= 500)
                {
                    failures.Add($"{c}: a traversal attempt must get a 4xx, got {status}");
                }
                failures.AddRange((await Responses.ProblemsAsync(response, c.HostLevel)).Select(p => $"{c}: {p}"));
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} answer(s) broke the rules:\n" + string.Join("\n", failures));
        var health = await server.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        (await CatalogueState.ReadAsync(server, azurite)).AssertSameAs(before);
    }

    [Fact]
    public async Task A_body_full_of_mistakes_gets_an_answer_smaller_than_itself()
    {
        await using var server = await DevHostServer.StartAsync(azurite);
        var empties = string.Join(",", Enumerable.Repeat("{}", 1_500));
        var millions = string.Join(",", Enumerable.Repeat("{}", 2_000_000));

        var many = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/programmes/import")
        {
            Content = Responses.Json("{\"programmes\":[" + empties + "]}"),
        }.WithKey(DevHostServer.FunctionKey));
        var tooMany = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/programmes/import?dryRun=true")
        {
            Content = Responses.Json("{\"programmes\":[" + millions + "]}"),
        }.WithKey(DevHostServer.FunctionKey));

        var body = await many.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Equal(100, body["errors"]!.Count());
        Assert.Matches(@"The first 100 of \d{4,} errors are listed\.", (string)body["detail"]!);
        Assert.True((await many.Content.ReadAsByteArrayAsync()).Length < 64 * 1024);
        var refused = await tooMany.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("programmes", (string)refused["errors"]!.Single()["field"]!);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/health")).StatusCode);
    }

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
