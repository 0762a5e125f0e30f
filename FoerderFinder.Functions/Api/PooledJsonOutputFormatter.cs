using System.Buffers;
using System.Text;
using FoerderFinder.Domain.Json;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.WebUtilities;
using Newtonsoft.Json;

namespace FoerderFinder.Functions.Api;

/// <summary>
/// Writes answers with the app's Newtonsoft settings into pooled memory, then sends them in one write
/// with a Content-Length. MVC's own Newtonsoft formatter buffers through a temporary file once an
/// answer passes 32 KiB, which a match answer with its explanations often does.
/// </summary>
public sealed class PooledJsonOutputFormatter : TextOutputFormatter
{
    private readonly JsonSerializer serializer;

    public PooledJsonOutputFormatter(JsonSerializerSettings settings)
    {
        serializer = JsonSerializer.Create(settings);
        SupportedEncodings.Add(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        SupportedMediaTypes.Add("application/json");
        SupportedMediaTypes.Add("text/json");
        SupportedMediaTypes.Add("application/*+json");
    }

    public override async Task WriteResponseBodyAsync(OutputFormatterWriteContext context, Encoding selectedEncoding)
    {
        using var body = Render(serializer, context.Object, context.ObjectType, selectedEncoding);
        var response = context.HttpContext.Response;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body.WrittenMemory, context.HttpContext.RequestAborted);
    }

    /// <summary>An answer's bytes as this formatter sends them, in pooled memory that is returned when disposed.</summary>
    public static PooledBufferStream Render(JsonSerializer serializer, object? value, Type? type, Encoding encoding)
    {
        var body = new PooledBufferStream();
        // Disposing the text writer flushes it into memory, not to the network: nothing here blocks.
        using (var text = new HttpResponseStreamWriter(body, encoding, 16 * 1024, ArrayPool<byte>.Shared, ArrayPool<char>.Shared))
        {
            using var json = new JsonTextWriter(text) { ArrayPool = JsonCharPool.Instance, CloseOutput = false, AutoCompleteOnClose = false };
            serializer.Serialize(json, value, type);
            json.Flush();
        }
        return body;
    }

    /// <summary>A write-only stream over rented arrays, returned when disposed.</summary>
    public sealed class PooledBufferStream : Stream
    {
        // Room for a typical match answer (20 results with their reasons), so it is rarely copied to grow.
        private byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        private int length;

        public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, length);

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Write(byte[] source, int offset, int count) => Write(source.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> source)
        {
            if (buffer.Length - length < source.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + source.Length));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            source.CopyTo(buffer.AsSpan(length));
            length += source.Length;
        }

        public override Task WriteAsync(byte[] source, int offset, int count, CancellationToken cancellationToken)
        {
            Write(source.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            Write(source.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] target, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = [];
                length = 0;
            }
            base.Dispose(disposing);
        }
    }
}
