using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using static FoerderFinder.Domain.Tests.TestSupport.ProgrammeBuilder;
using static FoerderFinder.Domain.Tests.TestSupport.TestCatalogue;

namespace FoerderFinder.Domain.Tests.Matching;

public class RankingTests
{
    private static ScoreBreakdown ScoreOf(Profile profile, Programme programme)
    {
        var match = MatchOne(profile, programme);
        Assert.NotEqual(Verdict.NotEligible, match.Verdict);
        return match.Score!.Value;
    }

    private static Profile Themes(params string[] themes) => new() { Project = new() { Themes = themes } };

    private static Profile Requesting(long? amount, bool? firstTime = null) =>
        new() { Organisation = new() { FirstTimeApplicant = firstTime }, Project = new() { RequestedAmountEur = amount } };

    private static string[] Ids(MatchResult result) => result.Results.Select(r => r.Programme.Id).ToArray();

    // score parts

    [Theory]
    [InlineData(new string[0], 0)]
    [InlineData(new[] { "sport" }, 0)]
    [InlineData(new[] { "integration" }, 20)]
    [InlineData(new[] { "sport", "youth" }, 20)]
    [InlineData(new[] { "integration", "youth" }, 30)]
    [InlineData(new[] { "integration", "youth", "sport" }, 30)]
    public void Thematic_fit_is_20_for_one_shared_theme_and_30_for_two_or_more(string[] themes, int expected)
    {
        var score = ScoreOf(Themes(themes), Programme("p").Themes("integration", "youth"));

        Assert.Equal(expected, score.ThematicFit);
    }

    [Theory]
    [InlineData(1_500L, 2_000L, 20)]     // a sizeable part of the maximum
    [InlineData(2_500L, 10_000L, 20)]    // exactly a quarter
    [InlineData(2_499L, 10_000L, 10)]
    [InlineData(500L, 10_000L, 10)]      // exactly a twentieth
    [InlineData(499L, 10_000L, 5)]
    [InlineData(1_500L, 100_000L, 5)]
    [InlineData(null, 10_000L, 0)]       // nothing requested: no fit to speak of
    public void Amount_fit_rewards_requests_that_are_a_sizeable_part_of_the_maximum(long? requested, long max, int expected)
    {
        var score = ScoreOf(Requesting(requested), Programme("p").With(Rule.Amount(max: max)));

        Assert.Equal(expected, score.AmountFit);
    }

    [Fact]
    public void Amount_fit_is_neutral_when_the_programme_names_no_maximum()
    {
        Assert.Equal(10, ScoreOf(Requesting(1_500), Programme("p")).AmountFit);
        Assert.Equal(10, ScoreOf(Requesting(1_500), Programme("p").With(Rule.Amount(min: 1_000))).AmountFit);
    }

    [Fact]
    public void Amount_fit_for_a_first_time_applicant_measures_against_the_first_time_cap()
    {
        var programme = Programme("p").With(Rule.Amount(max: 100_000, firstTimeMax: 5_000));

        Assert.Equal(20, ScoreOf(Requesting(1_500, firstTime: true), programme).AmountFit);
        Assert.Equal(5, ScoreOf(Requesting(1_500, firstTime: false), programme).AmountFit);
    }

    [Theory]
    [InlineData("ags:05515000", 20)]
    [InlineData("DE-NW-muenster", 20)]
    [InlineData("DE-NW-muensterland", 16)]
    [InlineData("ags:05554", 16)]
    [InlineData("DE-NW-westfalen", 16)]
    [InlineData("DE-NW", 12)]
    [InlineData("DE-east", 8)]
    [InlineData("DE", 4)]
    [InlineData("EU", 0)]
    public void Narrower_seat_region_scores_higher(string region, int expected)
    {
        var score = ScoreOf(new Profile(), Programme("p").With(Rule.Seat(region)));

        Assert.Equal(expected, score.RegionSpecificity);
    }

    [Fact]
    public void Region_score_takes_the_narrowest_rule_and_a_rule_with_several_regions_counts_as_its_widest()
    {
        Assert.Equal(0, ScoreOf(new Profile(), Programme("p")).RegionSpecificity);
        Assert.Equal(16, ScoreOf(new Profile(), Programme("p").With(Rule.Seat("DE"), Rule.ProjectRegion("DE-NW-muensterland"))).RegionSpecificity);
        Assert.Equal(12, ScoreOf(new Profile(), Programme("p").With(Rule.Seat("DE-NW-muenster", "DE-NW"))).RegionSpecificity);
    }

