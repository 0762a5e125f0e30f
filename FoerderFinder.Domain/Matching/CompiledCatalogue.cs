using System.Runtime.CompilerServices;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching;

/// <summary>
/// The catalogue prepared once per snapshot for the matcher's first pass, which visits every
/// programme for every match. Everything the first pass reads is numbers in arrays, in programme
/// order: programme entries, criteria, and the values criteria compare with (regions as indices,
/// applicant types, locations, themes and DAC regions as bits, amounts and day numbers, deadline
/// schedules as <see cref="CompiledDeadline"/>). The catalogue's own objects lie all over the heap;
/// in a catalogue larger than the processor's cache, reaching them costs a cache miss per criterion,
/// and the first pass would grow faster than the catalogue. The rules stay in the evaluators; this
/// only holds their inputs in a form that is cheap to read.
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

    /// <summary>In a country criterion's mask: every DAC recipient is allowed (the oda_dac list). The other bits are DAC regions.</summary>
    public const uint AnyDacRecipient = 1u << 31;

    /// <summary>Every country a country criterion names, numbered; profiles' countries are looked up once per match.</summary>
    private readonly Dictionary<string, int> _countryIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dacRegionBits = new(StringComparer.Ordinal);

    public CompiledCatalogue(IReadOnlyList<Programme> programmes, IReadOnlyList<ProgrammeFacts> facts)
    {
        var regionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var regions = new List<Region>();
        var regionRefs = new List<int>();
        var countryRefs = new List<int>();
        var criteria = new List<CompiledCriterion>();
        var numbers = new List<long?>();
        var shares = new List<decimal?>();
        var themeMasks = new List<ulong>();
        var deadlines = new List<CompiledDeadline>();
        var deadlineDates = new List<int>();
        var leadTimes = new List<CompiledLeadTime>();
        Programmes = new CompiledProgramme[programmes.Count];
        ScoreInputs = new ScoreInputs[programmes.Count];

        int AddRegions(IReadOnlyList<string> ids)
        {
            var start = regionRefs.Count;
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
            return start;
        }

        int AddNumbers(params long?[] values)
        {
            numbers.AddRange(values);
            return numbers.Count - values.Length;
        }

        for (var i = 0; i < programmes.Count; i++)
        {
            var programme = programmes[i];
            var start = criteria.Count;
            uint typeMask = 0, locationMask = 0;
            var seatRegion = -1;
            foreach (var criterion in programme.Criteria)
            {
                var compiled = new CompiledCriterion { Kind = criterion.Kind };
                switch (criterion)
                {
                    case ApplicantTypeCriterion c:
                        compiled = compiled with { Allowed = Mask(c.AnyOf) };
                        typeMask = typeMask == 0 ? compiled.Allowed : typeMask;
                        break;
                    case ProjectLocationCriterion c:
                        compiled = compiled with { Allowed = c.AnyOf.Aggregate(0u, (mask, location) => mask | Bit(location)) };
                        locationMask = locationMask == 0 ? compiled.Allowed : locationMask;
                        break;
                    case ApplicantSeatCriterion c:
                        compiled = compiled with { Start = AddRegions(c.Regions), Count = c.Regions.Count };
                        if (c.Regions.Count == 1 && seatRegion < 0)
                        {
                            seatRegion = regionRefs[^1];
                        }
                        break;
                    case ProjectRegionCriterion c:
                        compiled = compiled with { Start = AddRegions(c.Regions), Count = c.Regions.Count };
                        break;
                    case ProjectCountryCriterion c:
                        compiled = CompileCountries(c, compiled, countryRefs);
                        break;
                    case CharitableCriterion c:
                        compiled = compiled with { Allowed = Mask(c.ExceptFor) };
                        break;
                    case FirstTimeApplicantCriterion c:
                        compiled = compiled with { Allowed = c.Required ? 1u : 0u };
                        break;
                    case ThemeCriterion c when ThemeMask(c.AnyOf) is { } themes:
                        compiled = compiled with { Start = themeMasks.Count, Count = 1 };
                        themeMasks.Add(themes);
                        break;
                    case ThemeCriterion:
                        compiled = compiled with { Start = NotCompiled };
                        break;
                    case DeadlineCriterion c:
                        compiled = compiled with { Start = deadlines.Count, Count = 1 };
                        deadlines.Add(CompiledDeadline.Compile(c.Schedule, deadlineDates, leadTimes));
                        break;
                    case AmountCriterion c:
                        compiled = compiled with { Start = AddNumbers(c.MinEur, c.MaxEur, c.FirstTimeMaxEur), Count = 3 };
                        break;
                    case DurationCriterion c:
                        compiled = compiled with { Start = AddNumbers(c.MinMonths, c.MaxMonths), Count = 2 };
                        break;
                    case OrganisationAgeCriterion c:
                        compiled = compiled with { Start = AddNumbers(c.MinYears, c.MaxYears), Count = 2 };
                        break;
                    case PartnerCooperationCriterion c:
                        compiled = compiled with { Start = AddNumbers(c.MinYears), Count = 1 };
                        break;
                    case ProjectStartWindowCriterion c:
                        compiled = compiled with { Start = AddNumbers(c.From?.DayNumber, c.To?.DayNumber), Count = 2 };
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
        Criteria = criteria.ToArray();
        Numbers = numbers.ToArray();
        Shares = shares.ToArray();
        ThemeMasks = themeMasks.ToArray();
        Deadlines = deadlines.ToArray();
        DeadlineDates = deadlineDates.ToArray();
        LeadTimes = leadTimes.ToArray();
        Regions = regions.ToArray();
        RegionRefs = regionRefs.ToArray();
        CountryRefs = countryRefs.ToArray();
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

    /// <summary>In <see cref="CompiledCriterion.Start"/>: the criterion has values the compiled form cannot hold; the programme's own is evaluated.</summary>
    public const int NotCompiled = -1;

    public CompiledProgramme[] Programmes { get; }

    /// <summary>What the score needs, apart: only the programmes that pass are scored.</summary>
    public ScoreInputs[] ScoreInputs { get; }

    /// <summary>Every programme's criteria, in the programme's order, one programme after the other.</summary>
    public CompiledCriterion[] Criteria { get; }

    /// <summary>
    /// The values criteria compare with, by kind, beside the criteria so that a criterion stays small (16 bytes).
    /// A criterion points at its values with Start and Count. Numbers: amounts, durations, ages, years of
    /// partnership, start windows as day numbers. Shares: own contributions.
    /// </summary>
    public long?[] Numbers { get; }
    public decimal?[] Shares { get; }
    public ulong[] ThemeMasks { get; }
    public CompiledDeadline[] Deadlines { get; }

    /// <summary>The dates and lead times of all <see cref="Deadlines"/>.</summary>
    public int[] DeadlineDates { get; }
    public CompiledLeadTime[] LeadTimes { get; }

    /// <summary>Every region the catalogue names, once; criteria refer to them by index.</summary>
    public Region[] Regions { get; }
    public int[] RegionRefs { get; }

    /// <summary>The countries country criteria name, as numbers (see <see cref="CountryFacts"/>).</summary>
    public int[] CountryRefs { get; }

    /// <summary>Each programme's place among the ids in ordinal order: the last tie-break of the ranking.</summary>
    public int[] IdRanks { get; }

    public static uint Bit(OrganisationType type) => 1u << (int)type;

    public static uint Bit(ProjectLocation location) => 1u << (int)location;

    public static uint Mask(IReadOnlyList<OrganisationType> types) => types.Aggregate(0u, (mask, type) => mask | Bit(type));

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

    /// <summary>Named countries as numbers, the oda_dac list and DAC regions as bits of <see cref="CompiledCriterion.Allowed"/>.</summary>
    private CompiledCriterion CompileCountries(ProjectCountryCriterion c, CompiledCriterion compiled, List<int> countryRefs)
    {
        var mask = c.CountryLists.Contains("oda_dac") ? AnyDacRecipient : 0u;
        foreach (var region in c.DacRegions)
        {
            if (!_dacRegionBits.TryGetValue(region, out var bit))
            {
                bit = _dacRegionBits.Count;
                if (bit >= 31)
                {
                    return compiled with { Start = NotCompiled };
                }
                _dacRegionBits[region] = bit;
            }
            mask |= 1u << bit;
        }
        var start = countryRefs.Count;
        foreach (var country in c.Countries)
        {
            if (!_countryIds.TryGetValue(country, out var id))
            {
                id = _countryIds.Count;
                _countryIds[country] = id;
            }
            countryRefs.Add(id);
        }
        return compiled with { Allowed = mask, Start = start, Count = c.Countries.Count };
    }

    /// <summary>A profile's country in the numbers of this catalogue's country criteria.</summary>
    public CountryFacts Country(string code)
    {
        var recipient = Geo.Instance.FindDacRecipient(code);
        var dac = recipient is null ? 0u
            : AnyDacRecipient | (_dacRegionBits.TryGetValue(recipient.Region, out var bit) ? 1u << bit : 0u);
        return new CountryFacts(_countryIds.TryGetValue(code, out var id) ? id : -1, dac);
    }
}

/// <summary>A profile's country for the first pass: its number among the countries criteria name (-1: none names it) and its DAC bits.</summary>
internal readonly record struct CountryFacts(int Id, uint Dac);

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

/// <summary>
/// A criterion with its inputs prepared, 16 bytes and no references: Start and Count point into the array
/// that holds its values, by kind (see <see cref="CompiledCatalogue"/>).
/// </summary>
internal readonly record struct CompiledCriterion
{
    public required CriterionKind Kind { get; init; }
    /// <summary>
    /// Applicant type and project location: the allowed values as bits; charitable: the exempt types as bits;
    /// first-time applicant: 1 when only first-time applicants may apply; project country: DAC bits.
    /// </summary>
    public uint Allowed { get; init; }
    /// <summary>
    /// Regions: RegionRefs; project country: CountryRefs; amount, duration, organisation age, partner cooperation
    /// and start window: Numbers; own contribution: Shares; theme: ThemeMasks; deadline: Deadlines.
    /// <see cref="CompiledCatalogue.NotCompiled"/> when the programme's own criterion is to be evaluated.
    /// </summary>
    public int Start { get; init; }
    public int Count { get; init; }
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
