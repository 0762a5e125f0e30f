using System.Globalization;
using System.Numerics;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Benchmarks;

/// <summary>
/// The lower bound for matching: the same predicates as the matcher's first pass (verdict, score,
/// missing fields, next-question counts, top-N by the same order), hand-written over flat arrays
/// prepared once per catalogue, with no explanations, no virtual calls and no allocation per
/// programme. Nothing a real matcher could do is left out except the explanations; what it does
/// is what any matcher has to do. The benchmark checks it agrees with <see cref="Matcher"/>.
/// </summary>
public sealed class LowerBoundMatcher
{
    private const long NoMin = long.MinValue;
    private const long NoMax = long.MaxValue;

    private static readonly ProfileField[] Fields = ProfileFields.All.ToArray();

    private readonly FlatProgramme[] _programmes;
    private readonly Region[] _regions;
    private readonly int[] _regionRefs;
    private readonly int[] _countryRefs;
    private readonly Dictionary<string, int> _countryIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dacRegionBits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _themeBits;
    private readonly FlatDeadline[] _deadlines;
    private readonly int[] _deadlineDates;

    public LowerBoundMatcher(IReadOnlyList<Programme> programmes)
    {
        _themeBits = Themes.All.Select((t, i) => (t.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var regionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var regions = new List<Region>();
        var regionRefs = new List<int>();
        var countryRefs = new List<int>();
        var deadlines = new List<FlatDeadline>();
        var deadlineDates = new List<int>();
        var idRank = programmes.Select((p, i) => (p.Id, i)).OrderBy(x => x.Id, StringComparer.Ordinal)
            .Select((x, rank) => (x.i, rank)).ToDictionary(x => x.i, x => x.rank);
        _programmes = new FlatProgramme[programmes.Count];

        int AddRegions(IReadOnlyList<string> ids, out int count)
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
            count = ids.Count;
            return start;
        }

        for (var i = 0; i < programmes.Count; i++)
        {
            var p = programmes[i];
            var f = new FlatProgramme
            {
                Status = p.Status == ProgrammeStatus.Active ? (byte)0 : p.Status.IsOver() ? (byte)2 : (byte)1,
                AmountMin = NoMin,
                AmountMax = NoMax,
                FirstTimeMax = NoMax,
                OwnVolunteerMin = -1,
                DurationMin = int.MinValue,
                DurationMax = int.MaxValue,
                AgeMin = int.MinValue,
                AgeMax = int.MaxValue,
                FirstTimeRequired = -1,
                PartnerMin = -1,
                WindowFrom = int.MinValue,
                WindowTo = int.MaxValue,
                Deadline = -1,
                Themes = ThemeMask(p.Themes),
                MadeForMsos = p.MadeForMsos,
                FirstTimeFriendly = p.FirstTimeFriendly,
                // Advice and seconded staff do not pay for the amount asked for: no amount-fit points.
                GivesMoney = p.SupportType is not (SupportType.Advisory or SupportType.Personnel),
                IdRank = idRank[i],
            };
            var narrowest = RegionLevel.Supranational;
            var seen = new HashSet<CriterionKind>();
            foreach (var criterion in p.Criteria)
            {
                if (!seen.Add(criterion.Kind))
                {
                    throw new NotSupportedException($"{p.Id} has two {criterion.Kind} criteria; the flat form holds one of each.");
                }
                switch (criterion)
                {
                    case ApplicantTypeCriterion c:
                        f.ApplicantTypes = c.AnyOf.Aggregate(0u, (mask, t) => mask | 1u << (int)t);
                        f.HasApplicantType = true;
                        break;
                    case ApplicantSeatCriterion c:
                        f.SeatStart = AddRegions(c.Regions, out f.SeatCount);
                        narrowest = (RegionLevel)Math.Min((int)narrowest, (int)c.Regions.Max(r => Geo.Instance.GetRegion(r).Level));
                        break;
                    case ProjectLocationCriterion c:
                        f.Locations = (byte)c.AnyOf.Aggregate(0, (mask, l) => mask | 1 << (int)l);
                        f.HasLocation = true;
                        break;
                    case ProjectRegionCriterion c:
                        f.ProjectRegionStart = AddRegions(c.Regions, out f.ProjectRegionCount);
                        narrowest = (RegionLevel)Math.Min((int)narrowest, (int)c.Regions.Max(r => Geo.Instance.GetRegion(r).Level));
                        break;
                    case ProjectCountryCriterion c:
                        f.HasCountry = true;
                        f.CountryOda = c.CountryLists.Contains("oda_dac");
                        f.DacRegions = c.DacRegions.Aggregate(0u, (mask, r) => mask | 1u << DacRegionBit(r));
                        f.CountryStart = countryRefs.Count;
                        f.CountryCount = c.Countries.Count;
                        countryRefs.AddRange(c.Countries.Select(CountryId));
                        break;
                    case AmountCriterion c:
                        f.HasAmount = true;
                        f.AmountMin = c.MinEur ?? NoMin;
                        f.AmountMax = c.MaxEur ?? NoMax;
                        f.FirstTimeMax = c.FirstTimeMaxEur ?? NoMax;
                        break;
                    case OwnContributionCriterion c:
                        f.HasOwn = true;
                        f.OwnMin = BasisPoints(c.MinPercent);
                        f.OwnVolunteerMin = c.VolunteerRunMinPercent is { } v ? BasisPoints(v) : -1;
                        break;
                    case DurationCriterion c:
                        f.HasDuration = true;
                        f.DurationMin = c.MinMonths ?? int.MinValue;
                        f.DurationMax = c.MaxMonths ?? int.MaxValue;
                        break;
                    case OrganisationAgeCriterion c:
                        f.HasAge = true;
                        f.AgeMin = c.MinYears ?? int.MinValue;
                        f.AgeMax = c.MaxYears ?? int.MaxValue;
                        break;
                    case CharitableCriterion c:
                        f.Required |= Requirement.Charitable;
                        f.CharitableExempt = c.ExceptFor.Aggregate(0u, (mask, t) => mask | 1u << (int)t);
                        break;
                    case MigrantLedCriterion:
                        f.Required |= Requirement.MigrantLed;
                        break;
                    case VolunteerRunCriterion:
                        f.Required |= Requirement.VolunteerRun;
                        break;
                    case FirstTimeApplicantCriterion c:
                        f.FirstTimeRequired = c.Required ? (sbyte)1 : (sbyte)0;
                        break;
                    case PartnerCooperationCriterion c:
                        f.PartnerMin = c.MinYears;
                        break;
                    case ThemeCriterion c:
                        f.ThemeCriterion = ThemeMask(c.AnyOf);
                        break;
                    case ProjectStartWindowCriterion c:
                        f.HasWindow = true;
                        f.WindowFrom = c.From?.DayNumber ?? int.MinValue;
                        f.WindowTo = c.To?.DayNumber ?? int.MaxValue;
                        break;
                    case DeadlineCriterion c:
                        f.Deadline = deadlines.Count;
                        deadlines.Add(Flatten(c.Schedule, deadlineDates));
                        break;
                    default:
                        throw new NotSupportedException(criterion.GetType().Name);
                }
            }
            f.RegionPoints = narrowest switch
            {
                RegionLevel.Municipality => 20,
                RegionLevel.PartOfLand => 16,
                RegionLevel.Land => 12,
                RegionLevel.GroupOfLaender => 8,
                RegionLevel.Country => 4,
                _ => 0,
            };
            _programmes[i] = f;
        }
        _regions = regions.ToArray();
        _regionRefs = regionRefs.ToArray();
        _countryRefs = countryRefs.ToArray();
        _deadlines = deadlines.ToArray();
        _deadlineDates = deadlineDates.ToArray();
    }

    /// <summary>Verdict counts, next-question counts and the top <paramref name="top"/> programme indices, best first.</summary>
    public Summary Match(Profile profile, DateOnly asOf, Span<int> top)
    {
        var ctx = new MatchContext(profile, asOf);
        var org = profile.Organisation;
        var project = profile.Project;

        // Per profile, once: the outcome of every region of the catalogue for the seat and the project place.
        Span<byte> seatOutcome = _regions.Length <= 512 ? stackalloc byte[_regions.Length] : new byte[_regions.Length];
        Span<byte> placeOutcome = _regions.Length <= 512 ? stackalloc byte[_regions.Length] : new byte[_regions.Length];
        for (var r = 0; r < _regions.Length; r++)
        {
            seatOutcome[r] = RegionOutcome(_regions[r], ctx.OrganisationSeat);
            placeOutcome[r] = RegionOutcome(_regions[r], ctx.ProjectPlace);
        }
        var typeBit = org.Type is { } type ? 1u << (int)type : 0u;
        var locationBit = project.Location is { } location ? 1 << (int)location : 0;
        var abroad = project.Location == ProjectLocation.Abroad;
        var inGermany = project.Location == ProjectLocation.Germany;
        var themes = project.Themes is { Count: > 0 } t ? ThemeMask(t) : 0UL;
        var hasThemes = project.Themes is { Count: > 0 };
        Span<int> countryIds = stackalloc int[project.Countries?.Count ?? 0];
        Span<uint> countryDac = stackalloc uint[countryIds.Length];
        Span<bool> countryIsDac = stackalloc bool[countryIds.Length];
        for (var c = 0; c < countryIds.Length; c++)
        {
            var code = project.Countries![c];
            countryIds[c] = _countryIds.TryGetValue(code, out var id) ? id : -1;
            var recipient = Geo.Instance.FindDacRecipient(code);
            countryIsDac[c] = recipient is not null;
            countryDac[c] = recipient is not null && _dacRegionBits.TryGetValue(recipient.Region, out var bit) ? 1u << bit : 0u;
        }
        var requested = project.RequestedAmountEur;
        var own = project.OwnContributionPercent is { } percent ? BasisPoints(percent) : (long?)null;
        var start = project.PlannedStart?.DayNumber;
        var age = org.FoundedYear is { } founded ? asOf.Year - founded : (int?)null;
        var migrantLed = org.MigrantLed == true;
        var firstTime = org.FirstTimeApplicant;

        Span<int> settles = stackalloc int[32];
        Span<int> affects = stackalloc int[32];
        Span<long> topKeys = stackalloc long[top.Length];
        Span<int> topRank = stackalloc int[top.Length];
        var topCount = 0;
        int eligible = 0, open = 0, notEligible = 0;

        var programmes = _programmes;
        for (var i = 0; i < programmes.Length; i++)
        {
            ref readonly var p = ref programmes[i];
            if (p.Status == 2)
            {
                notEligible++;
                continue;
            }
            var missing = 0u;
            var unknown = p.Status == 1;
            var unknownWithoutField = unknown;
            var failed = false;

            if (p.HasApplicantType)
            {
                if (typeBit == 0) { missing |= (uint)ProfileField.OrganisationType; }
                else if ((p.ApplicantTypes & typeBit) == 0) { failed = true; }
            }
            if (!failed && p.SeatCount > 0)
            {
                failed = Regions(p.SeatStart, p.SeatCount, seatOutcome, ctx.OrganisationSeat, ProfileField.OrganisationState, ProfileField.OrganisationMunicipality, ref missing, ref unknownWithoutField);
            }
            if (!failed && p.HasLocation)
            {
                if (locationBit == 0) { missing |= (uint)ProfileField.ProjectLocation; }
                else if ((p.Locations & locationBit) == 0) { failed = true; }
            }
            if (!failed && p.ProjectRegionCount > 0)
            {
                failed = abroad || Regions(p.ProjectRegionStart, p.ProjectRegionCount, placeOutcome, ctx.ProjectPlace, ProfileField.ProjectState, ProfileField.ProjectMunicipality, ref missing, ref unknownWithoutField);
            }
            // The country rule limits only projects abroad; project_location decides about Germany.
            if (!failed && p.HasCountry && !inGermany)
            {
                if (countryIds.Length == 0) { missing |= (uint)ProfileField.ProjectCountries; }
                else
                {
                    for (var c = 0; c < countryIds.Length && !failed; c++)
                    {
                        var allowed = countryIsDac[c] && (p.CountryOda || (p.DacRegions & countryDac[c]) != 0);
                        for (var k = 0; k < p.CountryCount && !allowed; k++)
                        {
                            allowed = _countryRefs[p.CountryStart + k] == countryIds[c];
                        }
                        failed = !allowed;
                    }
                }
            }
            if (!failed && p.HasAmount)
            {
                if (requested is not { } amount) { missing |= (uint)ProfileField.ProjectRequestedAmountEur; }
                else if (amount < p.AmountMin || amount > p.AmountMax) { failed = true; }
                else if (amount > p.FirstTimeMax)
                {
                    if (firstTime is null) { missing |= (uint)ProfileField.OrganisationFirstTimeApplicant; }
                    else if (firstTime.Value) { failed = true; }
                }
            }
            if (!failed && p.HasOwn)
            {
                if (own is not { } share) { missing |= (uint)ProfileField.ProjectOwnContributionPercent; }
                else if (share < p.OwnMin)
                {
                    if (p.OwnVolunteerMin >= 0 && share >= p.OwnVolunteerMin)
                    {
                        if (org.VolunteerRun is null) { missing |= (uint)ProfileField.OrganisationVolunteerRun; }
                        else if (!org.VolunteerRun.Value) { failed = true; }
                    }
                    else { failed = true; }
                }
            }
            if (!failed && p.HasDuration)
            {
                if (project.DurationMonths is not { } months) { missing |= (uint)ProfileField.ProjectDurationMonths; }
                else if (months < p.DurationMin || months > p.DurationMax) { failed = true; }
            }
            if (!failed && p.HasAge)
            {
                if (age is not { } years) { missing |= (uint)ProfileField.OrganisationFoundedYear; }
                else if (years < p.AgeMin || years > p.AgeMax) { failed = true; }
            }
            if (!failed && p.Required != 0)
            {
                failed = Charitable(in p, typeBit, org.Charitable, ref missing)
                    || Require(p.Required, Requirement.MigrantLed, org.MigrantLed, ProfileField.OrganisationMigrantLed, ref missing)
                    || Require(p.Required, Requirement.VolunteerRun, org.VolunteerRun, ProfileField.OrganisationVolunteerRun, ref missing);
            }
            if (!failed && p.FirstTimeRequired >= 0)
            {
                if (firstTime is null) { missing |= (uint)ProfileField.OrganisationFirstTimeApplicant; }
                else if (firstTime.Value != (p.FirstTimeRequired == 1)) { failed = true; }
            }
            if (!failed && p.PartnerMin >= 0)
            {
                if (org.PartnerCooperationYears is not { } partnerYears) { missing |= (uint)ProfileField.OrganisationPartnerCooperationYears; }
                else if (partnerYears < p.PartnerMin) { failed = true; }
            }
            if (!failed && p.ThemeCriterion != 0)
            {
                if (!hasThemes) { missing |= (uint)ProfileField.ProjectThemes; }
                else if ((p.ThemeCriterion & themes) == 0) { failed = true; }
            }
            if (!failed && p.HasWindow)
            {
                if (start is not { } day) { missing |= (uint)ProfileField.ProjectPlannedStart; }
                else if (day < p.WindowFrom || day > p.WindowTo) { failed = true; }
            }
            var deadlineMet = false;
            var nextDeadline = int.MaxValue;
            if (!failed && p.Deadline >= 0)
            {
                var outcome = Deadline(in _deadlines[p.Deadline], asOf.DayNumber, start, requested, out nextDeadline);
                failed = outcome == Outcome.NotMet;
                deadlineMet = outcome == Outcome.Met;
                unknownWithoutField |= outcome == Outcome.Unknown;
            }
            if (failed)
            {
                notEligible++;
                continue;
            }
            unknown |= missing != 0 || unknownWithoutField;
            int rank;
            if (unknown)
            {
                open++;
                rank = 1;
                var single = !unknownWithoutField && BitOperations.PopCount(missing) == 1;
                for (var bits = missing; bits != 0; bits &= bits - 1)
                {
                    var bit = BitOperations.TrailingZeroCount(bits);
                    affects[bit]++;
                    if (single)
                    {
                        settles[bit]++;
                    }
                }
            }
            else
            {
                eligible++;
                rank = 0;
            }

            var score = BitOperations.PopCount(p.Themes & themes) switch { 0 => 0, 1 => 20, _ => 30 };
            if (p.GivesMoney && requested is { } asked)
            {
                var cap = !p.HasAmount ? (long?)null
                    : firstTime == true && p.FirstTimeMax != NoMax ? p.FirstTimeMax
                    : p.AmountMax != NoMax ? p.AmountMax : null;
                score += cap is not { } max || max == 0 ? 10 : asked > max ? 0 : asked * 4 >= max ? 20 : asked * 20 >= max ? 10 : 5;
            }
            score += p.RegionPoints + (deadlineMet ? 15 : 0) + (p.MadeForMsos && migrantLed ? 10 : 0) + (p.FirstTimeFriendly && firstTime == true ? 5 : 0);

            // Order: verdict, higher score, nearer deadline, id. One long compares the first three.
            var key = ((long)rank << 60) | ((long)(127 - score) << 52) | (uint)nextDeadline;
            if (top.Length > 0)
            {
                Insert(top, topKeys, topRank, ref topCount, i, key, p.IdRank);
            }
        }

        var bestField = ProfileField.None;
        int bestSettles = -1, bestAffects = -1;
        foreach (var field in Fields)
        {
            var bit = BitOperations.TrailingZeroCount((uint)field);
            if (affects[bit] > 0 && (settles[bit] > bestSettles || (settles[bit] == bestSettles && affects[bit] > bestAffects)))
            {
                (bestField, bestSettles, bestAffects) = (field, settles[bit], affects[bit]);
            }
        }
        return new Summary(eligible, open, notEligible, topCount, bestField);
    }

    private static void Insert(Span<int> top, Span<long> keys, Span<int> ranks, ref int count, int index, long key, int idRank)
    {
        var position = count;
        while (position > 0 && (key < keys[position - 1] || (key == keys[position - 1] && idRank < ranks[position - 1])))
        {
            position--;
        }
        if (position >= top.Length)
        {
            return;
        }
        var last = Math.Min(count, top.Length - 1);
        for (var j = last; j > position; j--)
        {
            top[j] = top[j - 1];
            keys[j] = keys[j - 1];
            ranks[j] = ranks[j - 1];
        }
        top[position] = index;
        keys[position] = key;
        ranks[position] = idRank;
        count = Math.Min(count + 1, top.Length);
    }

    private bool Regions(int start, int count, ReadOnlySpan<byte> outcomes, Place place, ProfileField stateField, ProfileField municipalityField, ref uint missing, ref bool unknownWithoutField)
    {
        var unknown = false;
        var needsMunicipality = false;
        for (var k = 0; k < count; k++)
        {
            var r = _regionRefs[start + k];
            var outcome = outcomes[r] & 3;
            if (outcome == (int)Outcome.Met)
            {
                return false;
            }
            if (outcome == (int)Outcome.Unknown)
            {
                unknown = true;
                needsMunicipality |= (outcomes[r] & 4) != 0;
            }
        }
        if (!unknown)
        {
            return true;
        }
        // A municipality the reference data does not know is not asked for again: the region stays unknown without a field.
        var field = place.State is null && place.Ags is null && !place.UnresolvedName ? stateField
            : needsMunicipality && !place.UnresolvedName ? municipalityField
            : needsMunicipality ? ProfileField.None
            : stateField;
        missing |= (uint)field;
        unknownWithoutField |= field == ProfileField.None;
        return false;
    }

    private static byte RegionOutcome(Region region, Place place)
    {
        var outcome = (byte)Geo.Instance.Contains(region, place);
        var needsMunicipality = region.AgsPrefixes.Count > 0 && (place.State is not null || place.Ags is null);
        return (byte)(outcome | (needsMunicipality ? 4 : 0));
    }

    /// <summary>Public bodies named in the criterion need not be charitable; without a type, a non-charitable applicant may be one.</summary>
    private static bool Charitable(in FlatProgramme p, uint typeBit, bool? charitable, ref uint missing)
    {
        if ((p.Required & Requirement.Charitable) == 0 || (p.CharitableExempt & typeBit) != 0)
        {
            return false;
        }
        if (p.CharitableExempt != 0 && typeBit == 0 && charitable == false)
        {
            missing |= (uint)ProfileField.OrganisationType;
            return false;
        }
        return Require(p.Required, Requirement.Charitable, charitable, ProfileField.OrganisationCharitable, ref missing);
    }

    private static bool Require(Requirement required, Requirement which, bool? value, ProfileField field, ref uint missing)
    {
        if ((required & which) == 0)
        {
            return false;
        }
        if (value is null)
        {
            missing |= (uint)field;
            return false;
        }
        return !value.Value;
    }

    /// <summary>The deadline calculator's rules over day numbers: outcome and next deadline.</summary>
    private Outcome Deadline(in FlatDeadline d, int asOf, int? start, long? requested, out int next)
    {
        next = int.MaxValue;
        var lead = d.LeadCount == 0 ? 0 : requested is not { } amount ? d.LongestLead : LeadFor(d, amount);
        if (d.Type == DeadlineType.Rolling)
        {
            return start is not { } s || s - 7 * lead >= asOf ? Outcome.Met : Outcome.NotMet;
        }
        if (d.Type == DeadlineType.Call && d.Call != CallStatus.Open)
        {
            return Outcome.Unknown;
        }
        var dates = _deadlineDates.AsSpan(d.DateStart, d.DateCount);
        var asOfDate = DateOnly.FromDayNumber(asOf);
        if (d.Type == DeadlineType.Annual)
        {
            for (var year = asOfDate.Year; year <= asOfDate.Year + 1 && next == int.MaxValue; year++)
            {
                foreach (var monthDay in dates)
                {
                    if (TryDay(year, monthDay, out var day) && day >= asOf)
                    {
                        next = day;
                        break;
                    }
                }
            }
        }
        else
        {
            foreach (var day in dates)
            {
                if (day >= asOf)
                {
                    next = day;
                    break;
                }
            }
        }
        if (next == int.MaxValue)
        {
            return Outcome.NotMet;
        }
        if (start is not { } planned)
        {
            return Outcome.Met;
        }
        var minGap = 7 * Math.Max(lead, d.ServesMin);
        var maxGap = d.ServesMax;
        var latest = int.MinValue;
        if (d.Type == DeadlineType.Annual)
        {
            var startYear = DateOnly.FromDayNumber(planned).Year;
            for (var year = startYear - 3; year <= startYear; year++)
            {
                foreach (var monthDay in dates)
                {
                    if (TryDay(year, monthDay, out var day))
                    {
                        var gap = planned - day;
                        if (gap >= minGap && gap <= maxGap && day > latest)
                        {
                            latest = day;
                        }
                    }
                }
            }
        }
        else
        {
            foreach (var day in dates)
            {
                var gap = planned - day;
                if (gap >= minGap && gap <= maxGap && day > latest)
                {
                    latest = day;
                }
            }
        }
        return latest != int.MinValue && latest >= asOf ? Outcome.Met : Outcome.NotMet;
    }

    private static int LeadFor(in FlatDeadline d, long amount)
    {
        for (var i = 0; i < d.LeadCount; i++)
        {
            var cap = i switch { 0 => d.LeadCap0, 1 => d.LeadCap1, _ => d.LeadCap2 };
            if (amount <= cap)
            {
                return i switch { 0 => d.LeadWeeks0, 1 => d.LeadWeeks1, _ => d.LeadWeeks2 };
            }
        }
        return d.LeadCount switch { 1 => d.LeadWeeks0, 2 => d.LeadWeeks1, _ => d.LeadWeeks2 };
    }

    private static bool TryDay(int year, int monthDay, out int day)
    {
        var month = monthDay / 100;
        var dayOfMonth = monthDay % 100;
        if (dayOfMonth <= DateTime.DaysInMonth(year, month))
        {
            day = new DateOnly(year, month, dayOfMonth).DayNumber;
            return true;
        }
        day = 0;
        return false;
    }

    private static FlatDeadline Flatten(DeadlineSchedule s, List<int> dates)
    {
        if (s.LeadTimes.Count > 3)
        {
            throw new NotSupportedException("More than three lead-time tiers.");
        }
        var lead = s.LeadTimes;
        var start = dates.Count;
        var parsed = s.Type == DeadlineType.Annual
            ? s.Dates.Select(d => int.Parse(d[..2], CultureInfo.InvariantCulture) * 100 + int.Parse(d[3..], CultureInfo.InvariantCulture))
            : s.Dates.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber);
        dates.AddRange(parsed.Order());
        return new FlatDeadline
        {
            Type = s.Type,
            Call = s.Call,
            DateStart = start,
            DateCount = dates.Count - start,
            LeadCount = lead.Count,
            LongestLead = lead.Count == 0 ? 0 : lead.Max(l => l.Weeks),
            LeadCap0 = lead.Count > 0 ? lead[0].MaxAmountEur ?? NoMax : NoMax,
            LeadCap1 = lead.Count > 1 ? lead[1].MaxAmountEur ?? NoMax : NoMax,
            LeadCap2 = lead.Count > 2 ? lead[2].MaxAmountEur ?? NoMax : NoMax,
            LeadWeeks0 = lead.Count > 0 ? lead[0].Weeks : 0,
            LeadWeeks1 = lead.Count > 1 ? lead[1].Weeks : 0,
            LeadWeeks2 = lead.Count > 2 ? lead[2].Weeks : 0,
            ServesMin = s.Serves?.MinWeeksAfter ?? 0,
            ServesMax = s.Serves?.MaxWeeksAfter is { } max ? 7 * max : int.MaxValue,
        };
    }

