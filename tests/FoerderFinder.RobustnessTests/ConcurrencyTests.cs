using System.Net;
using FoerderFinder.IntegrationTests;
using FoerderFinder.RobustnessTests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace FoerderFinder.RobustnessTests;

/// <summary>Curators colliding: many writers with the same ETag at the same moment.</summary>
[Collection(RobustnessCollection.Name)]
public sealed class ConcurrencyTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Writers = 50;
    private const int Rounds = 3;

    [Fact]
    public async Task Of_50_concurrent_updates_with_one_etag_exactly_one_wins_each_round_and_every_winner_is_in_the_history()
    {
        // Fifty writers queue up in one Azurite: give each storage request time, this test is about ETags, not timeouts.
        await using var server = await DevHostServer.StartAsync(azurite, new Dictionary<string, string?> { ["Catalogue:StorageTimeoutSeconds"] = "60" });
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(90) };
        var winners = new List<string>();

        for (var round = 1; round <= Rounds; round++)
        {
            var read = await client.GetAsync("/api/programmes/feb");
            var etag = read.Headers.ETag!.ToString();
            var programme = (JObject)await read.ReadJsonAsync();
            var requests = Enumerable.Range(1, Writers).Select(writer =>
            {
                var changed = (JObject)programme.DeepClone();
                changed["name"]!["en"] = $"Round {round}, writer {writer}";
                return new HttpRequestMessage(HttpMethod.Put, "/api/programmes/feb") { Content = Responses.Json(changed.ToString()) }
                    .WithIfMatch(etag).WithKey(DevHostServer.FunctionKey);
            }).ToList();

            using var start = new ManualResetEventSlim();
            var sends = requests.Select(request => Task.Run(async () =>
            {
                start.Wait();
                var response = await client.SendAsync(request);
                return (Status: (int)response.StatusCode, Name: (string?)(response.StatusCode == HttpStatusCode.OK ? (await response.ReadJsonAsync())["name"]!["en"] : null),
                    ETag: response.Headers.ETag?.ToString(), Problems: await Responses.ProblemsAsync(response));
            })).ToList();
            start.Set();
            var answers = await Task.WhenAll(sends);

            output.WriteLine($"Round {round}: " + string.Join(", ", answers.GroupBy(a => a.Status).Select(g => $"{g.Count()} × {g.Key}")));
            Assert.Single(answers, a => a.Status == 200);
            Assert.Equal(Writers - 1, answers.Count(a => a.Status == 412));
            Assert.All(answers, a => Assert.Empty(a.Problems));
            var winner = answers.Single(a => a.Status == 200);
            Assert.NotEqual(etag, winner.ETag);
            winners.Add(winner.Name!);
            var current = await client.GetAsync("/api/programmes/feb");
            Assert.Equal(winner.ETag, current.Headers.ETag!.ToString());
            Assert.Equal(winner.Name, (string)(await current.ReadJsonAsync())["name"]!["en"]!);
        }

        var history = (JArray)await (await client.GetAsync("/api/programmes/feb/history")).ReadJsonAsync();
        var names = history.Select(v => (string?)v["programme"]?["name"]?["en"]).ToList();
        // Newest first: the winners in reverse order, then the seeded version, and no loser anywhere.
        Assert.Equal(Enumerable.Reverse(winners), names.Take(Rounds));
        Assert.Equal(Rounds + 1, history.Count);
        Assert.Equal("seed", (string)history[^1]!["origin"]!);
        Assert.Equal(history.Select(v => (long)v["revision"]!).OrderDescending(), history.Select(v => (long)v["revision"]!));
    }
}
