using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using Newtonsoft.Json.Linq;
using static FoerderFinder.Domain.Tests.TestSupport.ProgrammeBuilder;

namespace FoerderFinder.Domain.Tests.Validation;

public class ProgrammeValidatorTests
{
    private static IReadOnlyList<ValidationError> Validate(params Programme[] programmes) =>
        ProgrammeValidator.ValidateCatalogue(new CatalogueDocument { Programmes = programmes });

    private static ValidationError SingleError(Criterion criterion) => Assert.Single(Validate(Programme("prog").With(criterion)));

    [Fact]
    public void Programme_with_one_criterion_of_every_kind_is_valid()
    {
        Assert.Empty(Validate(Programme("alles").Themes("integration").With([.. Rule.OneOfEachKind()])));
    }

    [Theory]
    [InlineData("Engagiert")]
    [InlineData("a")]
    [InlineData("with-dash")]
    [InlineData("_leading")]
    public void Id_must_be_a_lower_case_slug(string id)
    {
        Assert.Equal("programmes[0].id", Assert.Single(Validate(Programme(id))).Field);
    }

    [Fact]
    public void Duplicate_ids_are_an_error_on_the_second_programme()
    {
        var error = Assert.Single(Validate(Programme("engagiert"), Programme("feb"), Programme("engagiert")));

        Assert.Equal("programmes[2].id", error.Field);
        Assert.Contains("engagiert", error.Message);
    }

    [Fact]
    public void Successor_must_be_in_the_catalogue()
    {
        Assert.Empty(Validate(Programme("agp").Status(ProgrammeStatus.Replaced, "engagiert"), Programme("engagiert")));
        Assert.Equal("programmes[0].replacedBy", Assert.Single(Validate(Programme("agp").Status(ProgrammeStatus.Replaced, "nachfolger"))).Field);
    }

    [Fact]
    public void Only_a_replaced_programme_names_a_successor()
    {
        var errors = Validate(Programme("agp").Status(ProgrammeStatus.Closed, "engagiert"), Programme("engagiert"));

        Assert.Equal("programmes[0].replacedBy", Assert.Single(errors).Field);
    }

    [Fact]
    public void Programme_needs_a_source()
    {
        var programme = ((Programme)Programme("prog")) with { Sources = [] };

        Assert.Equal("programmes[0].sources", Assert.Single(Validate(programme)).Field);
    }

    [Theory]
    [InlineData("ftp://example.org/rules")]
    [InlineData("example.org/rules")]
    [InlineData("")]
    public void Criterion_source_needs_an_http_url(string url)
    {
        var error = SingleError(Rule.Charitable() with { Source = new SourceRef { Url = url } });

        Assert.Equal("programmes[0].criteria[0].source.url", error.Field);
    }

    [Fact]
    public void Programme_texts_are_required_in_both_languages()
    {
        var programme = ((Programme)Programme("prog")) with { Name = new LocalizedText("Name", " "), Purpose = null! };

        Assert.Equal(["programmes[0].name.en", "programmes[0].purpose"], Validate(programme).Select(e => e.Field));
    }

    [Fact]
    public void Unknown_programme_theme_is_an_error_at_its_index()
    {
        Assert.Equal("programmes[0].themes[1]", Assert.Single(Validate(Programme("prog").Themes("integration", "gardening"))).Field);
    }

    // bounds

    [Fact]
    public void Amount_minimum_above_maximum_is_an_error_on_the_minimum()
    {
        var error = SingleError(Rule.Amount(min: 5_000, max: 1_000));

        Assert.Equal("programmes[0].criteria[0].minEur", error.Field);
        Assert.Contains("5000", error.Message);
    }

    [Fact]
    public void First_time_cap_above_the_maximum_is_an_error()
    {
        Assert.Equal("programmes[0].criteria[0].firstTimeMaxEur", SingleError(Rule.Amount(max: 5_000, firstTimeMax: 10_000)).Field);
    }

    [Fact]
    public void Negative_amounts_are_an_error()
    {
        Assert.Equal("programmes[0].criteria[0]", SingleError(Rule.Amount(max: -1)).Field);
    }

    [Fact]
    public void Duration_and_age_minimum_above_maximum_are_errors()
    {
        Assert.Equal("programmes[0].criteria[0].minMonths", SingleError(Rule.Duration(min: 24, max: 12)).Field);
        Assert.Equal("programmes[0].criteria[0].minYears", SingleError(Rule.OrganisationAge(minYears: 5, maxYears: 2)).Field);
    }

    [Fact]
    public void Own_contribution_rates_are_percentages_and_the_volunteer_rate_is_not_higher()
    {
        Assert.Equal("programmes[0].criteria[0]", SingleError(Rule.OwnContribution(120)).Field);
        Assert.Equal("programmes[0].criteria[0].volunteerRunMinPercent", SingleError(Rule.OwnContribution(10, 25)).Field);
    }

    [Fact]
    public void Start_window_from_after_to_is_an_error()
    {
        Assert.Equal("programmes[0].criteria[0].from", SingleError(Rule.StartWindow(Dates.D("2027-06-01"), Dates.D("2027-01-01"))).Field);
    }

