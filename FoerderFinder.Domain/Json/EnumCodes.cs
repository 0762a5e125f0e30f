using System.Collections.Concurrent;
using Newtonsoft.Json.Serialization;

namespace FoerderFinder.Domain.Json;

/// <summary>The snake_case code of an enum value, as it appears in JSON.</summary>
public static class EnumCodes
{
    private static readonly SnakeCaseNamingStrategy SnakeCase = new();
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Of<T>(T value) where T : struct, Enum =>
        Cache.GetOrAdd(value, v => SnakeCase.GetPropertyName(v.ToString(), false));

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of).ToList();
}
