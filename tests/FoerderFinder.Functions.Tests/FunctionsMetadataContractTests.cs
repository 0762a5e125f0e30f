using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Functions.Tests;

/// <summary>
/// The Azure contract as the Worker SDK wrote it into functions.metadata (copied into this project's
/// output by the project reference), checked against what the routes must be and against the attributes.
/// </summary>
public sealed class FunctionsMetadataContractTests
{
    private sealed record Trigger(string Name, string EntryPoint, string Route, IReadOnlyList<string> Methods, string AuthLevel);

    private static readonly Lazy<IReadOnlyList<Trigger>> Metadata = new(Load);

    private static IReadOnlyList<Trigger> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Worker SDK did not generate it or it was not copied.");
        return JArray.Parse(File.ReadAllText(path)).Select(function =>
        {
            var trigger = function["bindings"]!.Single(b => (string?)b["type"] == "httpTrigger");
            return new Trigger(
                (string)function["name"]!,
                (string)function["entryPoint"]!,
                (string)trigger["route"]!,
                trigger["methods"]!.Values<string>().Select(m => m!.ToLowerInvariant()).ToList(),
                (string)trigger["authLevel"]!);
        }).ToList();
    }

    private static Trigger Function(string name) => Assert.Single(Metadata.Value, f => f.Name == name);

    [Theory]
    [InlineData("Match", "post", "api/match", "Anonymous")]
    [InlineData("ListProgrammes", "get", "api/programmes", "Anonymous")]
    [InlineData("GetProgramme", "get", "api/programmes/{id}", "Anonymous")]
    [InlineData("ProgrammeHistory", "get", "api/programmes/{id}/history", "Anonymous")]
    [InlineData("PutProgramme", "put", "api/programmes/{id}", "Function")]
    [InlineData("DeleteProgramme", "delete", "api/programmes/{id}", "Function")]
    [InlineData("ImportCatalogue", "post", "api/programmes/import", "Function")]
    [InlineData("Health", "get", "api/health", "Anonymous")]
    [InlineData("ProfileSchema", "get", "api/profile-schema", "Anonymous")]
    public void Each_function_has_its_route_method_and_auth_level(string name, string method, string route, string authLevel)
    {
        var function = Function(name);

        Assert.Equal(route, function.Route);
        Assert.Equal([method], function.Methods);
        Assert.Equal(authLevel, function.AuthLevel);
    }

    [Fact]
    public void The_metadata_lists_exactly_the_ten_public_functions()
    {
        Assert.Equal(
            ["DeleteProgramme", "GetProgramme", "Health", "ImportCatalogue", "ListProgrammes", "Match", "ProfileSchema", "ProgrammeHistory", "PutProgramme", "Web"],
            Metadata.Value.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_write_except_match_needs_a_key()
    {
        // The web function takes every method only to answer unknown paths with a 404 problem; it never writes.
        var writes = Metadata.Value.Where(f => f.Methods.Any(m => m is not ("get" or "head")) && f.Name is not ("Match" or "Web")).ToList();

        Assert.NotEmpty(writes);
        Assert.All(writes, f => Assert.NotEqual("Anonymous", f.AuthLevel));
    }

    [Fact]
    public void No_function_answers_every_method()
    {
        Assert.All(Metadata.Value, f => Assert.NotEmpty(f.Methods));
    }

    [Fact]
    public void No_two_functions_share_a_route_and_method()
    {
        var pairs = Metadata.Value.SelectMany(f => f.Methods.Select(m => $"{m} {f.Route}")).ToList();

        Assert.Equal(pairs.Count, pairs.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void The_metadata_matches_the_functions_the_assembly_declares()
    {
        var declared = typeof(DependencyInjection).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Function is not null)
            .Select(x =>
            {
                var trigger = x.Method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(t => t is not null)!;
                return new Trigger(
                    x.Function!.Name,
                    $"{x.Method.DeclaringType!.FullName}.{x.Method.Name}",
                    trigger.Route!,
                    trigger.Methods!.Select(m => m.ToLowerInvariant()).ToList(),
                    trigger.AuthLevel.ToString());
            })
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

        var generated = Metadata.Value.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(declared.Select(Describe), generated.Select(Describe));
    }

    private static string Describe(Trigger t) => $"{t.Name} {t.EntryPoint} {string.Join(",", t.Methods)} {t.Route} {t.AuthLevel}";

    [Fact]
    public void Host_json_sets_an_empty_route_prefix_because_routes_carry_api_themselves()
    {
        var host = JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));

        Assert.Equal("", (string?)host.SelectToken("extensions.http.routePrefix"));
        Assert.All(Metadata.Value.Where(f => f.Name != "Web"), f => Assert.StartsWith("api/", f.Route));
    }

    [Fact]
    public void The_web_form_is_served_anonymously_from_a_catch_all_route()
    {
        var web = Function("Web");

        Assert.Equal("{*path}", web.Route);
        Assert.Equal("Anonymous", web.AuthLevel);
        Assert.Contains("get", web.Methods);
    }

    [Fact]
    public void Worker_config_describes_a_dotnet_isolated_worker()
    {
        var config = JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "worker.config.json")));

        Assert.Equal("dotnet-isolated", (string?)config.SelectToken("description.language"));
        Assert.Equal("FoerderFinder.Functions.dll", (string?)config.SelectToken("description.defaultWorkerPath"));
    }
}
