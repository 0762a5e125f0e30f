using System.Collections.Frozen;
using FoerderFinder.Domain.Geography;

namespace FoerderFinder.Domain.Vocabulary;

public sealed record Theme(string Code, string De, string En);

/// <summary>The closed list of project themes; programmes and profiles use the same codes.</summary>
public static class Themes
{
    private static readonly ThemesFile File = EmbeddedJson.Load<ThemesFile>("themes.json");
    private static readonly FrozenSet<string> Codes = File.Themes.Select(t => t.Code).ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyList<Theme> All => File.Themes;

    public static ReferenceDataInfo Source { get; } = new("themes", File.Source, null, File.Version);

    public static bool IsKnown(string code) => Codes.Contains(code);

    private sealed record ThemesFile(string Source, string Version, List<Theme> Themes);
}
