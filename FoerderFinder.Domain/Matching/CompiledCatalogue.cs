using System.Runtime.CompilerServices;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching;

/// <summary>
/// The catalogue prepared once per snapshot for the matcher's first pass, which visits every
/// programme for every match: all criteria in one array (no list or enumerator per programme),
/// region ids resolved to regions, applicant types, locations and themes as bits, deadline dates
/// parsed. The rules stay in the evaluators; this only holds their inputs in a form that is cheap to read.
/// </summary>
internal sealed class CompiledCatalogue
{
    static CompiledCatalogue()
    {
        // Types, locations and themes are kept as bits of one word: more values need wider masks.
        if (Enum.GetValues<OrganisationType>().Length > 32 || Enum.GetValues<ProjectLocation>().Length > 32)
        {
            throw new InvalidOperationException("Organisation types and project locations must fit in 32 bits.");
        }
    }

    private static readonly Dictionary<string, int> ThemeBits = Themes.All
        .Select((theme, index) => (theme.Code, index))
        .Where(t => t.index < 64)
        .ToDictionary(t => t.Code, t => t.index, StringComparer.Ordinal);

    public CompiledCatalogue(IReadOnlyList<Programme> programmes, IReadOnlyList<ProgrammeFacts> facts)
    {
        var regionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var regions = new List<Region>();
        var regionRefs = new List<int>();
        var criteria = new List<CompiledCriterion>();
        var numbers = new List<long?>();
        var shares = new List<decimal?>();
        var dates = new List<ParsedDeadlineDates>();
        var schedules = new List<DeadlineSchedule>();
        Programmes = new CompiledProgramme[programmes.Count];
        ScoreInputs = new ScoreInputs[programmes.Count];

        for (var i = 0; i < programmes.Count; i++)
        {
            var programme = programmes[i];
            var start = criteria.Count;
            uint typeMask = 0, locationMask = 0;
            var seatRegion = -1;
            foreach (var criterion in programme.Criteria)
            {
                // A copy made now lies next to the other compiled data; the catalogue's own objects are scattered
                // over the heap, and reaching them costs a cache miss per criterion in a large catalogue.
                var compiled = new CompiledCriterion { Kind = criterion.Kind, Criterion = NearbyCopy(criterion) };
                switch (criterion)
                {
                    case ApplicantTypeCriterion c:
                        compiled = compiled with { Allowed = c.AnyOf.Aggregate(0u, (mask, type) => mask | Bit(type)) };
                        typeMask = typeMask == 0 ? compiled.Allowed : typeMask;
                        break;
                    case ProjectLocationCriterion c:
                        compiled = compiled with { Allowed = c.AnyOf.Aggregate(0u, (mask, location) => mask | Bit(location)) };
                        locationMask = locationMask == 0 ? compiled.Allowed : locationMask;
                        break;
                    case ApplicantSeatCriterion or ProjectRegionCriterion:
                        var ids = criterion is ApplicantSeatCriterion seat ? seat.Regions : ((ProjectRegionCriterion)criterion).Regions;
                        compiled = compiled with { Start = regionRefs.Count, Count = ids.Count };
                        foreach (var id in ids)
                        {
                            if (!regionIndex.TryGetValue(id, out var index))
                            {
                                index = regions.Count;
                                regionIndex[id] = index;
                                regions.Add(Geo.Instance.GetRegion(id));
                            }
                            regionRefs.Add(index);
                        }
                        if (criterion is ApplicantSeatCriterion && ids.Count == 1 && seatRegion < 0)
                        {
                            seatRegion = regionRefs[^1];
                        }
                        break;
                    case DeadlineCriterion c:
                        // Parsed below, all together: what the deadlines of neighbouring programmes need lies together.
                        compiled = compiled with { Start = schedules.Count, Count = 1 };
                        schedules.Add(c.Schedule);
                        break;
                    case AmountCriterion c:
                        compiled = compiled with { Start = numbers.Count, Count = 3 };
                        numbers.AddRange([c.MinEur, c.MaxEur, c.FirstTimeMaxEur]);
                        break;
                    case DurationCriterion c:
                        compiled = compiled with { Start = numbers.Count, Count = 2 };
                        numbers.AddRange([c.MinMonths, c.MaxMonths]);
                        break;
                    case OwnContributionCriterion c:
                        compiled = compiled with { Start = shares.Count, Count = 2 };
                        shares.AddRange([c.MinPercent, c.VolunteerRunMinPercent]);
                        break;
                }
                criteria.Add(compiled);
            }
            var themeMask = ThemeMask(programme.Themes);
            Programmes[i] = new CompiledProgramme(start, criteria.Count - start, programme.Status)
            {
                TypeMask = typeMask,
                LocationMask = locationMask,
                SeatRegion = seatRegion,
            };
            ScoreInputs[i] = new ScoreInputs(themeMask ?? 0, themeMask.HasValue)
            {
                NarrowestRegion = facts[i].NarrowestRegion,
                MadeForMsos = programme.MadeForMsos,
                FirstTimeFriendly = programme.FirstTimeFriendly,
                GivesMoney = Ranking.GivesMoney(programme),
                HasAmount = facts[i].Amount is not null,
                MaxEur = facts[i].Amount?.MaxEur,
                FirstTimeMaxEur = facts[i].Amount?.FirstTimeMaxEur,
            };
        }
        foreach (var schedule in schedules)
        {
            dates.Add(ParsedDeadlineDates.Parse(schedule));
        }
        Criteria = criteria.ToArray();
        Numbers = numbers.ToArray();
        Shares = shares.ToArray();
        Dates = dates.ToArray();
        Regions = regions.ToArray();
        RegionRefs = regionRefs.ToArray();
        var byId = new int[programmes.Count];
        for (var i = 0; i < byId.Length; i++)
        {
            byId[i] = i;
        }
        Array.Sort(byId, (a, b) => string.CompareOrdinal(programmes[a].Id, programmes[b].Id));
        IdRanks = new int[programmes.Count];
        for (var rank = 0; rank < byId.Length; rank++)
        {
            IdRanks[byId[rank]] = rank;
        }
    }