    private ulong ThemeMask(IReadOnlyList<string> themes)
    {
        var mask = 0UL;
        for (var i = 0; i < themes.Count; i++)
        {
            if (_themeBits.TryGetValue(themes[i], out var bit))
            {
                mask |= 1UL << bit;
            }
        }
        return mask;
    }

    private int CountryId(string code)
    {
        if (!_countryIds.TryGetValue(code, out var id))
        {
            id = _countryIds.Count;
            _countryIds[code] = id;
        }
        return id;
    }

    private int DacRegionBit(string region)
    {
        if (!_dacRegionBits.TryGetValue(region, out var bit))
        {
            bit = _dacRegionBits.Count;
            _dacRegionBits[region] = bit < 32 ? bit : throw new NotSupportedException("More than 32 DAC regions.");
        }
        return bit;
    }

    private static long BasisPoints(decimal percent)
    {
        var scaled = percent * 100m;
        return scaled == decimal.Truncate(scaled) ? (long)scaled : throw new NotSupportedException($"Own contribution {percent} has more than two decimals.");
    }

    public readonly record struct Summary(int Eligible, int NeedsInformation, int NotEligible, int Returned, ProfileField NextQuestion);

    [Flags]
    private enum Requirement : byte
    {
        Charitable = 1,
        MigrantLed = 2,
        VolunteerRun = 4,
    }

