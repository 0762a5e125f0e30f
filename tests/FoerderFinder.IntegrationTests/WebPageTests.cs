using System.Net;
using FoerderFinder.Functions.Functions;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.IntegrationTests;

/// <summary>The web form's files over HTTP: content types, caching, security headers, path traversal, and the API beside them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_site_root_serves_the_form_with_security_headers()
    {
        var server = await azurite.ReadOnlyServerAsync();

        var response = await server.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("<script src=\"app.js\" defer></script>", html);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.EndsWith("frame-ancestors 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl!.NoCache);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Frame_ancestors_come_from_configuration()
    {
        await using var server = await DevHostServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Web:FrameAncestors"] = "'self', https://community.example https://verein.example/",
        });

        var response = await server.Client.GetAsync("/");

        Assert.EndsWith("frame-ancestors 'self' https://community.example https://verein.example",
            response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("'self' https://a.example", "'self' https://a.example")]
    [InlineData("self, https://a.example:8443/", "'self' https://a.example:8443")]
    [InlineData("", "'self'")]
    [InlineData("* javascript:alert(1) https://a.example/path ftp://b.example data:", "'self'")]
    [InlineData("'none'", "'none'")]
    [InlineData("'none' https://a.example", "https://a.example")]
    public void Frame_ancestors_accept_only_self_none_and_web_origins(string configured, string expected)
    {
        Assert.Equal(expected, string.Join(' ', WebOptions.ParseFrameAncestors([configured])));
    }

    [Theory]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/embed.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    [InlineData("/i18n/de.json", "application/json")]
    [InlineData("/i18n/languages.json", "application/json")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Static_files_have_their_content_type_and_are_cached_briefly(string path, string mediaType)
    {
        var server = await azurite.ReadOnlyServerAsync();

        var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl!.MaxAge);
        Assert.True(response.Headers.CacheControl.Public);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task An_unchanged_file_is_not_sent_again()
    {
        var server = await azurite.ReadOnlyServerAsync();
        var first = await server.Client.GetAsync("/app.js");

        using var again = new HttpRequestMessage(HttpMethod.Get, "/app.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await server.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/..%2Fappsettings.json")]
    [InlineData("/..%2F..%2FFoerderFinder.DevHost.deps.json")]
    [InlineData("/%2e%2e/%2e%2e/appsettings.json")]
    [InlineData("/i18n/..%2F..%2Fappsettings.json")]
    [InlineData("/%252e%252e%252fappsettings.json")]
    [InlineData("/%25252e%25252e%25252fappsettings.json")]
    [InlineData("/i18n%5C..%5C..%5Cappsettings.json")]
    [InlineData("/%2Fetc%2Fpasswd")]
    [InlineData("/C:%5CWindows%5Cwin.ini")]
    [InlineData("/wwwroot/index.html")]
    [InlineData("/appsettings.json")]
    [InlineData("/FoerderFinder.Functions.dll")]
    [InlineData("/.hidden.json")]
    [InlineData("/i18n/missing.json")]
    public async Task Paths_outside_the_form_are_not_found(string path)
    {
        var server = await azurite.ReadOnlyServerAsync();

        var response = await server.Client.GetAsync(path);

        Http.AssertProblem(response, 404, await response.ReadJsonAsync());
    }

    [Fact]
    public async Task The_catch_all_leaves_the_api_alone_and_unknown_api_paths_are_problems()
    {
        var server = await azurite.ReadOnlyServerAsync();

        var health = await server.Client.GetAsync("/api/health");
        var programme = await server.Client.GetAsync("/api/programmes/feb");
        var match = await server.Client.PostAsync("/api/match", Http.Json("""{"language":"en","limit":1}"""));
        var unknownGet = await server.Client.GetAsync("/api/nothing-here");
        var unknownPost = await server.Client.PostAsync("/api/nothing/here", Http.Json("{}"));
        var postToPage = await server.Client.PostAsync("/index.html", Http.Json("{}"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("feb", (string)(await programme.ReadJsonAsync())["id"]!);
        Assert.Single((JArray)(await match.ReadJsonAsync())["results"]!);
        Http.AssertProblem(unknownGet, 404, await unknownGet.ReadJsonAsync());
        Http.AssertProblem(unknownPost, 404, await unknownPost.ReadJsonAsync());
        Http.AssertProblem(postToPage, 405, await postToPage.ReadJsonAsync());
        Assert.False(health.Headers.Contains("Content-Security-Policy"));
    }
}
