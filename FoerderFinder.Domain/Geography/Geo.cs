using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace FoerderFinder.Domain.Geography;

public sealed record Land(string Code, string Ags, string De, string En);

public sealed record Country(string Code, string De, string En);

public sealed record DacRecipient(string Code, string Region, string Group);

public sealed record Municipality(string Ags, string Name, string State);

/// <summary>
/// A region a programme can be limited to: a set of Länder, or a set of Amtlicher-Gemeindeschlüssel
/// prefixes (2 digits Land, 3 Regierungsbezirk, 5 Kreis, 8 Gemeinde). Level orders regions from
/// narrow to wide, which ranking uses to put local programmes first.
/// </summary>
public sealed record Region(string Id, RegionLevel Level, string De, string En, IReadOnlyList<string> Laender, IReadOnlyList<string> AgsPrefixes)
{
    public bool CoversAllOfGermany => Laender.Count == 1 && Laender[0] == "*";
}

public enum RegionLevel
{
    Municipality,
    PartOfLand,
    Land,
    GroupOfLaender,
    Country,
    Supranational,
}

/// <summary>
/// A place in Germany as a profile gives it, resolved as far as the reference data allows.
/// <paramref name="UnresolvedName"/>: a municipality was named that the reference data does not know,
/// so asking for the municipality again would not help; its 8-digit AGS would.
/// </summary>
public readonly record struct Place(string? State, string? Ags, bool UnresolvedName = false)
{
    public bool IsEmpty => State is null && Ags is null;
}

/// <summary>The 16 Länder, the region hierarchy, the ISO country list and the DAC list, each with its source.</summary>
public sealed class Geo
{
    public static Geo Instance { get; } = new();

    private readonly FrozenDictionary<string, Land> _laenderByCode;
    private readonly FrozenDictionary<string, Land> _laenderByAgs;
    private readonly FrozenDictionary<string, Region> _regions;
    private readonly FrozenDictionary<string, Country> _countries;
    private readonly FrozenDictionary<string, DacRecipient> _dac;
    private readonly FrozenDictionary<string, Municipality> _municipalitiesByName;
    private readonly FrozenDictionary<string, Municipality> _municipalitiesByAgs;

    public IReadOnlyList<Land> Laender { get; }
    public IReadOnlyList<Country> Countries { get; }
    public IReadOnlyList<Region> NamedRegions { get; }
    public IReadOnlyList<ReferenceDataInfo> Sources { get; }

    private Geo()
    {
        var laender = EmbeddedJson.Load<LaenderFile>("laender.json");
        var regions = EmbeddedJson.Load<RegionsFile>("regions.json");
        var countries = EmbeddedJson.Load<CountriesFile>("countries.json");
        var dac = EmbeddedJson.Load<DacFile>("dac-list.json");
        var municipalities = EmbeddedJson.Load<MunicipalitiesFile>("municipalities.json");

        Laender = laender.Laender;
        _laenderByCode = laender.Laender.ToFrozenDictionary(l => l.Code, StringComparer.Ordinal);
        _laenderByAgs = laender.Laender.ToFrozenDictionary(l => l.Ags, StringComparer.Ordinal);
        var named = regions.Regions.Select(r => new Region(r.Id, ParseLevel(r.Level), r.De, r.En, r.Laender ?? [], r.Ags ?? [])).ToList();
        var landRegions = laender.Laender.Select(l => new Region(l.Code, RegionLevel.Land, l.De, l.En, [l.Code], []));
        NamedRegions = named;
        _regions = named.Concat(landRegions).ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        Countries = countries.Countries;
        _countries = countries.Countries.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
        _dac = dac.Recipients.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
        _municipalitiesByAgs = municipalities.Municipalities.ToFrozenDictionary(m => m.Ags, StringComparer.Ordinal);
        _municipalitiesByName = municipalities.Municipalities
            .GroupBy(m => NormaliseName(m.Name))
            .Where(g => g.Count() == 1)
            .ToFrozenDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        Sources =
        [
            new("laender", laender.Source, laender.SourceUrl, laender.Version),
            new("regions", regions.Source, regions.SourceUrl, regions.Version),
            new("countries", countries.Source, countries.SourceUrl, countries.Version),
            new("dac_list", dac.Source, dac.SourceUrl, dac.Version),
            new("municipalities", municipalities.Source, municipalities.SourceUrl, municipalities.Version),
        ];
    }

    public bool IsLand(string code) => _laenderByCode.ContainsKey(code);

    public Land? FindLand(string code) => _laenderByCode.GetValueOrDefault(code);

    public bool IsCountry(string code) => _countries.ContainsKey(code);

    public Country? FindCountry(string code) => _countries.GetValueOrDefault(code);

    public DacRecipient? FindDacRecipient(string code) => _dac.GetValueOrDefault(code);

    public bool IsRegion(string id) => TryGetRegion(id, out _);