    public CompiledProgramme[] Programmes { get; }

    /// <summary>What the score needs, apart: only the programmes that pass are scored.</summary>
    public ScoreInputs[] ScoreInputs { get; }
    public CompiledCriterion[] Criteria { get; }

    /// <summary>
    /// The values criteria compare with, beside the criteria so that a criterion stays small (24 bytes)
    /// and the first pass walks few cache lines: amounts and durations, own-contribution shares,
    /// parsed deadline dates. A criterion points at its values with Start and Count.
    /// </summary>
    public long?[] Numbers { get; }
    public decimal?[] Shares { get; }
    public ParsedDeadlineDates[] Dates { get; }

    private static Criterion NearbyCopy(Criterion criterion) => criterion switch
    {
        ThemeCriterion c => c with { AnyOf = c.AnyOf.ToArray() },
        ProjectCountryCriterion c => c with { Countries = c.Countries.ToArray(), CountryLists = c.CountryLists.ToArray(), DacRegions = c.DacRegions.ToArray() },
        _ => criterion with { },
    };

    /// <summary>Every region the catalogue names, once; criteria refer to them by index.</summary>
    public Region[] Regions { get; }
    public int[] RegionRefs { get; }

    /// <summary>Each programme's place among the ids in ordinal order: the last tie-break of the ranking.</summary>
    public int[] IdRanks { get; }

    public static uint Bit(OrganisationType type) => 1u << (int)type;

    public static uint Bit(ProjectLocation location) => 1u << (int)location;

    /// <summary>The theme's bit in a theme mask, or -1 for a code outside the theme list.</summary>
    public static int ThemeBit(string code) => ThemeBits.TryGetValue(code, out var bit) ? bit : -1;

    /// <summary>The themes as bits; null when one of them has no bit (then the lists are compared instead).</summary>
    private static ulong? ThemeMask(IReadOnlyList<string> themes)
    {
        var mask = 0UL;
        for (var i = 0; i < themes.Count; i++)
        {
            var bit = ThemeBit(themes[i]);
            if (bit < 0)
            {
                return null;
            }
            mask |= 1UL << bit;
        }
        return mask;
    }
}

/// <summary>
/// One programme in the first pass: its criteria are Criteria[Start..Start+Count]. 24 bytes, read for every
/// programme. TypeMask, LocationMask and SeatRegion repeat its applicant-type, location and (single) seat-region
/// criteria (0, 0 and -1 when it has none), so that most programmes are turned down without reading their criteria.
/// </summary>
internal readonly record struct CompiledProgramme(int Start, int Count, ProgrammeStatus Status)
{
    public uint TypeMask { get; init; }
    public uint LocationMask { get; init; }
    public int SeatRegion { get; init; } = -1;
}

/// <summary>A programme's inputs to the score; ThemeMask holds its themes as bits when ThemesAsBits.</summary>
internal readonly record struct ScoreInputs(ulong ThemeMask, bool ThemesAsBits)
{
    public RegionLevel NarrowestRegion { get; init; }
    public bool MadeForMsos { get; init; }
    public bool FirstTimeFriendly { get; init; }
    public bool GivesMoney { get; init; }
    /// <summary>The first amount criterion's caps, for the amount fit.</summary>
    public bool HasAmount { get; init; }
    public long? MaxEur { get; init; }
    public long? FirstTimeMaxEur { get; init; }
}

/// <summary>A criterion with its inputs prepared: Start and Count point into the array that holds its values, by kind.</summary>
internal readonly record struct CompiledCriterion
{
    public required CriterionKind Kind { get; init; }
    /// <summary>Applicant type and project location: the allowed values as bits.</summary>
    public uint Allowed { get; init; }
    /// <summary>Regions: RegionRefs; amount and duration: Numbers; own contribution: Shares; deadline: Dates.</summary>
    public int Start { get; init; }
    public int Count { get; init; }
    /// <summary>The criterion itself, for the kinds evaluated from it.</summary>
    public required Criterion Criterion { get; init; }
}

/// <summary>
/// Whether a place lies in each region of the catalogue, worked out the first time a programme
/// asks and remembered for the rest of the match (one place, so one answer per region).
/// </summary>
internal ref struct RegionOutcomes
{
    private const byte NeedsMunicipalityFlag = 8;
    private readonly Region[] _regions;
    private readonly Span<byte> _memo;

    /// <param name="memo">One zeroed byte per region of the catalogue.</param>
    public RegionOutcomes(Region[] regions, Span<byte> memo)
    {
        _regions = regions;
        _memo = memo;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Outcome Of(int region, Place place, out bool needsMunicipality)
    {
        var known = _memo[region];
        if (known == 0)
        {
            known = WorkOut(region, place);
        }
        needsMunicipality = (known & NeedsMunicipalityFlag) != 0;
        return (Outcome)((known & 7) - 1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private byte WorkOut(int region, Place place)
    {
        var r = _regions[region];
        var outcome = Geo.Instance.Contains(r, place);
        var known = (byte)((int)outcome + 1 | (Evaluators.Regions.NeedsMunicipality(r, place) ? NeedsMunicipalityFlag : 0));
        _memo[region] = known;
        return known;
    }

    /// <summary>Memos for catalogues naming at most this many regions (twice: seat and project place) live on the stack.</summary>
    public const int StackLimit = 256;
}
