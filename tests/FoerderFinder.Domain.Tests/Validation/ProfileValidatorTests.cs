using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Tests.Validation;

public class ProfileValidatorTests
{
    private static readonly DateOnly AsOf = TestCatalogue.AsOf;
    private static readonly Profile Valid = TestProfiles.MuensterMso();

    private static IReadOnlyList<ValidationError> Validate(Profile profile) => ProfileValidator.Validate(profile, AsOf);

    private static Profile WithOrganisation(Func<OrganisationProfile, OrganisationProfile> change) => Valid with { Organisation = change(Valid.Organisation) };

    private static Profile WithProject(Func<ProjectProfile, ProjectProfile> change) => Valid with { Project = change(Valid.Project) };

    private static ValidationError SingleError(Profile profile) => Assert.Single(Validate(profile));

    [Fact]
    public void Full_valid_profile_and_empty_profile_have_no_errors()
    {
        Assert.Empty(Validate(Valid));
        Assert.Empty(Validate(new Profile()));
    }

    [Theory]
    [InlineData("DE-XX")]
    [InlineData("NW")]
    [InlineData("de-nw")]
    public void Unknown_Land_code_is_an_error_on_the_state(string state)
    {
        var error = SingleError(WithOrganisation(o => o with { State = state, Municipality = null }));

        Assert.Equal("organisation.state", error.Field);
        Assert.Contains(state, error.Message);
    }

    [Fact]
    public void AGS_whose_first_two_digits_name_no_Land_is_an_error_on_the_municipality()
    {
        var error = SingleError(WithOrganisation(o => o with { State = null, Municipality = "99123456" }));

        Assert.Equal("organisation.municipality", error.Field);
    }

    [Fact]
    public void Municipality_in_another_Land_than_the_state_is_a_contradiction()
    {
        var error = SingleError(WithOrganisation(o => o with { State = "DE-BY", Municipality = "Münster" }));

        Assert.Equal("organisation.municipality", error.Field);
        Assert.Contains("DE-NW", error.Message);
        Assert.Contains("DE-BY", error.Message);
    }

    [Fact]
    public void Project_place_is_checked_under_the_project_path()
    {
        var errors = Validate(WithProject(p => p with { State = "DE-SN", Municipality = "05515000" }));

        Assert.Equal("project.municipality", Assert.Single(errors).Field);
    }

    [Fact]
    public void Unknown_municipality_name_is_accepted_as_a_name_only()
    {
        Assert.Empty(Validate(WithOrganisation(o => o with { Municipality = "Kleinkleckersdorf" })));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_municipality_is_an_error(string municipality)
    {
        Assert.Equal("organisation.municipality", SingleError(WithOrganisation(o => o with { Municipality = municipality })).Field);
    }

    [Fact]
    public void Unknown_theme_is_an_error_at_its_index()
    {
        var error = SingleError(WithProject(p => p with { Themes = ["integration", "gardening"] }));

        Assert.Equal("project.themes[1]", error.Field);
        Assert.Contains("gardening", error.Message);
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("gh")]
    [InlineData("DE")]
    public void Country_abroad_must_be_a_known_ISO_code_other_than_Germany(string country)
    {
        var error = SingleError(WithProject(p => p with { Location = ProjectLocation.Abroad, State = null, Municipality = null, Countries = ["GH", country] }));

        Assert.Equal("project.countries[1]", error.Field);
    }

    [Fact]
    public void Project_in_Germany_with_countries_abroad_is_a_contradiction()
    {
        var error = SingleError(WithProject(p => p with { Location = ProjectLocation.Germany, Countries = ["GH"] }));

        Assert.Equal("project.countries", error.Field);
    }

    [Theory]
    [InlineData(-1L, true)]
    [InlineData(0L, false)]
    [InlineData(ProfileValidator.MaxAmountEur, false)]
    [InlineData(ProfileValidator.MaxAmountEur + 1, true)]
    public void Requested_amount_must_be_between_zero_and_the_maximum(long amount, bool isError)
    {
        var errors = Validate(WithProject(p => p with { RequestedAmountEur = amount }));

        Assert.Equal(isError ? ["project.requestedAmountEur"] : [], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(100.01, true)]
    [InlineData(-0.5, true)]
    [InlineData(100, false)]
    [InlineData(0, false)]
    public void Own_contribution_is_a_percentage_between_0_and_100(double percent, bool isError)
    {
        var errors = Validate(WithProject(p => p with { OwnContributionPercent = (decimal)percent }));

        Assert.Equal(isError ? ["project.ownContributionPercent"] : [], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(2027, true)]     // next year, seen from 2026-12-01
    [InlineData(2026, false)]
    [InlineData(1800, false)]
    [InlineData(1799, true)]
    public void Founded_year_cannot_lie_in_the_future_or_before_1800(int year, bool isError)
    {
        var errors = Validate(WithOrganisation(o => o with { FoundedYear = year }));

        Assert.Equal(isError ? ["organisation.foundedYear"] : [], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(120, false)]
    [InlineData(121, true)]
    public void Duration_is_between_1_and_120_months(int months, bool isError)
    {
        var errors = Validate(WithProject(p => p with { DurationMonths = months }));

        Assert.Equal(isError ? ["project.durationMonths"] : [], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("2021-11-30", true)]
    [InlineData("2021-12-01", false)]
    [InlineData("2036-12-01", false)]
    [InlineData("2036-12-02", true)]
    public void Planned_start_lies_within_5_years_before_and_10_years_after_today(string start, bool isError)
    {
        var errors = Validate(WithProject(p => p with { PlannedStart = Dates.D(start) }));

        Assert.Equal(isError ? ["project.plannedStart"] : [], errors.Select(e => e.Field));
    }

    [Fact]
    public void Negative_partner_cooperation_years_are_an_error()
    {
        Assert.Equal("organisation.partnerCooperationYears", SingleError(WithOrganisation(o => o with { PartnerCooperationYears = -1 })).Field);
    }

    [Fact]
    public void Every_error_is_reported_not_only_the_first()
    {
        var profile = new Profile
        {
            Organisation = new() { State = "DE-XX", FoundedYear = 3000 },
            Project = new() { Themes = ["nope"], RequestedAmountEur = -5, OwnContributionPercent = 150 },
        };

        Assert.Equal(
            ["organisation.state", "organisation.foundedYear", "project.themes[0]", "project.requestedAmountEur", "project.ownContributionPercent"],
            Validate(profile).Select(e => e.Field));
    }
}
