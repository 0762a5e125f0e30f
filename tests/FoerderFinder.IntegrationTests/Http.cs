using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.IntegrationTests;

internal static class Http
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JToken json) => Json(json.ToString());

    public static async Task<JToken> ReadJsonAsync(this HttpResponseMessage response) =>
        JToken.Parse(await response.Content.ReadAsStringAsync());

    public static HttpRequestMessage WithKey(this HttpRequestMessage request, string key)
    {
        request.Headers.Add("x-functions-key", key);
        return request;
    }

    public static HttpRequestMessage WithIfMatch(this HttpRequestMessage request, string etag)
    {
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return request;
    }

    public static void AssertProblem(HttpResponseMessage response, int status, JToken body, string? field = null)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, (int)body["status"]!);
        Assert.StartsWith("urn:foerderfinder:problem:", (string)body["type"]!);
        if (field is not null)
        {
            Assert.True(body["errors"]!.Any(e => (string)e["field"]! == field), $"Expected an error for {field}, got {body}");
        }
    }

    public const string MuensterMso = """
        {
          "organisation": { "type": "registered_association", "migrantLed": true, "charitable": true,
                            "state": "DE-NW", "municipality": "Münster", "volunteerRun": true, "firstTimeApplicant": true },
          "project": { "location": "germany", "municipality": "Münster", "themes": ["integration", "culture"],
                       "requestedAmountEur": 3000, "ownContributionPercent": 10, "plannedStart": "2027-05-01", "durationMonths": 6 },
          "language": "en", "asOf": "2026-11-24", "limit": 10
        }
        """;
}
