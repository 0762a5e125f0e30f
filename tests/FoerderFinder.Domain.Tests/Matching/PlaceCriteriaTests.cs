using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using static FoerderFinder.Domain.Tests.TestSupport.TestCatalogue;

namespace FoerderFinder.Domain.Tests.Matching;

public class PlaceCriteriaTests
{
    private const string MuensterAgs = "05515000";
    private const string KoelnAgs = "05315000";
    private const string BocholtAgs = "05554008";

    private static Profile Seat(string? state = null, string? municipality = null) =>
        new() { Organisation = new() { State = state, Municipality = municipality } };

    private static Profile ProjectAt(ProjectLocation? location, string? state = null, string? municipality = null, params string[] countries) =>
        new() { Project = new() { Location = location, State = state, Municipality = municipality, Countries = countries.Length == 0 ? null : countries } };

    // applicant_seat: Länder and groups of Länder

    [Theory]
    [InlineData("DE-NW", "DE-NW", Outcome.Met)]
    [InlineData("DE-NW", "DE-BY", Outcome.NotMet)]
    [InlineData("DE", "DE-BY", Outcome.Met)]
    [InlineData("DE-east", "DE-SN", Outcome.Met)]
    [InlineData("DE-east", "DE-BE", Outcome.Met)]
    [InlineData("DE-east", "DE-NW", Outcome.NotMet)]
    [InlineData("DE-west", "DE-NW", Outcome.Met)]
    [InlineData("DE-west", "DE-TH", Outcome.NotMet)]
    public void Seat_in_a_Land_is_checked_against_Land_regions(string region, string state, Outcome expected)
    {
        var (outcome, missing) = Evaluate(Rule.Seat(region), Seat(state));

        Assert.Equal(expected, outcome);
        Assert.Equal(ProfileField.None, missing);
    }

