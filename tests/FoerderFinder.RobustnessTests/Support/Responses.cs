using System.Net.Http.Headers;
using System.Text;
using FoerderFinder.IntegrationTests;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.RobustnessTests.Support;

/// <summary>What every answer of the API must look like, whatever was sent.</summary>
public static class Responses
{
    public const string ProblemContentType = "application/problem+json";

    /// <summary>Answers the host gives before any function runs (bad HTTP, no route, wrong method, key refused) carry no body, as on Azure.</summary>
    public static readonly IReadOnlySet<int> HostLevelStatuses = new HashSet<int> { 400, 401, 404, 405, 413, 414, 431 };

    /// <summary>Text that only an exception, a stack trace or a server path would put into an answer.</summary>
    private static readonly string[] Internals =
    [
        "Exception", "   at ", ".cs:line", "Newtonsoft.", "System.", "FoerderFinder.", "Azure.", "Microsoft.",
        "StackTrace", "stackTrace", "/root/", "C:\\", "root:x:0:0", "devstoreaccount1", "AccountKey",
    ];

    /// <summary>Checks one answer; returns what is wrong with it, or nothing.</summary>
    public static IEnumerable<string> Problems(int status, string? mediaType, byte[] body, bool hostLevelAllowed)
    {
        if (status >= 500)
        {
            yield return $"answered {status}";
        }
        var text = Encoding.UTF8.GetString(body);
        foreach (var marker in Internals.Append(RepoPaths.Root))
        {
            if (text.Contains(marker, StringComparison.Ordinal))
            {
                yield return $"the answer contains '{marker}': {Excerpt(text, marker)}";
            }
        }
        if (status is >= 400 and < 500)
        {
            if (body.Length == 0)
            {
                if (!hostLevelAllowed || !HostLevelStatuses.Contains(status))
                {
                    yield return $"{status} without a problem body";
                }
                yield break;
            }
            if (mediaType != ProblemContentType)
            {
                yield return $"{status} with content type '{mediaType}' instead of {ProblemContentType}";
                yield break;
            }
            JObject? problem = null;
            string? parseError = null;
            try
            {
                problem = JObject.Parse(text);
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                parseError = e.Message;
            }
            if (problem is null)
            {
                yield return $"{status} whose body is not a JSON object: {parseError}";
                yield break;
            }
            if (problem["type"] is not JValue { Type: JTokenType.String } type || !((string)type!).StartsWith("urn:foerderfinder:problem:", StringComparison.Ordinal))
            {
                yield return $"problem without a stable type: {text}";
            }
            if (problem["title"] is not JValue { Type: JTokenType.String })
            {
                yield return $"problem without a title: {text}";
            }
            if (problem["status"] is not JValue { Type: JTokenType.Integer } statusValue || (int)statusValue != status)
            {
                yield return $"problem whose status is not {status}: {text}";
            }
        }
        else if (status is >= 200 and < 300 && status != 204 && mediaType != "application/json")
        {
            yield return $"{status} with content type '{mediaType}'";
        }
    }

    public static async Task<IReadOnlyList<string>> ProblemsAsync(HttpResponseMessage response, bool hostLevelAllowed = false)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        return Problems((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, hostLevelAllowed).ToList();
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

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

    private static string Excerpt(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        var start = Math.Max(0, at - 80);
        return text.Substring(start, Math.Min(200, text.Length - start));
    }
}
