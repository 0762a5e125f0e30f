using System.Text;
using FoerderFinder.IntegrationTests;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.RobustnessTests.Support;

/// <summary>One malformed or hostile request and, where it is certain, the status it must get.</summary>
public sealed record HostileCase(
    string Category,
    string Name,
    string Method,
    string Path,
    byte[]? Body,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    bool WithKey,
    int? ExpectedStatus,
    bool HostLevel)
{
    public override string ToString() => $"[{Category}] {Name}: {Method} {(Path.Length > 80 ? Path[..80] + "…" : Path)}";
}

/// <summary>
/// The corpus: hand-picked cases from hostile-requests.json (body as text, as JSON, or as base64 for
/// bytes that are not UTF-8) plus systematic ones generated here (every profile field with every wrong
/// type, deep nesting, oversize bodies).
/// </summary>
public static class HostileCorpus
{
    public static string File => Path.Combine(AppContext.BaseDirectory, "hostile-requests.json");

    public static IReadOnlyList<HostileCase> All() => [.. FromFile(), .. WrongTypes(), .. DeepNesting(), .. Oversize()];

    public static IEnumerable<HostileCase> FromFile()
    {
        foreach (var item in JArray.Parse(System.IO.File.ReadAllText(File)).Cast<JObject>())
        {
            byte[]? body = null;
            if (item["bodyBase64"] is { } base64)
            {
                body = Convert.FromBase64String((string)base64!);
            }
            else if (item["body"] is { } text)
            {
                body = Encoding.UTF8.GetBytes((string)text!);
            }
            else if (item["json"] is { } json)
            {
                body = Encoding.UTF8.GetBytes(json.ToString(Formatting.None));
            }
            var contentType = item["contentType"] is { } ct ? (string)ct! : body is null ? null : "application/json";
            yield return new HostileCase(
                (string)item["category"]!,
                (string)item["name"]!,
                (string)item["method"]!,
                (string)item["path"]!,
                body,
                string.IsNullOrEmpty(contentType) ? null : contentType,
                item["headers"]?.ToObject<Dictionary<string, string>>() ?? [],
                (bool?)item["key"] ?? false,
                (int?)item["status"],
                (bool?)item["hostLevel"] ?? false);
        }
    }

    /// <summary>Every field of a match request with values of every JSON type but its own.</summary>
    public static IEnumerable<HostileCase> WrongTypes()
    {
        string[] fields =
        [
            "organisation.type", "organisation.migrantLed", "organisation.charitable", "organisation.foundedYear", "organisation.state",
            "organisation.municipality", "organisation.volunteerRun", "organisation.firstTimeApplicant", "organisation.partnerCooperationYears",
            "project.location", "project.state", "project.municipality", "project.countries", "project.themes", "project.requestedAmountEur",
            "project.ownContributionPercent", "project.plannedStart", "project.durationMonths",
            "organisation", "project", "language", "asOf", "limit", "includeNotEligible",
        ];
        (string Name, JToken Value)[] values =
        [
            ("an object", new JObject { ["a"] = 1 }), ("an array", new JArray(1, "x")), ("true", true), ("a number", 42),
            ("a fraction", 1.5m), ("a string", "text"), ("an empty string", ""), ("null", JValue.CreateNull()),
        ];
        foreach (var field in fields)
        {
            foreach (var (name, value) in values)
            {
                var document = new JObject();
                var path = field.Split('.');
                var target = document;
                foreach (var part in path[..^1])
                {
                    target[part] = target = new JObject();
                }
                target[path[^1]] = value.DeepClone();
                yield return Match("wrong-types", $"{field} as {name}", document.ToString(Formatting.None));
            }
        }
    }

