using System.Text;
using Microsoft.AspNetCore.Http;

namespace FoerderFinder.Functions.Tests.Support;

public static class Requests
{
    public static HttpRequest Json(string json, string contentType = "application/json") =>
        Body(Encoding.UTF8.GetBytes(json), contentType);

    /// <summary>A request with a body; Content-Length is declared unless <paramref name="chunked"/>.</summary>
    public static HttpRequest Body(byte[] body, string? contentType, bool chunked = false)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        request.ContentType = contentType;
        request.Body = new MemoryStream(body);
        if (!chunked)
        {
            request.ContentLength = body.Length;
        }
        return request;
    }

    public static HttpRequest Get(string queryString = "")
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "GET";
        request.QueryString = new QueryString(queryString);
        return request;
    }
}
