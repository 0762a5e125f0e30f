using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FoerderFinder.BrowserTests;

/// <summary>
/// A community website on two more origins (two ports of one small Kestrel server): the first is on
/// the app's frame-ancestors and CORS allowlists, the second is not. Both serve the same page with
/// the README's embed snippet.
/// </summary>
public sealed class EmbeddingSites : IAsyncDisposable
{
    public const string ContactName = "Integrationsbüro Münster";
    public const string ContactEmail = "beratung@example.org";
    public const string ContactPhone = "0251 123456";

    private readonly WebApplication _app;

    private EmbeddingSites(WebApplication app, string allowed, string notAllowed)
    {
        _app = app;
        AllowedOrigin = allowed;
        NotAllowedOrigin = notAllowed;
    }

    public string AllowedOrigin { get; }
    public string NotAllowedOrigin { get; }

    /// <summary>Where embed.js comes from; set once the app runs.</summary>
    public string AppUrl { get; set; } = "";

    public static async Task<EmbeddingSites> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0", "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        EmbeddingSites? sites = null;
        app.MapGet("/", (HttpContext context) => Results.Content(sites!.HostPage(), "text/html; charset=utf-8"));
        app.MapGet("/plain", () => Results.Content("<!doctype html><html lang=\"en\"><title>Plain page</title><p>No embed here.</p></html>", "text/html; charset=utf-8"));
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a).GetLeftPart(UriPartial.Authority)).Distinct().ToList();
        if (addresses.Count < 2)
        {
            throw new InvalidOperationException("The embedding site needs two ports.");
        }
        sites = new EmbeddingSites(app, addresses[0], addresses[1]);
        return sites;
    }

    private string HostPage()
    {
        static string A(string value) => WebUtility.HtmlEncode(value);
        return $$"""
            <!doctype html>
            <html lang="de">
            <head><meta charset="utf-8"><title>Interkulturelles Netzwerk Münster</title>
            <style>body { font-family: sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; } header { background: #eee; padding: 1rem; }</style>
            </head>
            <body>
            <header><p>Interkulturelles Netzwerk Münster – community website</p></header>
            <h1>Förderung finden</h1>
            <script src="{{A(AppUrl)}}embed.js" data-lang="en" data-land="DE-NW" data-municipality="Münster"
                    data-themes="integration,culture" data-pin="muenster_ki_foerdertopf_mso" data-hide="fachpromotor_migrationsgesellschaft_nrw"
                    data-contact-name="{{A(ContactName)}}" data-contact-email="{{A(ContactEmail)}}"
                    data-contact-phone="{{A(ContactPhone)}}" async></script>
            <footer id="after-embed"><p>Impressum of the community website</p></footer>
            </body>
            </html>
            """;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
