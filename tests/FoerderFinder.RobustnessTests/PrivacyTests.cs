using System.Net;
using FoerderFinder.IntegrationTests;
using FoerderFinder.RobustnessTests.Support;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.RobustnessTests;

/// <summary>
/// Profiles sent to /api/match describe organisations that did not ask to be recorded: they are
/// neither logged (not even at the lowest level) nor written to storage, and no answer leaks internals.
/// </summary>
[Collection(RobustnessCollection.Name)]
public sealed class PrivacyTests(AzuriteFixture azurite)
{
    /// <summary>Values no log line would contain by chance.</summary>
    private static readonly string[] Distinctive =
        ["Zzyzx", "zzyzx", "Qwfpgj", "98765431", "12.3457", "99887766", "2031-02-31", "DE-QQ", "Xylophon"];

    private static readonly string[] Requests =
    [
        // Valid: accepted and matched.
        """
        { "organisation": { "type": "registered_association", "municipality": "Zzyzx-Teststadt", "foundedYear": 1823, "migrantLed": true },
          "project": { "location": "germany", "municipality": "Qwfpgj-Dorf", "requestedAmountEur": 98765431, "ownContributionPercent": 12.3457,
                       "durationMonths": 117, "themes": ["integration"] },
          "language": "en", "limit": 200, "includeNotEligible": true }
        """,
        // Invalid values that the answer names and echoes back to the caller.
        """{ "organisation": { "municipality": "99887766" } }""",
        """{ "organisation": { "state": "DE-QQ", "municipality": "Zzyzx-Teststadt" } }""",
        """{ "project": { "themes": ["zzyzx_theme"], "countries": ["QQ"], "requestedAmountEur": -98765431 } }""",
        """{ "project": { "plannedStart": "2031-02-31" } }""",
        """{ "organisation": { "zzyzxField": "Xylophon" } }""",
        """{ "organisation": { "type": "Xylophon-Verein" } }""",
        """{ "organisation": { "municipality": "Zzyzx" """,
    ];

    [Fact]
    public async Task Profiles_sent_to_match_are_never_logged_at_any_level_nor_stored()
    {
        await using var server = await DevHostServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Azure.Core"] = "Trace",
            ["Logging:LogLevel:FoerderFinder"] = "Trace",
        });
        var rowsBefore = await CatalogueState.CountRowsAsync(server, azurite);
        var linesBefore = server.Logs.Lines.Count;

        var statuses = new List<HttpStatusCode>();
        foreach (var body in Requests)
        {
            var response = await server.Client.PostAsync("/api/match", Responses.Json(body));
            statuses.Add(response.StatusCode);
            Assert.Empty(await Responses.ProblemsAsync(response));
        }
        // Storage is asked in the background now and then; give a refresh the chance to log what it logs.
        await server.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.All(statuses.Skip(1), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        var lines = server.Logs.Lines.ToList();
        // The capture works at the lowest level: the request pipeline's trace and debug lines are there.
        Assert.Contains(lines.Skip(linesBefore), l => l.StartsWith("Trace ", StringComparison.Ordinal) || l.StartsWith("Debug ", StringComparison.Ordinal));
        Assert.Contains(lines.Skip(linesBefore), l => l.Contains("/api/match", StringComparison.Ordinal));
        var leaks = lines.Where(l => Distinctive.Any(d => l.Contains(d, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, "Profile values in the log:\n" + string.Join("\n", leaks));
        Assert.Equal(rowsBefore, await CatalogueState.CountRowsAsync(server, azurite));
    }

    [Fact]
    public async Task The_log_capture_would_see_a_leak()
    {
        // The same capture sees what the app logs about curation: were the app to log a profile, the test above would see it.
        await using var server = await DevHostServer.StartAsync(azurite, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" });
        var read = await server.Client.GetAsync("/api/programmes/feb");
        var feb = (JObject)await read.ReadJsonAsync();
        feb["name"]!["en"] = "Renamed for the log test";

        var put = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/programmes/feb") { Content = Responses.Json(feb.ToString()) }
            .WithIfMatch(read.Headers.ETag!.ToString()).WithKey(DevHostServer.FunctionKey));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Contains(server.Logs.Lines, l => l.Contains("FoerderFinder.Functions.Functions.ProgrammeFunctions", StringComparison.Ordinal) && l.Contains("feb", StringComparison.Ordinal));
    }
}
