using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FoerderFinder.Functions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;

namespace FoerderFinder.Functions.Functions;

/// <summary>Where the web form's files are and which sites may embed it.</summary>
public sealed record WebOptions
{
    /// <summary>The folder with index.html, app.js, embed.js and the language files.</summary>
    public required string Root { get; init; }

    /// <summary>CSP frame-ancestors sources: 'self' plus the origins of the websites allowed to embed the form.</summary>
    public required IReadOnlyList<string> FrameAncestors { get; init; }

    /// <summary>
    /// Web:FrameAncestors as a list in configuration or one value separated by commas or spaces
    /// (app settings). Only 'self', 'none' and http(s) origins are accepted; anything else is left out,
    /// so a typo cannot open the form to every site.
    /// </summary>
    public static IReadOnlyList<string> ParseFrameAncestors(IEnumerable<string?> values)
    {
        var sources = new List<string>();
        foreach (var value in values.OfType<string>())
        {
            foreach (var source in value.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var normalised = source is "self" or "none" ? $"'{source}'" : source;
                if (normalised is "'self'" or "'none'")
                {
                    sources.Add(normalised);
                }
                else if (Uri.TryCreate(normalised, UriKind.Absolute, out var uri)
                    && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                    && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.UserInfo))
                {
                    sources.Add(uri.GetLeftPart(UriPartial.Authority));
                }
            }
        }
        if (sources.Count == 0)
        {
            return ["'self'"];
        }
        // 'none' must stand alone in a source list.
        return sources.Contains("'none'") && sources.Count > 1
            ? sources.Where(s => s != "'none'").Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : sources.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}

/// <summary>
/// The web form: index.html at the site root and its static files (CSS, JavaScript, language files,
/// embed.js), served by a function so that Azure and the DevHost answer the same. One catch-all route;
/// the API's literal routes take precedence over it, and an unknown api/ path gets a 404 problem.
/// </summary>
public sealed partial class WebFunctions(WebOptions options)
{
    public const string IndexFile = "index.html";

    private static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".txt"] = "text/plain; charset=utf-8",
        [".webmanifest"] = "application/manifest+json",
        [".woff2"] = "font/woff2",
    };

    private static readonly ConcurrentDictionary<string, CachedFile> Files = new(StringComparer.Ordinal);

    [Function("Web")]
    public IActionResult Serve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "delete", "patch", Route = "{*path}")] HttpRequest request,
        string? path)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";

        var requested = path ?? "";
        if (IsApiPath(requested) || IsApiPath(request.Path.Value?.TrimStart('/') ?? ""))
        {
            // The host sends an API route here only when the method does not fit it.
            var allowed = ApiRoutes.MethodsFor(request.Path.Value ?? "");
            if (allowed.Count > 0)
            {
                headers.Allow = string.Join(", ", allowed);
                return Problems.MethodNotAllowed($"{request.Path.Value} answers {string.Join(", ", allowed)}.");
            }
            return Problems.NotFound("There is no such API route. See GET /api/profile-schema and the README for the routes.");
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            headers.Allow = "GET, HEAD";
            return Problems.MethodNotAllowed("The web form's files can only be read (GET).");
        }
        if (requested.Length == 0)
        {
            requested = IndexFile;
        }
        if (!TryResolve(requested, out var file, out var extension) || Load(file) is not { } cached)
        {
            return Problems.NotFound("There is no such page.");
        }

        if (extension == ".html")
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy(options.FrameAncestors);
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            // Revalidate the page every time, so a new version of the form reaches everyone at once.
            headers.CacheControl = "no-cache";
        }
        else
        {
            // Files are not fingerprinted: a short lifetime, then revalidation by ETag.
            headers.CacheControl = "public, max-age=300";
        }
        if (extension == ".js")
        {
            // embed.js is loaded by other sites with <script src>; nothing else needs it cross-origin.
            headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        }
        return new FileContentResult(cached.Content, ContentTypes[extension])
        {
            EntityTag = cached.ETag,
            LastModified = cached.LastModified,
        };
    }

    public static string ContentSecurityPolicy(IReadOnlyList<string> frameAncestors) =>
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "manifest-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; "
        + "frame-ancestors " + string.Join(' ', frameAncestors);

    private static bool IsApiPath(string path) =>
        path.Equals("api", StringComparison.OrdinalIgnoreCase) || path.StartsWith("api/", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Maps a request path to a file under the web root, refusing anything that could leave it:
    /// dot segments (also when encoded once or twice), backslashes, absolute and drive paths,
    /// hidden files and unknown file types.
    /// </summary>
    public bool TryResolve(string requested, out string file, out string extension)
    {
        file = "";
        extension = "";
        var decoded = requested;
        for (var i = 0; i < 3 && decoded.Contains('%'); i++)
        {
            decoded = Uri.UnescapeDataString(decoded);
        }
        if (decoded.Length > 200 || !SafePath().IsMatch(decoded) || decoded.Split('/').Any(segment => segment.StartsWith('.')))
        {
            return false;
        }
        extension = Path.GetExtension(decoded);
        if (!ContentTypes.ContainsKey(extension))
        {
            return false;
        }
        var root = Path.GetFullPath(options.Root);
        var full = Path.GetFullPath(Path.Combine(root, decoded));
        if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return false;
        }
        file = full;
        return true;
    }

    private static CachedFile? Load(string file)
    {
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            return null;
        }
        var lastModified = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
        if (Files.TryGetValue(file, out var cached) && cached.LastModified == lastModified && cached.Content.Length == info.Length)
        {
            return cached;
        }
        var content = File.ReadAllBytes(file);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        cached = new CachedFile(content, new EntityTagHeaderValue($"\"{hash}\""), lastModified);
        Files[file] = cached;
        return cached;
    }

    private sealed record CachedFile(byte[] Content, EntityTagHeaderValue ETag, DateTimeOffset LastModified);

    // Segments of letters, digits, '_', '-' and '.', separated by single slashes; no leading slash.
    [GeneratedRegex(@"^[A-Za-z0-9_\-.]+(/[A-Za-z0-9_\-.]+)*$")]
    private static partial Regex SafePath();
}
