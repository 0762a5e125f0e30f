using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Vocabulary;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Benchmarks;

/// <summary>
/// Catalogues of any size made from the real one: programme i is a variation of real programme
/// i mod 67, so the mix of criterion kinds, statuses and deadline types stays that of the real
/// catalogue. The first 67 are the real programmes unchanged; every later copy gets a new id and
/// other regions (of the same level), amounts, own-contribution shares, durations, deadline dates,
/// lead times and themes. The same size always gives the same catalogue (fixed seed).
/// </summary>
public static class SyntheticCatalogue
{
    private static readonly Lazy<IReadOnlyList<Programme>> Real = new(() =>
    {
        var parsed = CatalogueFile.Load(RepoPaths.Catalogue);
        if (!parsed.IsValid)
        {
            throw new InvalidDataException("The real catalogue is invalid: " + string.Join("; ", parsed.Errors.Take(5)));
        }
        return parsed.Document!.Programmes;
    });

    public static IReadOnlyList<Programme> RealProgrammes => Real.Value;

    public static IReadOnlyList<Programme> Create(int size)
    {
        var real = Real.Value;
        var pools = Pools.Instance;
        var random = new Random(20261124);
        var programmes = new List<Programme>(size);
        for (var i = 0; i < size; i++)
        {
            var original = real[i % real.Count];
            var copy = i / real.Count;
            programmes.Add(copy == 0 ? original : Vary(original, copy, random, pools));
        }
        return programmes;
    }

    public static CatalogueSnapshot Snapshot(int size) => new($"synthetic-{size}", Create(size));

    private static Programme Vary(Programme p, int copy, Random random, Pools pools)
    {
        var amountFactor = pools.AmountFactors[random.Next(pools.AmountFactors.Length)];
        var dayShift = random.Next(-120, 121);
        var criteria = p.Criteria.Select(c => VaryCriterion(c, random, pools, amountFactor, dayShift)).ToList();
        return p with
        {
            Id = $"{p.Id}_{copy:D4}",
            Themes = VaryThemes(p.Themes, random, pools),
            Criteria = criteria,
        };
    }

    private static Criterion VaryCriterion(Criterion c, Random random, Pools pools, decimal amountFactor, int dayShift) => c switch
    {
        ApplicantSeatCriterion seat => seat with { Regions = seat.Regions.Select(r => pools.SameLevel(r, random)).Distinct().ToList() },
        ProjectRegionCriterion region => region with { Regions = region.Regions.Select(r => pools.SameLevel(r, random)).Distinct().ToList() },
        AmountCriterion amount => amount with
        {
            MinEur = Scale(amount.MinEur, amountFactor),
            MaxEur = Scale(amount.MaxEur, amountFactor),
            FirstTimeMaxEur = Scale(amount.FirstTimeMaxEur, amountFactor),
        },
        OwnContributionCriterion own => VaryOwnContribution(own, random),
        DurationCriterion duration => VaryDuration(duration, random),
        ThemeCriterion theme => theme with { AnyOf = VaryThemes(theme.AnyOf, random, pools) },
        ProjectStartWindowCriterion window => window with { From = window.From?.AddDays(dayShift), To = window.To?.AddDays(dayShift) },
        DeadlineCriterion deadline => deadline with { Schedule = VarySchedule(deadline.Schedule, random, dayShift) },
        _ => c,
    };

    private static DurationCriterion VaryDuration(DurationCriterion duration, Random random)
    {
        var min = duration.MinMonths is { } low ? Math.Max(1, low + random.Next(-2, 3)) : (int?)null;
        var max = duration.MaxMonths is { } high ? Math.Max(min ?? 1, high + 6 * random.Next(-1, 2)) : (int?)null;
        return duration with { MinMonths = min, MaxMonths = max };
    }

    private static OwnContributionCriterion VaryOwnContribution(OwnContributionCriterion own, Random random)
    {
        var min = Math.Clamp(own.MinPercent + 5 * random.Next(-1, 2), 0, 90);
        var volunteer = own.VolunteerRunMinPercent is { } v ? Math.Min(min, Math.Clamp(v + 5 * random.Next(-1, 2), 0, 90)) : (decimal?)null;
        return own with { MinPercent = min, VolunteerRunMinPercent = volunteer };
    }

    private static DeadlineSchedule VarySchedule(DeadlineSchedule s, Random random, int dayShift)
    {
        var dates = s.Type switch
        {
            // Annual dates move to another day of the year (1 to 28, so every year has it).
            DeadlineType.Annual => s.Dates.Select(_ => $"{random.Next(1, 13):D2}-{random.Next(1, 29):D2}").Distinct().Order(StringComparer.Ordinal).ToList(),
            _ => s.Dates.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd").AddDays(dayShift).ToString("yyyy-MM-dd")).ToList(),
        };
        var leadShift = random.Next(-2, 3);
        return s with
        {
            Dates = dates,
            LeadTimes = s.LeadTimes.Select(l => l with { Weeks = Math.Max(0, l.Weeks + leadShift) }).ToList(),
        };
    }

    private static IReadOnlyList<string> VaryThemes(IReadOnlyList<string> themes, Random random, Pools pools)
    {
        if (themes.Count == 0)
        {
            return themes;
        }
        // Keep half of the themes, replace the others: similar programmes, not identical ones.
        var result = new List<string>(themes.Count);
        foreach (var theme in themes)
        {
            var pick = random.Next(2) == 0 ? theme : pools.Themes[random.Next(pools.Themes.Length)];
            if (!result.Contains(pick))
            {
                result.Add(pick);
            }
        }
        return result;
    }

    private static long? Scale(long? amount, decimal factor) =>
        amount is { } value ? (long)Math.Max(100, Math.Round(value * factor / 100m) * 100) : null;

    /// <summary>What a copy may draw from: regions by level (named, Länder and AGS prefixes), themes, amount factors.</summary>
    private sealed class Pools
    {
        public static readonly Pools Instance = new();

        public readonly decimal[] AmountFactors = [0.5m, 0.75m, 1m, 1m, 1.5m, 2m, 3m];
        public readonly string[] Themes = FoerderFinder.Domain.Vocabulary.Themes.All.Select(t => t.Code).ToArray();
        private readonly Dictionary<RegionLevel, string[]> _regionsByLevel;

        private Pools()
        {
            var municipalities = JObject.Parse(File.ReadAllText(RepoPaths.Municipalities))["municipalities"]!
                .Select(m => (string)m["ags"]!).ToArray();
            var geo = Geo.Instance;
            var named = geo.NamedRegions.Select(r => (r.Level, r.Id));
            var laender = geo.Laender.Select(l => (Level: RegionLevel.Land, Id: l.Code));
            var cities = municipalities.Select(ags => (Level: RegionLevel.Municipality, Id: "ags:" + ags));
            var districts = municipalities.Select(ags => (Level: RegionLevel.PartOfLand, Id: "ags:" + ags[..5])).Distinct();
            _regionsByLevel = named.Concat(laender).Concat(cities).Concat(districts)
                .Where(r => geo.IsRegion(r.Id))
                .GroupBy(r => r.Level)
                .ToDictionary(g => g.Key, g => g.Select(r => r.Id).Distinct().ToArray());
        }

        public string SameLevel(string regionId, Random random)
        {
            var level = Geo.Instance.GetRegion(regionId).Level;
            var pool = _regionsByLevel[level];
            return pool[random.Next(pool.Length)];
        }
    }
}
