using System.Net;
using FoerderFinder.DevHost;
using FoerderFinder.Functions;
using FoerderFinder.IntegrationTests;
using FoerderFinder.RobustnessTests.Support;
using Microsoft.Azure.Functions.Worker;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.RobustnessTests;

/// <summary>
/// The admin endpoints open only with the key, in both hosts: on Azure the platform enforces the
/// trigger's level as written in functions.metadata; the DevHost enforces the same level itself.
/// </summary>
[Collection(RobustnessCollection.Name)]
public sealed class AdminKeyTests(AzuriteFixture azurite)
{
    private static readonly string[] AdminFunctions = ["PutProgramme", "DeleteProgramme", "ImportCatalogue"];

    private static IEnumerable<(string Name, Func<HttpRequestMessage> Request)> AdminRequests(string query = "")
    {
        var separator = query.Length == 0 ? "" : "?" + query;
        var importSeparator = query.Length == 0 ? "?dryRun=true" : "?dryRun=true&" + query;
        yield return ("PUT", () => new HttpRequestMessage(HttpMethod.Put, "/api/programmes/feb" + separator) { Content = Responses.Json("""{"id":"feb"}""") }.WithIfMatch("\"r1\""));
        yield return ("DELETE", () => new HttpRequestMessage(HttpMethod.Delete, "/api/programmes/agp" + separator));
        yield return ("import", () => new HttpRequestMessage(HttpMethod.Post, "/api/programmes/import" + separator) { Content = Responses.Json("""{"programmes":[]}""") });
        yield return ("dry-run import", () => new HttpRequestMessage(HttpMethod.Post, "/api/programmes/import" + importSeparator) { Content = Responses.Json("""{"programmes":[]}""") });
    }

