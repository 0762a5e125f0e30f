using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Tests.TestSupport;

/// <summary>
/// Profiles with any subset of fields given, for checking that two matchers agree beyond the
/// hand-picked profiles. The benchmark's verify mode compiles this same file.
/// </summary>
public static class RandomProfiles
{
    // Unknown places and a country outside the reference data included on purpose.
    private static readonly string[] Municipalities = ["Münster", "Köln", "Greven", "Bielefeld", "Berlin", "Leipzig", "Kiel", "05515000", "Dortmund", "Unbekanntstadt"];
    private static readonly string[] Countries = ["GH", "SN", "UA", "IN", "BR", "FR", "US", "TZ", "PS", "XK"];
    private static readonly string[] ThemeCodes = Themes.All.Select(t => t.Code).ToArray();
    private static readonly string[] States = Geo.Instance.Laender.Select(l => l.Code).ToArray();

    public static IEnumerable<Profile> Create(int count, int seed = 7)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Next(random);
        }
    }

    public static Profile Next(Random random)
    {
        T? Maybe<T>(Func<T> value) where T : struct => random.Next(4) == 0 ? null : value();
        string? MaybeText(Func<string> value) => random.Next(3) == 0 ? null : value();
        return new Profile
        {
            Organisation = new OrganisationProfile
            {
                Type = Maybe(() => (OrganisationType)random.Next(Enum.GetValues<OrganisationType>().Length)),
                MigrantLed = Maybe(() => random.Next(2) == 0),
                Charitable = Maybe(() => random.Next(2) == 0),
                FoundedYear = Maybe(() => random.Next(1990, 2027)),
                State = MaybeText(() => random.Next(2) == 0 ? "DE-NW" : States[random.Next(States.Length)]),
                Municipality = MaybeText(() => Municipalities[random.Next(Municipalities.Length)]),
                VolunteerRun = Maybe(() => random.Next(2) == 0),
                FirstTimeApplicant = Maybe(() => random.Next(2) == 0),
                PartnerCooperationYears = Maybe(() => random.Next(0, 8)),
            },
            Project = new ProjectProfile
            {
                Location = Maybe(() => random.Next(2) == 0 ? ProjectLocation.Germany : ProjectLocation.Abroad),
                State = MaybeText(() => States[random.Next(States.Length)]),
                Municipality = MaybeText(() => Municipalities[random.Next(Municipalities.Length)]),
                Countries = random.Next(3) == 0 ? null : Enumerable.Range(0, random.Next(1, 3)).Select(_ => Countries[random.Next(Countries.Length)]).Distinct().ToList(),
                Themes = random.Next(4) == 0 ? null : Enumerable.Range(0, random.Next(1, 4)).Select(_ => ThemeCodes[random.Next(ThemeCodes.Length)]).Distinct().ToList(),
                RequestedAmountEur = Maybe(() => (long)random.Next(1, 400) * 250),
                OwnContributionPercent = Maybe(() => (decimal)random.Next(0, 41)),
                PlannedStart = Maybe(() => new DateOnly(2026, 12, 1).AddDays(random.Next(0, 600))),
                DurationMonths = Maybe(() => random.Next(1, 48)),
            },
        };
    }
}
