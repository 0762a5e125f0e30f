using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using static FoerderFinder.Domain.Tests.TestSupport.TestCatalogue;

namespace FoerderFinder.Domain.Tests.Matching;

public class OrganisationCriteriaTests
{
    private static Profile Org(OrganisationProfile organisation) => new() { Organisation = organisation };

    // applicant_type

    [Fact]
    public void Applicant_type_is_met_when_the_organisation_type_is_allowed()
    {
        var rule = Rule.ApplicantType(OrganisationType.RegisteredAssociation, OrganisationType.Ggmbh);

        var (outcome, missing) = Evaluate(rule, Org(new() { Type = OrganisationType.Ggmbh }));

        Assert.Equal(Outcome.Met, outcome);
        Assert.Equal(ProfileField.None, missing);
    }

    [Fact]
    public void Municipality_only_programme_is_not_eligible_for_an_association()
    {
        var programme = ProgrammeBuilder.Programme("kommunal").With(Rule.ApplicantType(OrganisationType.Municipality));

        var match = MatchOne(Org(new() { Type = OrganisationType.RegisteredAssociation }), programme);

        Assert.Equal(Verdict.NotEligible, match.Verdict);
        var result = Assert.Single(match.Criteria);
        Assert.Equal("applicant_type", result.Kind);
        Assert.Equal(Outcome.NotMet, result.Outcome);
        Assert.Equal("applicant_type.not_met", result.Message.Key);
    }