    // dates of deadlines

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("30.06.2026")]
    [InlineData("06-30")]
    public void One_off_deadline_must_be_a_real_date_as_yyyy_MM_dd(string date)
    {
        var error = SingleError(Rule.OneOff("2026-06-30", date));

        Assert.Equal("programmes[0].criteria[0].schedule.dates[1]", error.Field);
        Assert.Contains(date, error.Message);
    }

    [Theory]
    [InlineData("13-01")]
    [InlineData("02-30")]
    [InlineData("04-31")]
    [InlineData("6-30")]
    [InlineData("2026-06-30")]
    public void Annual_deadline_must_be_a_real_day_of_the_year_as_MM_dd(string date)
    {
        var error = SingleError(Rule.Annual(date));

        Assert.Equal("programmes[0].criteria[0].schedule.dates[0]", error.Field);
    }

    [Fact]
    public void Annual_deadline_on_29_February_is_valid()
    {
        Assert.Empty(Validate(Programme("prog").With(Rule.Annual("02-29", "12-31"))));
    }

    [Fact]
    public void Dated_schedules_need_at_least_one_date()
    {
        Assert.Equal("programmes[0].criteria[0].schedule.dates", SingleError(Rule.Annual()).Field);
        Assert.Equal("programmes[0].criteria[0].schedule.dates", SingleError(Rule.OneOff()).Field);
    }

    [Fact]
    public void Call_must_say_its_status_and_an_open_call_its_closing_date()
    {
        Assert.Equal("programmes[0].criteria[0].schedule.call", SingleError(Rule.Call(null)).Field);
        Assert.Equal("programmes[0].criteria[0].schedule.dates", SingleError(Rule.Call(CallStatus.Open)).Field);
        Assert.Empty(Validate(Programme("prog").With(Rule.Call(CallStatus.Unknown))));
    }

    [Fact]
    public void Served_starts_and_lead_times_must_be_consistent()
    {
        var served = Rule.Deadline(Schedules.Annual("06-30") with { Serves = new ServedStarts { MinWeeksAfter = 10, MaxWeeksAfter = 5 } });
        var lead = Rule.Rolling(new LeadTime { Weeks = -1 });

        Assert.Equal("programmes[0].criteria[0].schedule.serves", SingleError(served).Field);
        Assert.Equal("programmes[0].criteria[0].schedule.leadTimes[0].weeks", SingleError(lead).Field);
    }

    // codes from closed lists

    [Theory]
    [InlineData("DE-XX")]
    [InlineData("muensterland")]
    [InlineData("ags:99")]       // no Land has AGS 99
    [InlineData("ags:0551")]     // four digits is no AGS level
    [InlineData("ags:0551500x")]
    public void Unknown_region_is_an_error_at_its_index(string region)
    {
        var error = SingleError(Rule.Seat("DE-NW", region));

        Assert.Equal("programmes[0].criteria[0].regions[1]", error.Field);
    }

    [Theory]
    [InlineData("ags:05")]
    [InlineData("ags:055")]
    [InlineData("ags:05515")]
    [InlineData("ags:05515000")]
    [InlineData("DE-east")]
    [InlineData("EU")]
    public void Land_codes_named_regions_and_AGS_prefixes_are_regions(string region)
    {
        Assert.Empty(Validate(Programme("prog").With(Rule.ProjectRegion(region))));
    }

    [Fact]
    public void Seat_rule_needs_a_region()
    {
        Assert.Equal("programmes[0].criteria[0].regions", SingleError(Rule.Seat()).Field);
    }

    [Fact]
    public void Country_rule_needs_known_countries_lists_and_DAC_regions()
    {
        static ValidationError SingleCountryError(Criterion countryRule) =>
            Assert.Single(Validate(Programme("prog").With(countryRule, Rule.Location(ProjectLocation.Abroad))));

        Assert.Equal("programmes[0].criteria[0].countries[0]", SingleCountryError(Rule.Countries("ZZ")).Field);
        Assert.Equal("programmes[0].criteria[0].countryLists[0]", SingleCountryError(Rule.DacList() with { CountryLists = ["eu"] }).Field);
        Assert.Equal("programmes[0].criteria[0].dacRegions[0]", SingleCountryError(Rule.DacRegions("antarctica")).Field);
        Assert.Equal("programmes[0].criteria[0]", SingleCountryError(Rule.Countries()).Field);
    }

    [Fact]
    public void Country_rule_without_a_location_rule_that_allows_abroad_is_an_error()
    {
        Assert.Equal("programmes[0].criteria", SingleError(Rule.DacList()).Field);
    }

    [Fact]
    public void Applicant_type_and_location_rules_need_at_least_one_value()
    {
        Assert.Equal("programmes[0].criteria[0].anyOf", SingleError(Rule.ApplicantType()).Field);
        Assert.Equal("programmes[0].criteria[0].anyOf", SingleError(Rule.Location()).Field);
    }

    [Fact]
    public void Theme_rule_needs_known_themes()
    {
        Assert.Equal("programmes[0].criteria[0].anyOf[1]", SingleError(Rule.Theme("youth", "gardening")).Field);
    }

    [Fact]
    public void Theme_rule_needs_at_least_one_theme()
    {
        Assert.Equal("programmes[0].criteria[0].anyOf", SingleError(Rule.Theme()).Field);
    }

    [Fact]
    public void Errors_of_a_single_programme_use_paths_relative_to_it()
    {
        var errors = ProgrammeValidator.Validate(Programme("prog").With(Rule.Seat("DE-XX")));

        Assert.Equal("criteria[0].regions[0]", Assert.Single(errors).Field);
    }
}