    /// <summary>Ways of presenting no key or a wrong one.</summary>
    private static IEnumerable<(string Name, string Query, Action<HttpRequestMessage> Present)> WrongKeys(string key)
    {
        yield return ("no key", "", _ => { });
        yield return ("empty header", "", r => r.Headers.TryAddWithoutValidation("x-functions-key", ""));
        yield return ("wrong header", "", r => r.Headers.Add("x-functions-key", "wrong-key"));
        yield return ("key in upper case", "", r => r.Headers.Add("x-functions-key", key.ToUpperInvariant()));
        // (Leading and trailing blanks are not part of a header value in HTTP, so "key " is the key.)
        yield return ("key with a blank inside", "", r => r.Headers.TryAddWithoutValidation("x-functions-key", key[..4] + " " + key[4..]));
        yield return ("two keys, both wrong", "", r => r.Headers.TryAddWithoutValidation("x-functions-key", ["wrong-1", "wrong-2"]));
        yield return ("key cut short", "", r => r.Headers.Add("x-functions-key", key[..^1]));
        yield return ("key with one more character", "", r => r.Headers.Add("x-functions-key", key + "x"));
        yield return ("key as a bearer token", "", r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key));
        yield return ("key in another header", "", r => r.Headers.Add("x-api-key", key));
        yield return ("empty code", "code=", _ => { });
        yield return ("wrong code", "code=wrong-key", _ => { });
        yield return ("key under another parameter", "key=" + key, _ => { });
    }

    [Fact]
    public async Task Admin_endpoints_refuse_a_missing_or_wrong_key_with_401_and_change_nothing()
    {
        await using var server = await DevHostServer.StartAsync(azurite);
        var before = await CatalogueState.ReadAsync(server, azurite);
        var failures = new List<string>();

        foreach (var (keyName, query, present) in WrongKeys(DevHostServer.FunctionKey))
        {
            foreach (var (requestName, make) in AdminRequests(query))
            {
                var request = make();
                present(request);
                var response = await server.Client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Unauthorized || body.Length != 0)
                {
                    failures.Add($"{requestName} with {keyName}: {(int)response.StatusCode} {body}");
                }
            }
        }

        Assert.Empty(failures);
        (await CatalogueState.ReadAsync(server, azurite)).AssertSameAs(before);
    }

    [Fact]
    public async Task The_right_key_opens_admin_endpoints_by_header_and_by_code()
    {
        await using var server = await DevHostServer.StartAsync(azurite);

        var catalogue = await File.ReadAllTextAsync(RepoPaths.Catalogue);
        var byHeader = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/programmes/import?dryRun=true")
        {
            Content = Responses.Json(catalogue),
        }.WithKey(DevHostServer.FunctionKey));
        var byCode = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/programmes/import?dryRun=true&code=" + DevHostServer.FunctionKey)
        {
            Content = Responses.Json(catalogue),
        });

        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byCode.StatusCode);
        Assert.False((bool)(await byCode.ReadJsonAsync())["committed"]!);
    }

    [Fact]
    public async Task A_devhost_without_a_configured_key_opens_admin_endpoints_to_no_one()
    {
        await using var server = await DevHostServer.StartAsync(azurite, new Dictionary<string, string?> { ["DevHost:FunctionKey"] = "" });

        foreach (var (requestName, make) in AdminRequests())
        {
            foreach (var key in new[] { "", " ", "null", DevHostServer.FunctionKey })
            {
                var request = make();
                request.Headers.TryAddWithoutValidation("x-functions-key", key);
                Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(request)).StatusCode);
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/programmes/feb")).StatusCode);
    }

    [Fact]
    public void On_azure_the_admin_functions_are_key_protected_and_only_they_are()
    {
        var metadata = JArray.Parse(File.ReadAllText(FunctionsMetadataPath()));
        var levels = metadata.ToDictionary(
            f => (string)f["name"]!,
            f => (string)f["bindings"]!.Single(b => (string)b["type"]! == "httpTrigger")["authLevel"]!);

        Assert.All(AdminFunctions, name => Assert.Equal("Function", levels[name]));
        Assert.All(levels.Where(l => !AdminFunctions.Contains(l.Key)), l => Assert.Equal("Anonymous", l.Value));
        // Everything that writes is an admin function: no anonymous PUT, DELETE or import.
        // The web form's catch-all takes every method only to answer them with 404 or 405; it never writes.
        foreach (var function in metadata.Where(f => (string)f["name"]! != "Web"))
        {
            var trigger = function["bindings"]!.Single(b => (string)b["type"]! == "httpTrigger");
            var methods = trigger["methods"]!.Select(m => (string)m!).ToList();
            if (methods.Contains("put") || methods.Contains("delete") || ((string)trigger["route"]!).Contains("import", StringComparison.Ordinal))
            {
                Assert.NotEqual("Anonymous", (string)trigger["authLevel"]!);
            }
        }
    }

    [Fact]
    public void The_devhost_enforces_the_same_levels_as_the_metadata_azure_reads()
    {
        var metadata = JArray.Parse(File.ReadAllText(FunctionsMetadataPath()))
            .ToDictionary(f => (string)f["name"]!, f => (string)f["bindings"]!.Single(b => (string)b["type"]! == "httpTrigger")["authLevel"]!);
        var discovered = FunctionEndpoints.Discover(typeof(DependencyInjection).Assembly, "")
            .ToDictionary(e => e.Name, e => e.AuthLevel.ToString());

        Assert.Equal(metadata.OrderBy(p => p.Key), discovered.OrderBy(p => p.Key));
        Assert.Equal(AdminFunctions.Order(), discovered.Where(p => p.Value != nameof(AuthorizationLevel.Anonymous)).Select(p => p.Key).Order());
    }

    /// <summary>The Worker SDK writes functions.metadata into the Functions project's output at build.</summary>
    private static string FunctionsMetadataPath()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var path = Path.Combine(RepoPaths.Root, "FoerderFinder.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Functions project was not built in {configuration}.");
        return path;
    }
}