    private struct FlatProgramme
    {
        public byte Status;
        public bool HasApplicantType;
        public bool HasLocation;
        public bool HasCountry;
        public bool CountryOda;
        public bool HasAmount;
        public bool HasOwn;
        public bool HasDuration;
        public bool HasAge;
        public bool HasWindow;
        public bool MadeForMsos;
        public bool FirstTimeFriendly;
        public bool GivesMoney;
        public Requirement Required;
        public sbyte FirstTimeRequired;
        public byte Locations;
        public byte RegionPoints;
        public uint ApplicantTypes;
        public uint DacRegions;
        public uint CharitableExempt;
        public int SeatStart;
        public int SeatCount;
        public int ProjectRegionStart;
        public int ProjectRegionCount;
        public int CountryStart;
        public int CountryCount;
        public long AmountMin;
        public long AmountMax;
        public long FirstTimeMax;
        public long OwnMin;
        public long OwnVolunteerMin;
        public int DurationMin;
        public int DurationMax;
        public int AgeMin;
        public int AgeMax;
        public int PartnerMin;
        public int WindowFrom;
        public int WindowTo;
        public int Deadline;
        public int IdRank;
        public ulong ThemeCriterion;
        public ulong Themes;
    }

    private struct FlatDeadline
    {
        public DeadlineType Type;
        public CallStatus? Call;
        public int DateStart;
        public int DateCount;
        public int LeadCount;
        public int LongestLead;
        public long LeadCap0;
        public long LeadCap1;
        public long LeadCap2;
        public int LeadWeeks0;
        public int LeadWeeks1;
        public int LeadWeeks2;
        public int ServesMin;
        public int ServesMax;
    }
}
