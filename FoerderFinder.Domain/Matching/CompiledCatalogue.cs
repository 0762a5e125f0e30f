using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching;

/// <summary>
/// The catalogue prepared once per snapshot for the matcher's first pass, which visits every
/// programme for every match. Everything the first pass reads is numbers in one array, in programme
/// order (<see cref="Data"/>): each programme's entry, criteria, and the values criteria compare with
/// (regions as indices, applicant types, locations, themes and DAC regions as bits, amounts and day
/// numbers, deadline schedules as <see cref="CompiledDeadline"/>). The catalogue's own objects lie all over the heap;
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
        var data = new WordList();
        var criteria = new List<CompiledCriterion>();
        var deadlineDates = new List<int>();
        var leadTimes = new List<CompiledLeadTime>();
        var refs = new List<int>();
        Starts = new int[programmes.Count];

        int AddRegions(IReadOnlyList<string> ids)
        {
            refs.Clear();
            foreach (var id in ids)
            {
                if (!regionIndex.TryGetValue(id, out var index))
                {
                    index = regions.Count;
                    regionIndex[id] = index;
                    regions.Add(Geo.Instance.GetRegion(id));
                }
                refs.Add(index);
            }
            return data.Add<int>(CollectionsMarshal.AsSpan(refs));
        }

        int AddDeadline(DeadlineSchedule schedule)
        {
            // Compiled on its own, so that its dates and lead times are counted from 0: they follow it in the data.
            deadlineDates.Clear();
            leadTimes.Clear();
            var start = data.Add(CompiledDeadline.Compile(schedule, deadlineDates, leadTimes));
            data.Add<CompiledLeadTime>(CollectionsMarshal.AsSpan(leadTimes));
            data.Add<int>(CollectionsMarshal.AsSpan(deadlineDates));
            return start;
        }

        // Optional numbers and shares: the values, and which of them are given as bits of Allowed.
        CompiledCriterion Given<T>(CompiledCriterion compiled, ReadOnlySpan<T?> values) where T : struct
        {
            var given = 0u;
            var present = new T[values.Length];
            for (var k = 0; k < values.Length; k++)
            {
                present[k] = values[k] ?? default;
                given |= values[k].HasValue ? 1u << k : 0;
            }
            return compiled with { Allowed = given, Start = data.Add<T>(present), Count = values.Length };
        }

        for (var i = 0; i < programmes.Count; i++)
        {
            var programme = programmes[i];
            criteria.Clear();
            var start = Starts[i] = data.Count;
            var themeMask = ThemeMask(programme.Themes);
            // The header and the criteria are written once known; their values follow them.
            var criteriaStart = data.Reserve(HeaderWords + WordList.WordsFor<CompiledCriterion>(programme.Criteria.Count)) + HeaderWords;
            uint typeMask = 0, locationMask = 0;
            int seatRegion = -1, amount = -1;
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
                            seatRegion = refs[0];
                        }
                        break;
                    case ProjectRegionCriterion c:
                        compiled = compiled with { Start = AddRegions(c.Regions), Count = c.Regions.Count };
                        break;
                    case ProjectCountryCriterion c:
                        compiled = CompileCountries(c, compiled, data);
                        break;
                    case CharitableCriterion c:
                        compiled = compiled with { Allowed = Mask(c.ExceptFor) };
                        break;
                    case FirstTimeApplicantCriterion c:
                        compiled = compiled with { Allowed = c.Required ? 1u : 0u };
                        break;
                    case ThemeCriterion c when ThemeMask(c.AnyOf) is { } themes:
                        compiled = compiled with { Start = data.Add(themes), Count = 1 };
                        break;
                    case ThemeCriterion:
                        compiled = compiled with { Start = NotCompiled };
                        break;
                    case DeadlineCriterion c:
                        compiled = compiled with { Start = AddDeadline(c.Schedule), Count = 1 };
                        break;
                    case AmountCriterion c:
                        compiled = Given<long>(compiled, [c.MinEur, c.MaxEur, c.FirstTimeMaxEur]);
                        amount = amount < 0 ? criteria.Count : amount;
                        break;
                    case DurationCriterion c:
                        compiled = Given<long>(compiled, [c.MinMonths, c.MaxMonths]);
                        break;
                    case OrganisationAgeCriterion c:
                        compiled = Given<long>(compiled, [c.MinYears, c.MaxYears]);
                        break;
                    case PartnerCooperationCriterion c:
                        compiled = Given<long>(compiled, [c.MinYears]);
                        break;
                    case ProjectStartWindowCriterion c:
                        compiled = Given<long>(compiled, [c.From?.DayNumber, c.To?.DayNumber]);
                        break;
                    case OwnContributionCriterion c:
                        compiled = Given<decimal>(compiled, [c.MinPercent, c.VolunteerRunMinPercent]);
                        break;
                }
                criteria.Add(compiled);
            }
            data.Set<CompiledCriterion>(criteriaStart, CollectionsMarshal.AsSpan(criteria));
            data.Set(start, new CompiledProgramme(criteria.Count, programme.Status)
            {
                TypeMask = typeMask,
                LocationMask = locationMask,
                SeatRegion = seatRegion,
            });
            data.Set(start + WordList.WordsFor<CompiledProgramme>(1), new ScoreInputs(themeMask ?? 0, themeMask.HasValue)
            {
                NarrowestRegion = facts[i].NarrowestRegion,
                MadeForMsos = programme.MadeForMsos,
                FirstTimeFriendly = programme.FirstTimeFriendly,
                GivesMoney = Ranking.GivesMoney(programme),
                Amount = amount,
            });
        }
        Data = data.ToArray();
        Regions = regions.ToArray();
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

    /// <summary>
    /// Everything the first pass reads of the programmes, in one array, one programme after the other: its
    /// <see cref="CompiledProgramme"/>, its <see cref="ScoreInputs"/>, its criteria, then their values, a few
    /// hundred bytes. The first pass reads it in order, which the processor fetches ahead of time, even though
    /// most programmes are turned down after their first bytes. With an array per kind of value, each programme
    /// not turned down was read from several places at irregular distances: in a catalogue larger than the
    /// processor's cache, a cache miss per place.
    /// </summary>
    public ulong[] Data { get; }

    /// <summary>
    /// The word each programme's data starts at. Apart, rather than each programme's length in its data, so that
    /// where the next programme starts does not wait for this one's bytes.
    /// </summary>
    public int[] Starts { get; }

    public ref readonly CompiledProgramme Programme(int start) => ref Value<CompiledProgramme>(start);

    public ReadOnlySpan<CompiledCriterion> Criteria(int start, in CompiledProgramme p) => Values<CompiledCriterion>(start + HeaderWords, p.Count);

    /// <summary>What the score needs: only the programmes that pass are scored.</summary>
    public ref readonly ScoreInputs ScoreInputs(int start) => ref Value<ScoreInputs>(start + WordList.WordsFor<CompiledProgramme>(1));

    /// <summary>A programme's words before its criteria.</summary>
    private static int HeaderWords => WordList.WordsFor<CompiledProgramme>(1) + WordList.WordsFor<ScoreInputs>(1);

    /// <summary>
    /// A criterion's values (see <see cref="CompiledCriterion.Start"/>). Regions and countries: their numbers as ints;
    /// themes: one ulong mask; amounts, durations, ages, years of partnership and start windows (as day numbers): longs,
    /// own contributions: decimals, both read with <see cref="Given"/>.
    /// </summary>
    public ReadOnlySpan<T> Values<T>(int start, int count) where T : struct =>
        count == 0 ? default : MemoryMarshal.CreateReadOnlySpan(in Value<T>(start), count);

    /// <summary>
    /// The value written at word <paramref name="start"/>. Only the start is checked against the array: the
    /// values were written there with the same sizes, so they lie inside. Checking their ends and slicing as
    /// well made the whole match about a tenth slower at 10,000 programmes.
    /// </summary>
    public ref readonly T Value<T>(int start) where T : struct => ref Unsafe.As<ulong, T>(ref Data[start]);

    /// <summary>Value k of an amount, duration, age, partnership, start window or own contribution, if the criterion gives it.</summary>
    public T? Given<T>(in CompiledCriterion c, int k) where T : struct =>
        (c.Allowed & (1u << k)) != 0 ? Values<T>(c.Start, c.Count)[k] : null;

    /// <summary>A deadline criterion's schedule, with its lead times and dates, which follow it.</summary>
    public ref readonly CompiledDeadline Deadline(int start, out ReadOnlySpan<int> dates, out ReadOnlySpan<CompiledLeadTime> leadTimes)
    {
        ref readonly var deadline = ref Value<CompiledDeadline>(start);
        var leadTimesStart = start + WordList.WordsFor<CompiledDeadline>(1);
        leadTimes = Values<CompiledLeadTime>(leadTimesStart, deadline.LeadTimesCount);
        dates = Values<int>(leadTimesStart + WordList.WordsFor<CompiledLeadTime>(deadline.LeadTimesCount), deadline.DatesCount);
        return ref deadline;
    }

    /// <summary>Every region the catalogue names, once; criteria refer to them by index.</summary>
    public Region[] Regions { get; }

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
    private CompiledCriterion CompileCountries(ProjectCountryCriterion c, CompiledCriterion compiled, WordList data)
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
        var ids = new int[c.Countries.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            if (!_countryIds.TryGetValue(c.Countries[i], out ids[i]))
            {
                ids[i] = _countryIds.Count;
                _countryIds[c.Countries[i]] = ids[i];
            }
        }
        return compiled with { Allowed = mask, Start = data.Add<int>(ids), Count = ids.Length };
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
/// One programme in the first pass: the first bytes of its data (<see cref="CompiledCatalogue.Data"/>), which
/// holds Count criteria. Read for every programme. TypeMask, LocationMask and SeatRegion repeat its applicant-type,
/// location and (single) seat-region criteria (0, 0 and -1 when it has none), so that most programmes are turned
/// down without reading their criteria.
/// </summary>
internal readonly record struct CompiledProgramme(int Count, ProgrammeStatus Status)
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
    /// <summary>Which of the programme's criteria is its first amount criterion (-1: none): the amount fit compares with its caps.</summary>
    public int Amount { get; init; } = -1;
}

