using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using static FoerderFinder.Domain.Tests.TestSupport.ProgrammeBuilder;
using static FoerderFinder.Domain.Tests.TestSupport.TestCatalogue;

namespace FoerderFinder.Domain.Tests.Matching;

public class NextQuestionTests
{
    [Fact]
    public void Next_question_is_the_field_that_alone_settles_the_most_open_programmes()
    {
        var result = Match(new Profile(),
            Programme("a").With(Rule.ApplicantType(OrganisationType.RegisteredAssociation)),
            Programme("b").With(Rule.ApplicantType(OrganisationType.Ggmbh)),
            Programme("c").With(Rule.Theme("integration")),
            Programme("d").With(Rule.Theme("youth"), Rule.MigrantLed()),
            Programme("e").With(Rule.Theme("sport"), Rule.Charitable()));

        Assert.Equal(new NextQuestion(ProfileField.OrganisationType, Settles: 2, Affects: 2), result.NextQuestion);
    }

    [Fact]
    public void Equal_settling_is_broken_by_the_number_of_programmes_the_field_touches()
    {
        var result = Match(new Profile(),
            Programme("a").With(Rule.Charitable()),
            Programme("b").With(Rule.MigrantLed()),
            Programme("c").With(Rule.MigrantLed(), Rule.Theme("youth")));

        Assert.Equal(new NextQuestion(ProfileField.OrganisationMigrantLed, 1, 2), result.NextQuestion);
    }

    [Fact]
    public void Equal_counts_are_broken_by_the_order_of_the_form()
    {
        var result = Match(new Profile(), Programme("a").With(Rule.MigrantLed()), Programme("b").With(Rule.Charitable()));

        Assert.Equal(new NextQuestion(ProfileField.OrganisationCharitable, 1, 1), result.NextQuestion);
    }

    [Fact]
    public void Programme_whose_other_unknown_is_an_unannounced_call_is_not_counted_as_settled()
    {
        var result = Match(new Profile(),
            Programme("call").With(Rule.Charitable(), Rule.Call(CallStatus.Unknown)),
            Programme("plain").With(Rule.MigrantLed()));

        // Without the call, charitable would win the tie by the form's order.
        Assert.Equal(new NextQuestion(ProfileField.OrganisationMigrantLed, 1, 1), result.NextQuestion);
    }

    [Fact]
    public void Field_that_settles_nothing_is_still_asked_when_it_is_all_there_is()
    {
        var result = Match(new Profile(), Programme("call").With(Rule.ApplicantType(OrganisationType.School), Rule.Call(CallStatus.Closed)));

        Assert.Equal(new NextQuestion(ProfileField.OrganisationType, 0, 1), result.NextQuestion);
    }

    [Fact]
    public void Paused_programme_is_not_settled_by_any_field()
    {
        var result = Match(new Profile(),
            Programme("paused").Status(ProgrammeStatus.Paused).With(Rule.Charitable()),
            Programme("active").With(Rule.MigrantLed()));

        Assert.Equal(new NextQuestion(ProfileField.OrganisationMigrantLed, 1, 1), result.NextQuestion);
    }

    [Fact]
    public void Two_criteria_waiting_for_the_same_field_are_settled_by_it()
    {
        // The first-time cap and the first-time rule both wait for organisation.firstTimeApplicant.
        var profile = new Profile { Project = new() { RequestedAmountEur = 8_000 } };

        var result = Match(profile, Programme("a").With(Rule.Amount(max: 10_000, firstTimeMax: 5_000), Rule.FirstTimeApplicant(false)));

        Assert.Equal(new NextQuestion(ProfileField.OrganisationFirstTimeApplicant, 1, 1), result.NextQuestion);
    }

    [Fact]
    public void Not_eligible_and_eligible_programmes_raise_no_question()
    {
        var profile = new Profile { Organisation = new() { State = "DE-BY" } };

        var result = Match(profile, Programme("fails").With(Rule.Seat("DE-NW"), Rule.MigrantLed()), Programme("fits").With(Rule.Seat("DE-BY")));

        Assert.Null(result.NextQuestion);
    }

    [Fact]
    public void Seat_in_a_Land_makes_the_municipality_the_next_question_for_local_programmes()
    {
        var profile = new Profile { Organisation = new() { State = "DE-NW" } };

        var result = Match(profile,
            Programme("ms").With(Rule.Seat("DE-NW-muenster")),
            Programme("ml").With(Rule.Seat("DE-NW-muensterland")),
            Programme("nrw").With(Rule.Seat("DE-NW"), Rule.Theme("youth")));

        Assert.Equal(new NextQuestion(ProfileField.OrganisationMunicipality, 2, 2), result.NextQuestion);
    }

    [Fact]
    public void Field_paths_name_the_request_fields()
    {
        Assert.Equal("organisation.firstTimeApplicant", ProfileField.OrganisationFirstTimeApplicant.Path());
        Assert.Equal("project.requestedAmountEur", ProfileField.ProjectRequestedAmountEur.Path());
        Assert.Equal(Enum.GetValues<ProfileField>().Length - 1, ProfileFields.All.Distinct().Count());
        Assert.All(ProfileFields.All, f => Assert.Matches("^(organisation|project)\\.[a-zA-Z]+$", f.Path()));
    }
}
