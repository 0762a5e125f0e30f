using System.Collections.Frozen;
using Newtonsoft.Json.Serialization;

namespace FoerderFinder.Domain.Json;

/// <summary>The snake_case code of an enum value, as it appears in JSON.</summary>
public static class EnumCodes
{
    private static readonly SnakeCaseNamingStrategy SnakeCase = new();

    /// <summary>Every explained criterion and rendered answer asks for codes: one lookup per value, no boxing.</summary>
    public static string Of<T>(T value) where T : struct, Enum =>
        CodesOf<T>.ByValue.TryGetValue(value, out var code) ? code : Compute(value);

    private static string Compute<T>(T value) where T : struct, Enum => SnakeCase.GetPropertyName(value.ToString(), false);

    private static class CodesOf<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue = Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, Compute);
    }

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of).ToList();
}