    public bool TryGetRegion(string id, out Region region)
    {
        if (_regions.TryGetValue(id, out region!))
        {
            return true;
        }
        if (id.StartsWith("ags:", StringComparison.Ordinal) && IsAgsPrefix(id.AsSpan(4)) && _laenderByAgs.ContainsKey(id.Substring(4, 2)))
        {
            var prefix = id[4..];
            var level = prefix.Length == 8 ? RegionLevel.Municipality : RegionLevel.PartOfLand;
            var name = _municipalitiesByAgs.TryGetValue(prefix, out var m) ? m.Name : id;
            region = new Region(id, level, name, name, [], [prefix]);
            return true;
        }
        region = null!;
        return false;
    }

    public Region GetRegion(string id) =>
        TryGetRegion(id, out var region) ? region : throw new KeyNotFoundException($"Unknown region '{id}'.");

    /// <summary>
    /// Resolves a municipality given as an 8-digit AGS or an official name. Returns false for an
    /// AGS whose Land does not exist; an unknown name resolves to no AGS (it is then only known by name).
    /// </summary>
    public bool TryResolveMunicipality(string value, out Municipality? municipality, out string? ags)
    {
        municipality = null;
        ags = null;
        var trimmed = value.Trim();
        if (trimmed.Length == 8 && trimmed.All(char.IsAsciiDigit))
        {
            if (!_laenderByAgs.ContainsKey(trimmed[..2]))
            {
                return false;
            }
            ags = trimmed;
            municipality = _municipalitiesByAgs.GetValueOrDefault(trimmed);
            return true;
        }
        if (_municipalitiesByName.TryGetValue(NormaliseName(trimmed), out var known))
        {
            municipality = known;
            ags = known.Ags;
        }
        return true;
    }

    public string? LandOfAgs(string ags) => _laenderByAgs.TryGetValue(ags[..2], out var land) ? land.Code : null;

    /// <summary>Met, not met or unknown: does this place lie in the region?</summary>
    public Vocabulary.Outcome Contains(Region region, Place place)
    {
        var state = place.State ?? (place.Ags is { } a ? LandOfAgs(a) : null);
        if (region.CoversAllOfGermany)
        {
            return state is null ? Vocabulary.Outcome.Unknown : Vocabulary.Outcome.Met;
        }
        if (region.Laender.Count > 0)
        {
            if (state is null)
            {
                return Vocabulary.Outcome.Unknown;
            }
            return region.Laender.Contains(state) ? Vocabulary.Outcome.Met : Vocabulary.Outcome.NotMet;
        }
        if (place.Ags is { } ags)
        {
            var prefixes = region.AgsPrefixes;
            for (var i = 0; i < prefixes.Count; i++)
            {
                if (ags.StartsWith(prefixes[i], StringComparison.Ordinal))
                {
                    return Vocabulary.Outcome.Met;
                }
            }
            return Vocabulary.Outcome.NotMet;
        }
        if (state is not null && _laenderByCode.TryGetValue(state, out var land))
        {
            var prefixes = region.AgsPrefixes;
            for (var i = 0; i < prefixes.Count; i++)
            {
                if (prefixes[i].StartsWith(land.Ags, StringComparison.Ordinal))
                {
                    return Vocabulary.Outcome.Unknown;
                }
            }
            return Vocabulary.Outcome.NotMet;
        }
        return Vocabulary.Outcome.Unknown;
    }

    private static bool IsAgsPrefix(ReadOnlySpan<char> value) =>
        value.Length is 2 or 3 or 5 or 8 && !value.ContainsAnyExceptInRange('0', '9');

    /// <summary>Case, accents and "Stadt" prefixes differ between sources; "muenster" and "Münster" are one city.</summary>
    public static string NormaliseName(string name)
    {
        var lower = name.Trim().ToLowerInvariant()
            .Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss");
        if (lower.StartsWith("stadt ", StringComparison.Ordinal))
        {
            lower = lower[6..];
        }
        string decomposed;
        try
        {
            decomposed = lower.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // Text with code points Unicode cannot normalise (such as U+FFFE) is no official name: leave it as it is.
            return lower;
        }
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static RegionLevel ParseLevel(string level) => level switch
    {
        "municipality" => RegionLevel.Municipality,
        "part_of_land" => RegionLevel.PartOfLand,
        "land" => RegionLevel.Land,
        "group_of_laender" => RegionLevel.GroupOfLaender,
        "country" => RegionLevel.Country,
        "supranational" => RegionLevel.Supranational,
        _ => throw new InvalidOperationException($"Unknown region level '{level}'."),
    };

    private sealed record LaenderFile(string Source, string? SourceUrl, string Version, List<Land> Laender);
    private sealed record RegionEntry(string Id, string Level, string De, string En, List<string>? Laender, List<string>? Ags);
    private sealed record RegionsFile(string Source, string? SourceUrl, string Version, List<RegionEntry> Regions);
    private sealed record CountriesFile(string Source, string? SourceUrl, string Version, List<Country> Countries);
    private sealed record DacFile(string Source, string? SourceUrl, string Version, List<DacRecipient> Recipients);
    private sealed record MunicipalitiesFile(string Source, string? SourceUrl, string Version, List<Municipality> Municipalities);
}