    [Fact]
    public void Applicant_type_is_unknown_when_the_profile_gives_no_type()
    {
        var (outcome, missing) = Evaluate(Rule.ApplicantType(OrganisationType.Municipality), NoAnswers);

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.OrganisationType, missing);
        Assert.Equal("applicant_type.unknown", Explain(Rule.ApplicantType(OrganisationType.Municipality), NoAnswers).Message.Key);
    }

    // organisation_age (asOf is 2026-12-01: age is counted in calendar years)

    [Theory]
    [InlineData(2024, Outcome.Met)]      // 2 years: exactly the minimum
    [InlineData(2025, Outcome.NotMet)]   // 1 year
    [InlineData(1990, Outcome.Met)]
    public void Organisation_age_minimum_counts_whole_years_since_founding(int founded, Outcome expected)
    {
        var (outcome, _) = Evaluate(Rule.OrganisationAge(minYears: 2), Org(new() { FoundedYear = founded }));

        Assert.Equal(expected, outcome);
    }

    [Theory]
    [InlineData(2021, Outcome.Met)]      // 5 years: exactly the maximum
    [InlineData(2020, Outcome.NotMet)]   // 6 years
    [InlineData(2026, Outcome.Met)]      // founded this year
    public void Organisation_age_maximum_is_inclusive(int founded, Outcome expected)
    {
        var (outcome, _) = Evaluate(Rule.OrganisationAge(maxYears: 5), Org(new() { FoundedYear = founded }));

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void Organisation_age_is_unknown_without_a_founding_year()
    {
        var (outcome, missing) = Evaluate(Rule.OrganisationAge(minYears: 1, maxYears: 5), Org(new() { Type = OrganisationType.RegisteredAssociation }));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.OrganisationFoundedYear, missing);
    }

    [Fact]
    public void Organisation_age_message_names_the_age_and_the_bounds()
    {
        var result = Explain(Rule.OrganisationAge(minYears: 1, maxYears: 5), Org(new() { FoundedYear = 2019 }));

        Assert.Equal(Outcome.NotMet, result.Outcome);
        Assert.Equal("organisation_age.between.not_met", result.Message.Key);
        Assert.Equal(7, result.Message.Params["years"]);
        Assert.Equal(1, result.Message.Params["minYears"]);
        Assert.Equal(5, result.Message.Params["maxYears"]);
    }

    // charitable, migrant_led, volunteer_run: yes/no questions

    public static TheoryData<string, bool?, Outcome> YesNoCases()
    {
        var data = new TheoryData<string, bool?, Outcome>();
        foreach (var kind in new[] { "charitable", "migrant_led", "volunteer_run" })
        {
            data.Add(kind, true, Outcome.Met);
            data.Add(kind, false, Outcome.NotMet);
            data.Add(kind, null, Outcome.Unknown);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(YesNoCases))]
    public void Yes_no_criteria_are_met_by_yes_failed_by_no_and_unknown_when_unanswered(string kind, bool? answer, Outcome expected)
    {
        var (rule, profile, field) = kind switch
        {
            "charitable" => ((Criterion)Rule.Charitable(), Org(new() { Charitable = answer }), ProfileField.OrganisationCharitable),
            "migrant_led" => (Rule.MigrantLed(), Org(new() { MigrantLed = answer }), ProfileField.OrganisationMigrantLed),
            _ => (Rule.VolunteerRun(), Org(new() { VolunteerRun = answer }), ProfileField.OrganisationVolunteerRun),
        };

        var (outcome, missing) = Evaluate(rule, profile);
        var result = Explain(rule, profile);

        Assert.Equal(expected, outcome);
        Assert.Equal(answer is null ? field : ProfileField.None, missing);
        Assert.Equal($"{kind}.{Suffix(expected)}", result.Message.Key);
        Assert.Equal(kind, result.Kind);
    }

    [Fact]
    public void Not_being_charitable_has_a_fix()
    {
        var result = Explain(Rule.Charitable(), Org(new() { Charitable = false }));

        Assert.Equal("fix.become_charitable", result.Fix?.Key);
    }

    // first_time_applicant

    [Theory]
    [InlineData(true, true, Outcome.Met)]
    [InlineData(true, false, Outcome.NotMet)]
    [InlineData(false, false, Outcome.Met)]
    [InlineData(false, true, Outcome.NotMet)]
    public void First_time_applicant_rule_compares_the_answer_with_what_the_programme_requires(bool required, bool firstTime, Outcome expected)
    {
        var rule = Rule.FirstTimeApplicant(required);

        var (outcome, _) = Evaluate(rule, Org(new() { FirstTimeApplicant = firstTime }));

        Assert.Equal(expected, outcome);
        Assert.Equal($"first_time_applicant.{(required ? "only_first" : "only_experienced")}.{Suffix(expected)}",
            Explain(rule, Org(new() { FirstTimeApplicant = firstTime })).Message.Key);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void First_time_applicant_rule_is_unknown_when_unanswered(bool required)
    {
        var (outcome, missing) = Evaluate(Rule.FirstTimeApplicant(required), NoAnswers);

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.OrganisationFirstTimeApplicant, missing);
    }

    // partner_cooperation

    [Theory]
    [InlineData(2, Outcome.Met)]
    [InlineData(10, Outcome.Met)]
    [InlineData(1, Outcome.NotMet)]
    [InlineData(0, Outcome.NotMet)]
    public void Partner_cooperation_needs_at_least_the_minimum_years(int years, Outcome expected)
    {
        var (outcome, _) = Evaluate(Rule.PartnerCooperation(2), Org(new() { PartnerCooperationYears = years }));

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void Partner_cooperation_is_unknown_without_years_and_asks_for_them()
    {
        var (outcome, missing) = Evaluate(Rule.PartnerCooperation(2), NoAnswers);
        var result = Explain(Rule.PartnerCooperation(2), NoAnswers);

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.OrganisationPartnerCooperationYears, missing);
        Assert.Equal("partner_cooperation.unknown", result.Message.Key);
        Assert.Equal(2, result.Message.Params["minYears"]);
    }

    internal static string Suffix(Outcome outcome) => outcome switch
    {
        Outcome.Met => "met",
        Outcome.NotMet => "not_met",
        _ => "unknown",
    };

    private static readonly Profile NoAnswers = new();
}
