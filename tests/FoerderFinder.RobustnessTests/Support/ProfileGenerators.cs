using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;
using FsCheck;
using FsCheck.Fluent;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.RobustnessTests.Support;

/// <summary>A generated match input: the profile, the day it is judged on, and the options.</summary>
public sealed record MatchInput(Profile Profile, DateOnly AsOf, int Limit, bool IncludeNotEligible, Language Language)
{
    public override string ToString() =>
        $"asOf {AsOf:yyyy-MM-dd}, limit {Limit}, includeNotEligible {IncludeNotEligible}, {Domain.Json.FoerderFinderJson.Serialize(Profile)}";
}

/// <summary>
/// FsCheck generators for profiles: mostly values a real form would send, mixed with boundaries and
/// values the validator must refuse (negative amounts, far dates, unknown codes, odd Unicode).
/// </summary>
public static class ProfileGenerators
{
    /// <summary>Municipalities with the Land they lie in, so that seat and Land agree as in a real profile.</summary>
    private static readonly (string Name, string Land)[] KnownMunicipalities =
    [
        ("Münster", "DE-NW"), ("muenster", "DE-NW"), ("Stadt Münster", "DE-NW"), ("05515000", "DE-NW"), ("Greven", "DE-NW"), ("Bielefeld", "DE-NW"),
        ("Köln", "DE-NW"), ("Dortmund", "DE-NW"), ("05711000", "DE-NW"), ("Berlin", "DE-BE"), ("11000000", "DE-BE"), ("Leipzig", "DE-SN"),
        ("Zzyzx-Teststadt", "DE-HE"),
    ];

    private static readonly string[] OddStrings =
        ["", " ", "DE-XX", "de-nw", "ZZ", "99999999", "0551500", "Zzyzx-Teststadt", "\uFFFE", "\uFFFF", "\uD800", "Mu\u0308nster", "M\u202Eretsnu",
         "\u0000", "'; DROP TABLE x; --", "feb' or PartitionKey ne '", "../../etc/passwd", new string('x', 101), "０５５１５０００", "\U0001F600"];

    private static Gen<T?> OrNone<T>(Gen<T> gen, int noneWeight = 1) where T : struct =>
        Gen.Frequency((noneWeight, Gen.Constant<T?>(null)), (3, gen.Select(v => (T?)v)));

    private static Gen<T?> OrNoneRef<T>(Gen<T> gen, int noneWeight = 1) where T : class =>
        Gen.Frequency((noneWeight, Gen.Constant<T?>(null)), (3, gen.Select(v => (T?)v)));

    /// <summary>Usual values most of the time, so that many whole profiles stay valid; unusual ones often enough to matter.</summary>
    private static Gen<T> Mostly<T>(Gen<T> usual, Gen<T> unusual) => Gen.Frequency((12, usual), (1, unusual));

    private static Gen<bool> Bool => Gen.Elements(true, false);

