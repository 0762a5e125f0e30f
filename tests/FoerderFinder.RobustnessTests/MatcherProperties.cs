using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;
using FoerderFinder.IntegrationTests;
using FoerderFinder.RobustnessTests.Support;
using FsCheck;
using FsCheck.Fluent;
using Outcome = FoerderFinder.Domain.Vocabulary.Outcome;

namespace FoerderFinder.RobustnessTests;

/// <summary>Generated profiles straight through the matcher, over the real catalogue.</summary>
public sealed class MatcherProperties
{
    private static readonly Lazy<CatalogueSnapshot> RealCatalogue = new(() =>
    {
        var parsed = CatalogueFile.Load(RepoPaths.Catalogue);
        Assert.True(parsed.IsValid);
        return new CatalogueSnapshot("test", parsed.Document!.Programmes);
    });

    private static CatalogueSnapshot Catalogue => RealCatalogue.Value;

    private static Config Runs(int count) => Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true);

    private static MatchResult Match(MatchInput input) =>
        Matcher.Match(Catalogue, input.Profile, new MatchOptions { AsOf = input.AsOf, Limit = input.Limit, IncludeNotEligible = input.IncludeNotEligible });

    [Fact]
    public void The_matcher_never_throws_for_any_profile_the_validator_accepts()
    {
        Check.One(Runs(400), Prop.ForAll(ProfileGenerators.ValidInputs.ToArbitrary(), input => { Match(input); }));
    }

    [Fact]
    public void Results_respect_the_limit_and_the_counts_add_up_to_the_catalogue()
    {
        Check.One(Runs(300), Prop.ForAll(ProfileGenerators.ValidInputs.ToArbitrary(), input =>
        {
            var result = Match(input);

            Assert.Equal(Catalogue.Count, result.EligibleCount + result.NeedsInformationCount + result.NotEligibleCount);
            var available = result.EligibleCount + result.NeedsInformationCount + (input.IncludeNotEligible ? result.NotEligibleCount : 0);
            Assert.Equal(Math.Min(input.Limit, available), result.Results.Count);
            Assert.Equal(result.Results.Count, result.Results.Select(r => r.Programme.Id).Distinct().Count());
            if (!input.IncludeNotEligible)
            {
                Assert.DoesNotContain(result.Results, r => r.Verdict == Verdict.NotEligible);
            }
        }));
    }

    [Fact]
    public void Ranked_results_are_ordered_by_verdict_then_score_then_deadline_then_id()
    {
        Check.One(Runs(300), Prop.ForAll(ProfileGenerators.ValidInputs.ToArbitrary(), input =>
        {
            var results = Match(input).Results;

            for (var i = 1; i < results.Count; i++)
            {
                var (a, b) = (results[i - 1], results[i]);
                var order = a.Verdict.CompareTo(b.Verdict);
                if (order == 0 && a.Verdict == Verdict.NotEligible)
                {
                    // Not-eligible programmes are not ranked; they only have to come last.
                    continue;
                }
                if (order == 0)
                {
                    order = (b.Score?.Total ?? 0).CompareTo(a.Score?.Total ?? 0);
                }
                if (order == 0)
                {
                    order = (a.NextDeadline?.DayNumber ?? int.MaxValue).CompareTo(b.NextDeadline?.DayNumber ?? int.MaxValue);
                }
                if (order == 0)
                {
                    order = string.CompareOrdinal(a.Programme.Id, b.Programme.Id);
                }
                Assert.True(order < 0, $"{a.Programme.Id} ({a.Verdict}, {a.Score?.Total}) before {b.Programme.Id} ({b.Verdict}, {b.Score?.Total})");
            }
        }));
    }

    [Fact]
    public void Every_verdict_follows_from_its_criteria_and_only_ranked_programmes_have_a_score()
    {
        Check.One(Runs(300), Prop.ForAll(ProfileGenerators.ValidInputs.ToArbitrary(), input =>
        {
            foreach (var match in Match(input).Results)
            {
                var outcomes = match.Criteria.Select(c => c.Outcome).ToList();
                var expected = outcomes.Contains(Outcome.NotMet) ? Verdict.NotEligible
                    : outcomes.Contains(Outcome.Unknown) ? Verdict.NeedsInformation
                    : Verdict.Eligible;
                Assert.Equal(expected, match.Verdict);
                Assert.Equal(match.Verdict == Verdict.NotEligible, match.Score is null);
                if (match.Score is { } score)
                {
                    Assert.InRange(score.Total, 0, 100);
                    Assert.Equal(score.Total, score.ThematicFit + score.AmountFit + score.RegionSpecificity + score.DeadlineReachable + score.MadeForMsos + score.FirstTimeFriendly);
                }
                Assert.True(match.HowToBecomeEligible.Count == 0 || match.Verdict == Verdict.NotEligible);
                Assert.All(match.Criteria, c => Assert.False(string.IsNullOrEmpty(c.Message.Key)));
            }
        }));
    }

    [Fact]
    public void The_counted_verdicts_agree_with_the_explained_ones()
    {
        // The matcher decides every programme in a fast pass and explains only those it returns;
        // asked for everything, the two passes must tell the same story.
        Check.One(Runs(200), Prop.ForAll(ProfileGenerators.ValidInputs.ToArbitrary(), input =>
        {
            var result = Match(input with { Limit = Catalogue.Count, IncludeNotEligible = true });

            Assert.Equal(result.EligibleCount, result.Results.Count(r => r.Verdict == Verdict.Eligible));
            Assert.Equal(result.NeedsInformationCount, result.Results.Count(r => r.Verdict == Verdict.NeedsInformation));
            Assert.Equal(result.NotEligibleCount, result.Results.Count(r => r.Verdict == Verdict.NotEligible));
            if (result.NextQuestion is { } question)
            {
                Assert.InRange(question.Settles, 0, question.Affects);
                Assert.InRange(question.Affects, 1, result.NeedsInformationCount);
            }
        }));
    }

    [Fact]
    public void The_same_question_always_gets_the_same_answer()
    {
        Check.One(Runs(150), Prop.ForAll(ProfileGenerators.ValidInputs.ToArbitrary(), input =>
        {
            static string Summary(MatchResult r) =>
                string.Join(";", r.Results.Select(m => $"{m.Programme.Id}:{m.Verdict}:{m.Score?.Total}")) + "|" + r.NextQuestion;

            Assert.Equal(Summary(Match(input)), Summary(Match(input)));
        }));
    }

    [Fact]
    public void The_validator_never_throws_and_names_a_profile_field_for_every_error()
    {
        Check.One(Runs(500), Prop.ForAll(ProfileGenerators.Inputs.ToArbitrary(), input =>
        {
            var errors = ProfileValidator.Validate(input.Profile, input.AsOf);

            Assert.All(errors, e => Assert.Matches(@"^(organisation|project)\.[a-zA-Z]+(\[\d+\])?$", e.Field));
        }));
    }
}