    [Theory]
    [InlineData("DE")]
    [InlineData("DE-NW")]
    [InlineData("DE-east")]
    [InlineData("DE-NW-muensterland")]
    public void Seat_is_unknown_and_asks_for_the_Land_when_no_place_is_given(string region)
    {
        var (outcome, missing) = Evaluate(Rule.Seat(region), Seat());

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.OrganisationState, missing);
    }

    // applicant_seat: AGS prefixes

    [Theory]
    [InlineData("DE-NW-muenster")]
    [InlineData("DE-NW-muensterland")]
    [InlineData("DE-NW-rb-muenster")]
    [InlineData("DE-NW-westfalen")]
    [InlineData("DE-NW")]
    [InlineData("DE-west")]
    [InlineData("ags:05515")]
    [InlineData("ags:05515000")]
    public void Muenster_lies_in_every_region_that_contains_it(string region)
    {
        var (outcome, _) = Evaluate(Rule.Seat(region), Seat(municipality: MuensterAgs));

        Assert.Equal(Outcome.Met, outcome);
    }

    [Theory]
    [InlineData("DE-NW-westfalen")]
    [InlineData("DE-NW-muensterland")]
    [InlineData("DE-NW-muenster")]
    [InlineData("DE-east")]
    public void Koeln_is_not_in_Westfalen_nor_in_the_Muensterland(string region)
    {
        var (outcome, missing) = Evaluate(Rule.Seat(region), Seat("DE-NW", KoelnAgs));

        Assert.Equal(Outcome.NotMet, outcome);
        Assert.Equal(ProfileField.None, missing);
    }

    [Fact]
    public void Bocholt_lies_in_the_Muensterland_through_its_Kreis_prefix_but_not_in_the_city_of_Muenster()
    {
        Assert.Equal(Outcome.Met, Evaluate(Rule.Seat("DE-NW-muensterland"), Seat(municipality: BocholtAgs)).Outcome);
        Assert.Equal(Outcome.Met, Evaluate(Rule.Seat("ags:05554"), Seat(municipality: BocholtAgs)).Outcome);
        Assert.Equal(Outcome.NotMet, Evaluate(Rule.Seat("DE-NW-muenster"), Seat(municipality: BocholtAgs)).Outcome);
    }

    [Fact]
    public void State_only_profile_against_a_Muensterland_rule_is_unknown_and_asks_for_the_municipality()
    {
        var (outcome, missing) = Evaluate(Rule.Seat("DE-NW-muensterland"), Seat("DE-NW"));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.OrganisationMunicipality, missing);
    }

    [Fact]
    public void State_only_profile_in_another_Land_is_outside_the_Muensterland_for_sure()
    {
        var (outcome, _) = Evaluate(Rule.Seat("DE-NW-muensterland"), Seat("DE-BY"));

        Assert.Equal(Outcome.NotMet, outcome);
    }

    [Theory]
    [InlineData("Münster")]
    [InlineData("muenster")]
    [InlineData("Stadt Münster")]
    [InlineData(" MÜNSTER ")]
    public void Municipality_given_by_name_resolves_to_its_AGS(string name)
    {
        var (outcome, _) = Evaluate(Rule.Seat("DE-NW-muenster"), Seat(municipality: name));

        Assert.Equal(Outcome.Met, outcome);
    }

    [Fact]
    public void Unknown_municipality_name_leaves_a_municipal_rule_unknown_without_asking_for_the_municipality_again()
    {
        var (outcome, missing) = Evaluate(Rule.Seat("DE-NW-muensterland"), Seat("DE-NW", "Kleinkleckersdorf"));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.None, missing);
    }

    [Fact]
    public void Unknown_municipality_name_without_a_Land_asks_for_the_Land_of_a_Land_rule()
    {
        var (outcome, missing) = Evaluate(Rule.Seat("DE-NW"), Seat(municipality: "Kleinkleckersdorf"));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.OrganisationState, missing);
    }

    [Fact]
    public void Seat_rule_with_several_regions_is_met_by_any_of_them()
    {
        var rule = Rule.Seat("DE-NW-muenster", "DE-SN");

        Assert.Equal(Outcome.Met, Evaluate(rule, Seat("DE-SN")).Outcome);
        Assert.Equal(Outcome.Met, Evaluate(rule, Seat(municipality: MuensterAgs)).Outcome);
        Assert.Equal(Outcome.NotMet, Evaluate(rule, Seat("DE-BY")).Outcome);
        Assert.Equal(Outcome.Unknown, Evaluate(rule, Seat("DE-NW")).Outcome);
    }

    [Fact]
    public void Seat_message_names_the_regions()
    {
        var result = Explain(Rule.Seat("DE-NW-muensterland"), Seat("DE-BY"));

        Assert.Equal("applicant_seat.not_met", result.Message.Key);
        var regions = Assert.IsAssignableFrom<IEnumerable<Code>>(result.Message.Params["regions"]);
        Assert.Equal(new Code("region", "DE-NW-muensterland"), Assert.Single(regions));
    }

    // project_location

    [Theory]
    [InlineData(ProjectLocation.Germany, Outcome.Met)]
    [InlineData(ProjectLocation.Abroad, Outcome.NotMet)]
    public void Project_location_is_checked_against_the_allowed_locations(ProjectLocation location, Outcome expected)
    {
        var (outcome, _) = Evaluate(Rule.Location(ProjectLocation.Germany), ProjectAt(location));

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void Project_location_is_unknown_when_not_given()
    {
        var (outcome, missing) = Evaluate(Rule.Location(ProjectLocation.Germany, ProjectLocation.Abroad), ProjectAt(null));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.ProjectLocation, missing);
    }

    // project_region

    [Fact]
    public void Project_in_Muenster_meets_a_Muensterland_project_region()
    {
        var (outcome, _) = Evaluate(Rule.ProjectRegion("DE-NW-muensterland"), ProjectAt(ProjectLocation.Germany, "DE-NW", "Münster"));

        Assert.Equal(Outcome.Met, outcome);
    }

    [Fact]
    public void Project_abroad_never_meets_a_project_region()
    {
        var profile = ProjectAt(ProjectLocation.Abroad, countries: "GH");

        var (outcome, missing) = Evaluate(Rule.ProjectRegion("DE"), profile);

        Assert.Equal(Outcome.NotMet, outcome);
        Assert.Equal(ProfileField.None, missing);
        Assert.Equal("project_region.abroad", Explain(Rule.ProjectRegion("DE"), profile).Message.Key);
    }

    [Fact]
    public void Project_region_uses_the_project_place_not_the_seat()
    {
        var profile = new Profile
        {
            Organisation = new() { State = "DE-NW", Municipality = MuensterAgs },
            Project = new() { Location = ProjectLocation.Germany, State = "DE-SN" },
        };

        Assert.Equal(Outcome.NotMet, Evaluate(Rule.ProjectRegion("DE-NW"), profile).Outcome);
        Assert.Equal(Outcome.Met, Evaluate(Rule.Seat("DE-NW"), profile).Outcome);
    }

    [Fact]
    public void Project_region_is_unknown_and_asks_for_the_project_Land_when_no_place_is_given()
    {
        var (outcome, missing) = Evaluate(Rule.ProjectRegion("DE-NW"), ProjectAt(ProjectLocation.Germany));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.ProjectState, missing);
    }

    [Fact]
    public void Project_region_with_a_project_Land_only_asks_for_the_project_municipality()
    {
        var (outcome, missing) = Evaluate(Rule.ProjectRegion("DE-NW-muenster"), ProjectAt(ProjectLocation.Germany, "DE-NW"));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.ProjectMunicipality, missing);
    }

    // project_country

    [Theory]
    [InlineData("GH")]
    [InlineData("TR")]
    [InlineData("UA")]
    [InlineData("VN")]
    [InlineData("BR")]
    public void Countries_on_the_DAC_list_meet_a_DAC_list_rule(string country)
    {
        var (outcome, _) = Evaluate(Rule.DacList(), ProjectAt(ProjectLocation.Abroad, countries: country));

        Assert.Equal(Outcome.Met, outcome);
    }

    [Fact]
    public void France_is_not_on_the_DAC_list()
    {
        var (outcome, _) = Evaluate(Rule.DacList(), ProjectAt(ProjectLocation.Abroad, countries: "FR"));

        Assert.Equal(Outcome.NotMet, outcome);
    }

    [Fact]
    public void Every_project_country_must_be_allowed_and_the_message_names_the_refused_ones()
    {
        var profile = ProjectAt(ProjectLocation.Abroad, countries: ["GH", "FR", "TR"]);

        var result = Explain(Rule.DacList(), profile);

        Assert.Equal(Outcome.NotMet, result.Outcome);
        Assert.Equal("project_country.not_met", result.Message.Key);
        var refused = Assert.IsAssignableFrom<IEnumerable<Code>>(result.Message.Params["countries"]);
        Assert.Equal([new Code("country", "FR")], refused);
    }

    [Fact]
    public void Named_countries_are_allowed_even_when_not_on_the_DAC_list()
    {
        var (outcome, _) = Evaluate(Rule.Countries("FR", "PL"), ProjectAt(ProjectLocation.Abroad, countries: "FR"));

        Assert.Equal(Outcome.Met, outcome);
    }

    [Theory]
    [InlineData("GH", Outcome.Met)]
    [InlineData("VN", Outcome.NotMet)]
    [InlineData("FR", Outcome.NotMet)]
    public void DAC_region_rule_allows_only_DAC_recipients_of_that_region(string country, Outcome expected)
    {
        var (outcome, _) = Evaluate(Rule.DacRegions("africa"), ProjectAt(ProjectLocation.Abroad, countries: country));

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void Project_country_is_unknown_when_no_country_is_given()
    {
        var (outcome, missing) = Evaluate(Rule.DacList(), ProjectAt(ProjectLocation.Abroad));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.ProjectCountries, missing);
    }

    [Fact]
    public void Project_country_is_unknown_when_neither_location_nor_countries_are_given()
    {
        var (outcome, missing) = Evaluate(Rule.DacList(), ProjectAt(null));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.ProjectCountries, missing);
    }

    [Fact]
    public void A_country_rule_limits_only_projects_abroad_so_a_project_in_Germany_passes_it()
    {
        var profile = ProjectAt(ProjectLocation.Germany, "DE-NW");

        Assert.Equal(Outcome.Met, Evaluate(Rule.DacList(), profile).Outcome);
        Assert.Equal("project_country.not_applicable", Explain(Rule.DacList(), profile).Message.Key);
    }
}