    private static Gen<string> AnyString =>
        Gen.Frequency(
            (3, Gen.Elements(OddStrings)),
            (1, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)),
            (1, ArbMap.Default.GeneratorFor<NonEmptyString>().Select(s => s.Get)));

    private static Gen<string> Land => Gen.Elements(Geo.Instance.Laender.Select(l => l.Code).ToArray());

    /// <summary>A seat or project place: a Land, a municipality, both agreeing, nothing, or odd text in either.</summary>
    private static Gen<(string? State, string? Municipality)> Place => Gen.Frequency(
        (3, Land.Select(l => ((string?)l, (string?)null))),
        (3, Gen.Elements(KnownMunicipalities).Select(m => ((string?)null, (string?)m.Name))),
        (3, Gen.Elements(KnownMunicipalities).Select(m => ((string?)m.Land, (string?)m.Name))),
        (2, Gen.Constant<(string?, string?)>((null, null))),
        (1, Gen.Zip(OrNoneRef(Mostly(Land, AnyString)), OrNoneRef(AnyString)).Select(p => (p.Item1, p.Item2))));

    private static Gen<long> Amount => Mostly(
        Gen.Choose(0, 300_000).Select(v => (long)v),
        Gen.Elements(-1L, long.MinValue, long.MaxValue, 100_000_000L, 100_000_001L, 0L));

    private static Gen<decimal> Percent => Mostly(
        Gen.Choose(0, 10_000).Select(v => v / 100m),
        Gen.Elements(-0.01m, 100.01m, decimal.MaxValue, decimal.MinValue, 0.0000001m));

    private static Gen<int> Months => Mostly(Gen.Choose(1, 120), Gen.Elements(0, -1, 121, int.MaxValue, int.MinValue));

    private static Gen<int> Years => Mostly(Gen.Choose(0, 60), Gen.Elements(-1, 201, int.MaxValue, int.MinValue));

    private static Gen<int> FoundedYear => Mostly(Gen.Choose(1850, 2100), Gen.Elements(1799, 0, -2000, int.MaxValue, int.MinValue));

    private static Gen<IReadOnlyList<string>> Codes(Gen<string> valid) =>
        Gen.OneOf(
            Gen.ListOf(valid).Select(l => (IReadOnlyList<string>)l.Take(4).ToList()),
            Gen.ListOf(valid).Select(l => (IReadOnlyList<string>)l.Take(4).ToList()),
            Gen.ListOf(Mostly(valid, AnyString)).Select(l => (IReadOnlyList<string>)l.ToList()));

    private static Gen<string> Country => Gen.Elements(Geo.Instance.Countries.Select(c => c.Code).Where(c => c != "DE").ToArray());

    private static Gen<string> Theme => Gen.Elements(Themes.All.Select(t => t.Code).ToArray());

    /// <summary>Mostly the years the catalogue's deadlines are about; sometimes anywhere the API accepts (2000 to 2100).</summary>
    public static Gen<DateOnly> AsOf => Gen.Frequency(
        (4, Gen.Choose(new DateOnly(2025, 1, 1).DayNumber, new DateOnly(2028, 12, 31).DayNumber).Select(DateOnly.FromDayNumber)),
        (1, Gen.Choose(new DateOnly(2000, 1, 1).DayNumber, new DateOnly(2100, 12, 31).DayNumber).Select(DateOnly.FromDayNumber)));

    private static Gen<DateOnly> PlannedStart(DateOnly asOf) => Mostly(
        Gen.Choose(-400, 3 * 365).Select(days => asOf.AddDays(days)),
        Gen.Elements(DateOnly.MinValue, DateOnly.MaxValue, asOf.AddYears(-5).AddDays(-1), asOf.AddYears(10).AddDays(1), new DateOnly(1900, 1, 1)));

    public static Gen<OrganisationProfile> Organisation =>
        from type in OrNone(Gen.Elements(Enum.GetValues<OrganisationType>()))
        from migrantLed in OrNone(Bool)
        from charitable in OrNone(Bool)
        from founded in OrNone(FoundedYear)
        from seat in Place
        from volunteerRun in OrNone(Bool)
        from firstTime in OrNone(Bool)
        from partnerYears in OrNone(Years)
        select new OrganisationProfile
        {
            Type = type, MigrantLed = migrantLed, Charitable = charitable, FoundedYear = founded, State = seat.State, Municipality = seat.Municipality,
            VolunteerRun = volunteerRun, FirstTimeApplicant = firstTime, PartnerCooperationYears = partnerYears,
        };

    public static Gen<ProjectProfile> Project(DateOnly asOf) =>
        from location in OrNone(Gen.Elements(Enum.GetValues<ProjectLocation>()))
        from place in Place
        from countries in location == ProjectLocation.Abroad ? OrNoneRef(Codes(Country)) : Gen.Frequency((8, Gen.Constant<IReadOnlyList<string>?>(null)), (1, Codes(Country).Select(c => (IReadOnlyList<string>?)c)))
        from themes in OrNoneRef(Codes(Theme))
        from amount in OrNone(Amount)
        from percent in OrNone(Percent)
        from start in OrNone(PlannedStart(asOf))
        from months in OrNone(Months)
        select new ProjectProfile
        {
            Location = location, State = place.State, Municipality = place.Municipality, Countries = countries, Themes = themes,
            RequestedAmountEur = amount, OwnContributionPercent = percent, PlannedStart = start, DurationMonths = months,
        };

    /// <summary>Any profile, valid or not, with options as a caller could set them.</summary>
    public static Gen<MatchInput> Inputs =>
        from asOf in AsOf
        from organisation in Organisation
        from project in Project(asOf)
        from limit in Gen.Frequency((3, Gen.Choose(1, 30)), (1, Gen.Choose(0, 250)))
        from includeNotEligible in Bool
        from language in Gen.Elements(Language.De, Language.En)
        select new MatchInput(new Profile { Organisation = organisation, Project = project }, asOf, limit, includeNotEligible, language);

    /// <summary>Profiles the validator accepts: what the matcher sees behind the HTTP layer.</summary>
    public static Gen<MatchInput> ValidInputs =>
        Inputs.Where(i => ProfileValidator.Validate(i.Profile, i.AsOf).Count == 0);

    /// <summary>
    /// A match request as JSON with some values replaced by junk of any JSON type, so that the
    /// HTTP layer meets wrong types, unknown fields and bad values all at once.
    /// </summary>
    public static Gen<JObject> JsonRequests =>
        from input in Inputs
        from mutations in Gen.ListOf(Mutation).Select(m => m.Take(3).ToList())
        select Apply(ToJson(input), mutations);

    public static JObject ToJson(MatchInput input)
    {
        var json = JObject.FromObject(new
        {
            organisation = input.Profile.Organisation,
            project = input.Profile.Project,
            language = input.Language,
            asOf = input.AsOf,
            limit = input.Limit,
            includeNotEligible = input.IncludeNotEligible,
        }, Newtonsoft.Json.JsonSerializer.Create(Domain.Json.FoerderFinderJson.Settings));
        return json;
    }

    private static Gen<(string Path, JToken? Value)> Mutation =>
        from path in Gen.Elements(
            "organisation.type", "organisation.foundedYear", "organisation.municipality", "organisation.migrantLed", "project.themes",
            "project.countries", "project.requestedAmountEur", "project.ownContributionPercent", "project.plannedStart", "project.durationMonths",
            "language", "asOf", "limit", "organisation", "project", "organisation.unknownField", "surplus")
        from value in Gen.OneOf(
            Gen.Constant<JToken?>(null),
            Gen.Elements<JToken?>(
                JValue.CreateNull(), new JValue(true), new JValue(-1), new JValue(1e300), new JValue(long.MaxValue), new JValue(0.5m),
                new JValue(""), new JValue("x"), new JArray(), new JArray(1, "a"), new JObject(), new JObject { ["$type"] = "x" },
                new JValue("2026-02-30"), new JValue("9999-12-31"), new JValue("DE-XX"), new JValue("\uFFFE")),
            AnyString.Select(s => (JToken?)new JValue(s)))
        select (path, value);

    private static JObject Apply(JObject json, IEnumerable<(string Path, JToken? Value)> mutations)
    {
        foreach (var (path, value) in mutations)
        {
            var parts = path.Split('.');
            var target = json;
            foreach (var part in parts[..^1])
            {
                if (target[part] is not JObject child)
                {
                    target.Remove(part);
                    target.Add(part, child = new JObject());
                }
                target = child;
            }
            // Remove first: replacing compares old and new values, and Newtonsoft cannot compare 1e300 with a decimal.
            target.Remove(parts[^1]);
            if (value is not null)
            {
                target.Add(parts[^1], value.DeepClone());
            }
        }
        return json;
    }
}