    [Fact]
    public void Reachable_deadline_scores_15_and_an_unknown_or_missing_one_nothing()
    {
        Assert.Equal(15, ScoreOf(new Profile(), Programme("p").With(Rule.Rolling())).DeadlineReachable);
        Assert.Equal(15, ScoreOf(new Profile(), Programme("p").With(Rule.OneOff("2027-01-15"))).DeadlineReachable);
        Assert.Equal(0, ScoreOf(new Profile(), Programme("p").With(Rule.Call(CallStatus.Unknown))).DeadlineReachable);
        Assert.Equal(0, ScoreOf(new Profile(), Programme("p")).DeadlineReachable);
    }

    [Theory]
    [InlineData(true, true, 10)]
    [InlineData(true, false, 0)]
    [InlineData(true, null, 0)]
    [InlineData(false, true, 0)]
    public void Programme_made_for_MSOs_scores_10_for_a_migrant_led_organisation(bool madeForMsos, bool? migrantLed, int expected)
    {
        var builder = Programme("p");
        if (madeForMsos)
        {
            builder.MadeForMsos();
        }

        var score = ScoreOf(new Profile { Organisation = new() { MigrantLed = migrantLed } }, builder);

        Assert.Equal(expected, score.MadeForMsos);
    }

    [Theory]
    [InlineData(true, true, 5)]
    [InlineData(true, false, 0)]
    [InlineData(true, null, 0)]
    [InlineData(false, true, 0)]
    public void First_time_friendly_programme_scores_5_for_a_first_time_applicant(bool friendly, bool? firstTime, int expected)
    {
        var builder = Programme("p");
        if (friendly)
        {
            builder.FirstTimeFriendly();
        }

        var score = ScoreOf(new Profile { Organisation = new() { FirstTimeApplicant = firstTime } }, builder);

        Assert.Equal(expected, score.FirstTimeFriendly);
    }

    [Fact]
    public void Score_total_is_the_sum_of_its_parts_and_reaches_100_at_best()
    {
        var programme = Programme("best").Themes("integration", "development_education").MadeForMsos().FirstTimeFriendly()
            .With(Rule.Seat("DE-NW-muenster"), Rule.Amount(max: 2_000), Rule.Rolling());

        var score = ScoreOf(TestProfiles.MuensterMso(), programme);

        Assert.Equal(new ScoreBreakdown(30, 20, 20, 15, 10, 5), score);
        Assert.Equal(100, score.Total);
    }

    // order

    [Fact]
    public void Results_are_ordered_eligible_then_needs_information_then_not_eligible_whatever_the_score()
    {
        var profile = new Profile { Organisation = new() { Type = OrganisationType.RegisteredAssociation, Charitable = true }, Project = new() { Themes = ["integration", "youth"] } };

        var result = Match(profile,
            Programme("a_not").Themes("integration", "youth").With(Rule.Seat("DE-NW-muenster"), Rule.ApplicantType(OrganisationType.School)),
            Programme("b_open").Themes("integration", "youth").With(Rule.Seat("DE-NW-muenster")),
            Programme("c_eligible").With(Rule.Charitable()));

        Assert.Equal(["c_eligible", "b_open", "a_not"], Ids(result));
        Assert.True(result.Results[1].Score!.Value.Total > result.Results[0].Score!.Value.Total);
    }

    [Fact]
    public void Within_a_verdict_the_higher_score_comes_first()
    {
        var profile = new Profile { Organisation = new() { State = "DE-NW" }, Project = new() { Themes = ["integration"] } };

        var result = Match(profile,
            Programme("a_low"),
            Programme("b_high").Themes("integration"),
            Programme("c_mid").With(Rule.Seat("DE-NW")));

        Assert.Equal(["b_high", "c_mid", "a_low"], Ids(result));
        Assert.All(result.Results, r => Assert.Equal(Verdict.Eligible, r.Verdict));
        Assert.Equal([20, 12, 0], result.Results.Select(r => r.Score!.Value.Total));
    }

    [Fact]
    public void Equal_scores_are_ordered_by_the_nearer_deadline_then_by_id()
    {
        var result = Match(new Profile(),
            Programme("a_later").With(Rule.OneOff("2027-03-01")),
            Programme("d_same").With(Rule.OneOff("2027-01-15")),
            Programme("b_sooner").With(Rule.OneOff("2027-01-15")),
            Programme("c_no_date").With(Rule.Rolling()));

        Assert.All(result.Results, r => Assert.Equal(15, r.Score!.Value.Total));
        Assert.Equal(["b_sooner", "d_same", "a_later", "c_no_date"], Ids(result));
    }