/// <summary>
/// A criterion with its inputs prepared, 16 bytes and no references: Start and Count point at its values
/// in <see cref="CompiledCatalogue.Data"/>, after the programme's criteria.
/// </summary>
internal readonly record struct CompiledCriterion
{
    public required CriterionKind Kind { get; init; }
    /// <summary>
    /// Applicant type and project location: the allowed values as bits; charitable: the exempt types as bits;
    /// first-time applicant: 1 when only first-time applicants may apply; project country: DAC bits; amount, duration,
    /// organisation age, partner cooperation, start window and own contribution: bit k when value k is given.
    /// </summary>
    public uint Allowed { get; init; }
    /// <summary>
    /// The word where its values start (see <see cref="CompiledCatalogue.Values"/>; a deadline:
    /// <see cref="CompiledCatalogue.Deadline"/>), or <see cref="CompiledCatalogue.NotCompiled"/> when the
    /// programme's own criterion is to be evaluated. Count: how many values.
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

/// <summary>
/// Values of structs without references one after the other in 8-byte words, each value starting on a word: the
/// builder of <see cref="CompiledCatalogue.Data"/>, which reads them back with the same sizes.
/// </summary>
internal sealed class WordList
{
    private readonly List<ulong> _words = [];

    public static int WordsFor<T>(int count) where T : struct => (Unsafe.SizeOf<T>() * count + sizeof(ulong) - 1) / sizeof(ulong);

    /// <summary>Adds the values and returns the word they start at.</summary>
    public int Add<T>(ReadOnlySpan<T> values) where T : struct
    {
        var start = _words.Count;
        CollectionsMarshal.SetCount(_words, start + WordsFor<T>(values.Length));
        var bytes = MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(_words)[start..]);
        // New words are not cleared: the padding after the last value would be whatever was there.
        bytes.Clear();
        MemoryMarshal.AsBytes(values).CopyTo(bytes);
        return start;
    }

    public int Add<T>(T value) where T : struct => Add(new ReadOnlySpan<T>(in value));

    /// <summary>Adds that many zeroed words, to be <see cref="Set{T}(int, ReadOnlySpan{T})"/> later; returns the first.</summary>
    public int Reserve(int words)
    {
        var start = _words.Count;
        CollectionsMarshal.SetCount(_words, start + words);
        CollectionsMarshal.AsSpan(_words)[start..].Clear();
        return start;
    }

    public void Set<T>(int start, ReadOnlySpan<T> values) where T : struct =>
        MemoryMarshal.AsBytes(values).CopyTo(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(_words)[start..]));

    public void Set<T>(int start, T value) where T : struct => Set(start, new ReadOnlySpan<T>(in value));

    public int Count => _words.Count;

    public ulong[] ToArray() => _words.ToArray();
}
