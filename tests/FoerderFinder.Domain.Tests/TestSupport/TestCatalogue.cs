using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Matching.Evaluators;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Tests.TestSupport;

public static class TestCatalogue
{
    /// <summary>The day every test matches on unless it says otherwise.</summary>
    public static readonly DateOnly AsOf = new(2026, 12, 1);

    public static CatalogueSnapshot Of(params Programme[] programmes) => new("test", programmes);

    public static MatchResult Match(Profile profile, params Programme[] programmes) =>
        Match(profile, new MatchOptions { AsOf = AsOf, IncludeNotEligible = true }, programmes);

    public static MatchResult Match(Profile profile, MatchOptions options, params Programme[] programmes) =>
        Matcher.Match(Of(programmes), profile, options);

    /// <summary>Matches one programme and returns its explained result (not-eligible ones included).</summary>
    public static ProgrammeMatch MatchOne(Profile profile, Programme programme, DateOnly? asOf = null) =>
        Assert.Single(Match(profile, new MatchOptions { AsOf = asOf ?? AsOf, IncludeNotEligible = true }, programme).Results);

    /// <summary>Evaluates one criterion alone: its outcome and the profile field it is missing.</summary>
    public static (Outcome Outcome, ProfileField Missing) Evaluate(Criterion criterion, Profile profile, DateOnly? asOf = null)
    {
        var outcome = CriterionEvaluator.Evaluate(criterion, new MatchContext(profile, asOf ?? AsOf), out var missing);
        return (outcome, missing);
    }

    public static CriterionResult Explain(Criterion criterion, Profile profile, DateOnly? asOf = null) =>
        CriterionEvaluator.Explain(ProgrammeBuilder.Programme("explained").With(criterion).Verified(AsOf).Build(), 0, new MatchContext(profile, asOf ?? AsOf));

    /// <summary>catalogue/programmes.json of this checkout.</summary>
    public static string ShippedCatalogue => Path.Combine(RepositoryRoot.Path, "catalogue", "programmes.json");
}

/// <summary>Profiles in one line: <c>TestProfiles.MuensterMso() with { ... }</c>.</summary>
public static class TestProfiles
{
    public static readonly Profile Empty = new();

    public static Profile Org(OrganisationProfile organisation) => new() { Organisation = organisation };

    public static Profile Project(ProjectProfile project) => new() { Project = project };

    /// <summary>A migrant-led registered association in Münster, first time applying, with a small education project there.</summary>
    public static Profile MuensterMso() => new()
    {
        Organisation = new OrganisationProfile
        {
            Type = OrganisationType.RegisteredAssociation,
            MigrantLed = true,
            Charitable = true,
            FoundedYear = 2019,
            State = "DE-NW",
            Municipality = "05515000",
            VolunteerRun = true,
            FirstTimeApplicant = true,
            PartnerCooperationYears = 3,
        },
        Project = new ProjectProfile
        {
            Location = ProjectLocation.Germany,
            State = "DE-NW",
            Municipality = "Münster",
            Themes = ["integration", "development_education"],
            RequestedAmountEur = 1_500,
            OwnContributionPercent = 10,
            PlannedStart = new DateOnly(2027, 3, 1),
            DurationMonths = 6,
        },
    };
}

public static class Dates
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