    [Fact]
    public void Order_does_not_depend_on_the_order_of_the_catalogue()
    {
        Programme[] programmes =
        [
            Programme("e").Themes("integration"), Programme("a"), Programme("c").With(Rule.OneOff("2027-02-01")),
            Programme("b").With(Rule.OneOff("2027-02-01")), Programme("d").With(Rule.MigrantLed()), Programme("f").With(Rule.Seat("DE-BY")),
        ];
        var profile = new Profile { Organisation = new() { State = "DE-NW" }, Project = new() { Themes = ["integration"] } };

        var forward = Ids(Match(profile, programmes));
        var backward = Ids(Match(profile, programmes.Reverse().ToArray()));

        Assert.Equal(["e", "b", "c", "a", "d", "f"], forward);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Local_first_time_friendly_programme_ranks_above_a_federal_one_for_a_small_project()
    {
        var federal = Programme("engagiert").Themes("development_education", "global_learning").FirstTimeFriendly()
            .With(Rule.ApplicantType(OrganisationType.RegisteredAssociation), Rule.Seat("DE"), Rule.Charitable(),
                Rule.Location(ProjectLocation.Germany), Rule.Amount(max: 10_000, firstTimeMax: 5_000), Rule.OwnContribution(25, 10),
                Rule.Deadline(Schedules.EngagiertRolling()));
        var local = Programme("ms_integration").Themes("integration").FirstTimeFriendly()
            .With(Rule.Seat("DE-NW-muenster"), Rule.ProjectRegion("DE-NW-muenster"), Rule.Amount(max: 2_000), Rule.Rolling());

        var result = Match(TestProfiles.MuensterMso(), federal, local);

        Assert.Equal(["ms_integration", "engagiert"], Ids(result));
        Assert.All(result.Results, r => Assert.Equal(Verdict.Eligible, r.Verdict));
        Assert.Equal(20, result.Results[0].Score!.Value.RegionSpecificity);
        Assert.Equal(4, result.Results[1].Score!.Value.RegionSpecificity);
        Assert.True(result.Results[0].Score!.Value.Total > result.Results[1].Score!.Value.Total);
    }

    // limit and not-eligible programmes

    [Fact]
    public void Limit_returns_only_the_best_ranked_programmes()
    {
        var result = Match(Themes("integration", "youth"), new MatchOptions { AsOf = AsOf, Limit = 2 },
            Programme("a"), Programme("b").Themes("integration"), Programme("c").Themes("integration", "youth"), Programme("d"));

        Assert.Equal(["c", "b"], Ids(result));
        Assert.Equal(4, result.EligibleCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Limit_of_zero_or_less_returns_no_results_but_still_counts(int limit)
    {
        var result = Match(new Profile(), new MatchOptions { AsOf = AsOf, Limit = limit }, Programme("a"), Programme("b").With(Rule.MigrantLed()));

        Assert.Empty(result.Results);
        Assert.Equal(1, result.EligibleCount);
        Assert.Equal(1, result.NeedsInformationCount);
        Assert.Equal(ProfileField.OrganisationMigrantLed, result.NextQuestion?.Field);
    }

    [Fact]
    public void Not_eligible_programmes_are_hidden_unless_asked_for()
    {
        Programme[] programmes = [Programme("a_no").With(Rule.Seat("DE-BY")), Programme("b_yes"), Programme("c_closed").Status(ProgrammeStatus.Closed)];
        var profile = new Profile { Organisation = new() { State = "DE-NW" } };

        var hidden = Match(profile, new MatchOptions { AsOf = AsOf }, programmes);
        var shown = Match(profile, new MatchOptions { AsOf = AsOf, IncludeNotEligible = true }, programmes);

        Assert.Equal(["b_yes"], Ids(hidden));
        Assert.Equal(2, hidden.NotEligibleCount);
        Assert.Equal(["b_yes", "a_no", "c_closed"], Ids(shown));
    }

    [Fact]
    public void Default_limit_is_twenty()
    {
        var programmes = Enumerable.Range(0, 25).Select(i => (Programme)Programme($"p{i:00}")).ToArray();

        var result = Match(new Profile(), new MatchOptions { AsOf = AsOf }, programmes);

        Assert.Equal(20, result.Results.Count);
        Assert.Equal("p00", result.Results[0].Programme.Id);
        Assert.Equal("p19", result.Results[^1].Programme.Id);
    }
}
