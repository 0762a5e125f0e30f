using System.Collections.Frozen;
using FoerderFinder.Domain.Geography;

namespace FoerderFinder.Domain.Catalogue;

/// <summary>
/// One whole, immutable version of the catalogue. Readers hold a snapshot for the length of a
/// request, so a write that lands meanwhile never shows them half the old and half the new catalogue.
/// </summary>
public sealed class CatalogueSnapshot
{
    private readonly FrozenDictionary<string, int> _indexById;

    public CatalogueSnapshot(string version, IReadOnlyList<Programme> programmes)
    {
        Version = version;
        Programmes = programmes;
        _indexById = programmes.Select((p, i) => (p.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        Profiles = programmes.Select(ProgrammeFacts.Of).ToArray();
        Compiled = new Matching.CompiledCatalogue(programmes, Profiles);
    }

    public static CatalogueSnapshot Empty { get; } = new("empty", []);

    public string Version { get; }
    public IReadOnlyList<Programme> Programmes { get; }

    /// <summary>Per-programme facts the ranking needs, computed once per snapshot instead of once per match.</summary>
    internal ProgrammeFacts[] Profiles { get; }

    /// <summary>The criteria in the form the matcher's first pass reads, prepared once per snapshot.</summary>
    internal Matching.CompiledCatalogue Compiled { get; }

    public int Count => Programmes.Count;

    public Programme? Find(string id) => _indexById.TryGetValue(id, out var index) ? Programmes[index] : null;
}

internal sealed record ProgrammeFacts(RegionLevel NarrowestRegion, AmountCriterion? Amount, DeadlineCriterion? Deadline)
{
    public static ProgrammeFacts Of(Programme programme)
    {
        var narrowest = RegionLevel.Supranational;
        AmountCriterion? amount = null;
        DeadlineCriterion? deadline = null;
        foreach (var criterion in programme.Criteria)
        {
            IReadOnlyList<string>? regions = criterion switch
            {
                ApplicantSeatCriterion seat => seat.Regions,
                ProjectRegionCriterion region => region.Regions,
                _ => null,
            };
            if (regions is not null)
            {
                // A criterion allowing several regions is as narrow as its widest one.
                var widest = regions.Select(id => Geo.Instance.TryGetRegion(id, out var r) ? r.Level : RegionLevel.Supranational).Max();
                narrowest = widest < narrowest ? widest : narrowest;
            }
            amount ??= criterion as AmountCriterion;
            deadline ??= criterion as DeadlineCriterion;
        }
        return new ProgrammeFacts(narrowest, amount, deadline);
    }
}
