using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using static FoerderFinder.Domain.Tests.TestSupport.ProgrammeBuilder;
using static FoerderFinder.Domain.Tests.TestSupport.TestCatalogue;

namespace FoerderFinder.Domain.Tests.Matching;

public class VerdictTests
{
    private static readonly Profile Association = new()
    {
        Organisation = new() { Type = OrganisationType.RegisteredAssociation, State = "DE-NW", Charitable = true },
    };

    private static ProgrammeBuilder AssociationsInNrw(string id) =>
        Programme(id).With(Rule.ApplicantType(OrganisationType.RegisteredAssociation), Rule.Seat("DE-NW"));

    [Fact]
    public void Programme_whose_criteria_are_all_met_is_eligible()
    {
        var match = MatchOne(Association, AssociationsInNrw("nrw").With(Rule.Charitable()));

        Assert.Equal(Verdict.Eligible, match.Verdict);
        Assert.All(match.Criteria, c => Assert.Equal(Outcome.Met, c.Outcome));
        Assert.NotNull(match.Score);
    }

    [Fact]
    public void Programme_without_criteria_is_eligible()
    {
        Assert.Equal(Verdict.Eligible, MatchOne(new Profile(), Programme("offen")).Verdict);
    }

    [Fact]
    public void Programme_with_an_unknown_and_no_failed_criterion_needs_information()
    {
        var match = MatchOne(Association, AssociationsInNrw("nrw").With(Rule.MigrantLed()));

        Assert.Equal(Verdict.NeedsInformation, match.Verdict);
        Assert.Equal(Outcome.Unknown, match.Criteria.Single(c => c.Kind == "migrant_led").Outcome);
        Assert.NotNull(match.Score);
    }

    [Fact]
    public void Programme_with_a_failed_criterion_is_not_eligible_even_when_others_are_unknown()
    {
        var match = MatchOne(Association, AssociationsInNrw("nrw").With(Rule.MigrantLed(), Rule.Seat("DE-BY")));

        Assert.Equal(Verdict.NotEligible, match.Verdict);
        Assert.Null(match.Score);
    }

    [Fact]
    public void Empty_profile_is_never_eligible_for_a_programme_with_rules_nor_rejected_by_one()
    {
        var match = MatchOne(new Profile(), Programme("alles").With([.. Rule.OneOfEachKind()]));

        Assert.Equal(Verdict.NeedsInformation, match.Verdict);
        Assert.DoesNotContain(match.Criteria, c => c.Outcome == Outcome.NotMet);
    }

    [Theory]
    [InlineData(ProgrammeStatus.Closed)]
    [InlineData(ProgrammeStatus.Replaced)]
    [InlineData(ProgrammeStatus.PastRound)]
    public void Programme_that_is_over_is_never_eligible(ProgrammeStatus status)
    {
        var match = MatchOne(Association, AssociationsInNrw("alt").Status(status));

        Assert.Equal(Verdict.NotEligible, match.Verdict);
        var first = match.Criteria[0];
        Assert.Equal("programme_status", first.Kind);
        Assert.Equal(Outcome.NotMet, first.Outcome);
        Assert.Empty(match.HowToBecomeEligible);
        Assert.Null(match.Score);
    }

    [Theory]
    [InlineData(ProgrammeStatus.Paused, "programme_status.paused")]
    [InlineData(ProgrammeStatus.Unclear, "programme_status.unclear")]
    public void Paused_or_unclear_programme_at_best_needs_information(ProgrammeStatus status, string key)
    {
        var match = MatchOne(Association, AssociationsInNrw("ruht").Status(status));

        Assert.Equal(Verdict.NeedsInformation, match.Verdict);
        Assert.Equal(Outcome.Unknown, match.Criteria[0].Outcome);
        Assert.Equal(key, match.Criteria[0].Message.Key);
    }

    [Fact]
    public void Paused_programme_with_a_failed_criterion_is_not_eligible()
    {
        var match = MatchOne(Association, AssociationsInNrw("ruht").Status(ProgrammeStatus.Paused).With(Rule.Seat("DE-SN")));

        Assert.Equal(Verdict.NotEligible, match.Verdict);
    }

    [Fact]
    public void Replaced_programme_names_its_successor()
    {
        var match = Match(Association, Programme("agp").Status(ProgrammeStatus.Replaced, "engagiert"), Programme("engagiert")).Results
            .Single(m => m.Programme.Id == "agp");

        Assert.Equal("programme_status.replaced", match.Criteria[0].Message.Key);
        Assert.Equal("engagiert", match.Criteria[0].Message.Params["successor"]);
    }

    [Fact]
    public void Counts_cover_every_programme_of_the_catalogue_whatever_the_limit()
    {
        var result = Match(Association, new MatchOptions { AsOf = AsOf, Limit = 1 },
            AssociationsInNrw("a"), AssociationsInNrw("b"), AssociationsInNrw("c").With(Rule.MigrantLed()),
            AssociationsInNrw("d").With(Rule.Seat("DE-BY")), AssociationsInNrw("e").Status(ProgrammeStatus.Closed));

        Assert.Equal(2, result.EligibleCount);
        Assert.Equal(1, result.NeedsInformationCount);
        Assert.Equal(2, result.NotEligibleCount);
        Assert.Single(result.Results);
        Assert.Equal("test", result.CatalogueVersion);
        Assert.Equal(AsOf, result.AsOf);
    }

    [Fact]
    public void Explained_verdict_agrees_with_the_counted_one_for_every_kind_and_profile()
    {
        var catalogue = Rule.OneOfEachKind().Select((c, i) => (Programme)Programme($"p{i:00}").With(c)).ToArray();
        foreach (var profile in SampleProfiles.All())
        {
            var result = Match(profile, new MatchOptions { AsOf = AsOf, Limit = 100, IncludeNotEligible = true }, catalogue);

            Assert.Equal(catalogue.Length, result.Results.Count);
            Assert.Equal(result.EligibleCount, result.Results.Count(r => r.Verdict == Verdict.Eligible));
            Assert.Equal(result.NeedsInformationCount, result.Results.Count(r => r.Verdict == Verdict.NeedsInformation));
            Assert.Equal(result.NotEligibleCount, result.Results.Count(r => r.Verdict == Verdict.NotEligible));
        }
    }

    [Fact]
    public void Programme_not_verified_for_more_than_a_year_is_stale()
    {
        var fresh = MatchOne(Association, Programme("frisch").Verified(AsOf.AddMonths(-12)));
        var stale = MatchOne(Association, Programme("alt").Verified(AsOf.AddMonths(-12).AddDays(-1)));

        Assert.False(fresh.Stale);
        Assert.True(stale.Stale);
    }

    [Fact]
    public void Verdict_resting_on_an_unconfirmed_fact_is_flagged()
    {
        var confirmed = MatchOne(Association, Programme("sicher").With(Rule.Seat("DE-NW")));
        var unconfirmed = MatchOne(Association, Programme("unsicher").With(Rule.Seat("DE-NW") with { Unconfirmed = true }));

        Assert.False(confirmed.HasUnconfirmed);
        Assert.True(unconfirmed.HasUnconfirmed);
        Assert.True(unconfirmed.Criteria[0].Unconfirmed);
    }
}
