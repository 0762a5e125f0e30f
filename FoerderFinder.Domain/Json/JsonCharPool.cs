using System.Buffers;
using Newtonsoft.Json;

namespace FoerderFinder.Domain.Json;

/// <summary>Newtonsoft's readers and writers take their character buffers from the shared pool instead of allocating them.</summary>
public sealed class JsonCharPool : IArrayPool<char>
{
    public static readonly JsonCharPool Instance = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