    public static IEnumerable<HostileCase> DeepNesting()
    {
        yield return Match("deep-nesting", "10,000 nested arrays", new string('[', 10_000) + new string(']', 10_000), 400);
        yield return Match("deep-nesting", "10,000 unclosed arrays", new string('[', 10_000), 400);
        yield return Match("deep-nesting", "5,000 nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000), 400);
        yield return Match("deep-nesting", "40 nested organisations", string.Concat(Enumerable.Repeat("{\"organisation\":", 40)) + "{}" + new string('}', 40), 400);
        yield return Match("deep-nesting", "nesting inside a known field", "{\"project\":{\"themes\":" + new string('[', 5_000) + new string(']', 5_000) + "}}", 400);
        yield return Match("deep-nesting", "nesting inside a string value position", "{\"language\":" + new string('[', 3_000) + "\"de\"" + new string(']', 3_000) + "}", 400);
        var deepImport = "{\"programmes\":[" + string.Concat(Enumerable.Repeat("{\"criteria\":[", 2_000)) + string.Concat(Enumerable.Repeat("]}", 2_000)) + "]}";
        yield return Admin("deep-nesting", "deeply nested import", "POST", "/api/programmes/import?dryRun=true", deepImport, 400);
        yield return Admin("deep-nesting", "deeply nested programme", "PUT", "/api/programmes/feb", "{\"criteria\":" + new string('[', 5_000) + new string(']', 5_000) + "}", 400);
    }

    public static IEnumerable<HostileCase> Oversize()
    {
        yield return Match("oversize", "70 KB of whitespace", "{" + new string(' ', 70 * 1024) + "}", 413);
        yield return Match("oversize", "a 200 KB municipality", "{\"organisation\":{\"municipality\":\"" + new string('x', 200 * 1024) + "\"}}", 413);
        yield return Match("oversize", "a 60 KB municipality (within the body limit)", "{\"organisation\":{\"municipality\":\"" + new string('x', 60 * 1024) + "\"}}", 400);
        yield return Match("oversize", "5,000 themes (within the body limit)", "{\"project\":{\"themes\":[" + string.Join(",", Enumerable.Repeat("\"x\"", 5_000)) + "]}}", 400);
        yield return Match("oversize", "a 1 MB body", "{\"limit\":1," + "\"pad\":\"" + new string('x', 1024 * 1024) + "\"}", 413);
        yield return Admin("oversize", "a 300 KB programme", "PUT", "/api/programmes/feb", "{\"id\":\"feb\",\"pad\":\"" + new string('x', 300 * 1024) + "\"}", 413);
        yield return Admin("oversize", "a 17 MB import", "POST", "/api/programmes/import?dryRun=true", "{\"programmes\":[" + string.Join(",", Enumerable.Repeat("{}", 6 * 1024 * 1024)) + "]}", 413);
        yield return Admin("oversize", "an import of a million empty programmes", "POST", "/api/programmes/import?dryRun=true", "{\"programmes\":[" + string.Join(",", Enumerable.Repeat("{}", 1_000_000)) + "]}", 400);
        yield return Admin("oversize", "an import of 2,001 empty programmes", "POST", "/api/programmes/import", "{\"programmes\":[" + string.Join(",", Enumerable.Repeat("{}", 2_001)) + "]}", 400);
        yield return Admin("oversize", "an import of 1,500 empty programmes (many errors)", "POST", "/api/programmes/import", "{\"programmes\":[" + string.Join(",", Enumerable.Repeat("{}", 1_500)) + "]}", 400);
    }

    private static HostileCase Match(string category, string name, string body, int? status = null) =>
        new(category, name, "POST", "/api/match", Encoding.UTF8.GetBytes(body), "application/json", new Dictionary<string, string>(), false, status, false);

    private static HostileCase Admin(string category, string name, string method, string path, string body, int? status = null) =>
        new(category, name, method, path, Encoding.UTF8.GetBytes(body), "application/json", new Dictionary<string, string>(), true, status, false);

    /// <summary>The request as sent: the path exactly as written, so "/../" and "%2e%2e" reach the server unchanged.</summary>
    public static HttpRequestMessage ToRequest(HostileCase c, Uri server, string key)
    {
        var uri = new Uri(server.GetLeftPart(UriPartial.Authority) + c.Path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(new HttpMethod(c.Method), uri);
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(c.Body);
            if (c.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
            }
        }
        foreach (var (name, value) in c.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        if (c.WithKey)
        {
            request.Headers.Add("x-functions-key", key);
        }
        return request;
    }
}
