using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using static FoerderFinder.Domain.Tests.TestSupport.ProgrammeBuilder;

namespace FoerderFinder.Domain.Tests.Matching;

/// <summary>
/// The matcher decides verdicts and ranks in a first pass over a compiled form of the catalogue, and
/// explains the returned programmes with the evaluators. Both must say the same: for every programme
/// of the real catalogue and many profiles, the explained verdict and score are the ones the ranking used.
/// </summary>
public sealed class FirstPassAgreementTests
{
    private static readonly CatalogueSnapshot Catalogue = new("test", LoadCatalogue());

    [Fact]
    public void First_pass_verdicts_and_ranking_agree_with_the_explanations_for_generated_profiles()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 400; i++)
        {
            var profile = RandomProfiles.Next(random);
            var result = Matcher.Match(Catalogue, profile, new MatchOptions { AsOf = new DateOnly(2026, 11, 24), Limit = 200, IncludeNotEligible = true });

            Assert.Equal(Catalogue.Count, result.Results.Count);
            Assert.Equal(result.EligibleCount, result.Results.Count(r => r.Verdict == Verdict.Eligible));
            Assert.Equal(result.NeedsInformationCount, result.Results.Count(r => r.Verdict == Verdict.NeedsInformation));
            Assert.Equal(result.NotEligibleCount, result.Results.Count(r => r.Verdict == Verdict.NotEligible));
            for (var k = 1; k < result.Results.Count; k++)
            {
                Assert.True(RanksBefore(result.Results[k - 1], result.Results[k]),
                    $"{result.Results[k - 1].Programme.Id} ranks before {result.Results[k].Programme.Id} for profile {i}");
            }

            // Without the not-eligible ones, the first pass may turn programmes down early: the same counts, the same head.
            var open = Matcher.Match(Catalogue, profile, new MatchOptions { AsOf = new DateOnly(2026, 11, 24), Limit = 200 });
            Assert.Equal((result.EligibleCount, result.NeedsInformationCount, result.NotEligibleCount), (open.EligibleCount, open.NeedsInformationCount, open.NotEligibleCount));
            Assert.Equal(result.NextQuestion, open.NextQuestion);
            Assert.Equal(
                result.Results.Where(r => r.Verdict != Verdict.NotEligible).Select(r => r.Programme.Id),
                open.Results.Select(r => r.Programme.Id));
        }
    }

    /// <summary>
    /// The compiled form holds every kind's values as numbers and bits: criteria the real catalogue has few of
    /// (ages, partnerships, start windows, DAC regions and lists, exempt bodies, annual deadlines with lead-time
    /// tiers and served windows, a theme outside the theme list) must come out as the evaluators say too.
    /// </summary>
    [Fact]
    public void First_pass_agrees_with_the_explanations_on_every_kind_of_criterion()
    {
        var catalogue = new CatalogueSnapshot("kinds", [
            Programme("age").With(Rule.OrganisationAge(minYears: 2), Rule.OrganisationAge(maxYears: 10)).Build(),
            Programme("partner").With(Rule.PartnerCooperation(3), Rule.FirstTimeApplicant(false)).Build(),
            Programme("first").With(Rule.FirstTimeApplicant(true), Rule.Amount(max: 50_000, firstTimeMax: 10_000)).Build(),
            Programme("window").With(Rule.StartWindow(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), Rule.StartWindow(to: new DateOnly(2027, 6, 30))).Build(),
            Programme("countries").With(Rule.Location(ProjectLocation.Abroad, ProjectLocation.Germany), Rule.Countries("GH", "FR")).Build(),
            Programme("dac_list").With(Rule.Location(ProjectLocation.Abroad), Rule.DacList(), Rule.Duration(6, 24)).Build(),
            Programme("dac_regions").With(Rule.DacRegions("africa", "europe"), Rule.OwnContribution(10, 5)).Build(),
            Programme("dac_both").With(Rule.DacRegions("asia") with { Countries = ["FR"] }).Build(),
            Programme("exempt").With(new CharitableCriterion { ExceptFor = [OrganisationType.Municipality, OrganisationType.School], Source = Rule.Source }).Build(),
            Programme("themes").Themes("integration", "culture").With(Rule.Theme("integration", "sport")).Build(),
            Programme("odd_theme").Themes("integration", "no_such_theme").With(Rule.Theme("culture", "no_such_theme")).Build(),
            Programme("annual").With(Rule.Deadline(Schedules.Annual("11-30", "02-29", "06-30") with
            {
                LeadTimes = [new LeadTime { MaxAmountEur = 5_000, Weeks = 4 }, new LeadTime { Weeks = 12 }],
                Serves = new ServedStarts { MinWeeksAfter = 8, MaxWeeksAfter = 40 },
            })).Build(),
            Programme("one_off").With(Rule.OneOff("2027-03-01", "2026-12-15", "2027-09-30"), Rule.MigrantLed(), Rule.VolunteerRun()).Build(),
            Programme("call").With(Rule.Call(CallStatus.Open, "2027-02-01"), Rule.ProjectRegion("DE-NW", "DE-BY")).Build(),
            Programme("call_closed").With(Rule.Call(CallStatus.Closed)).Status(ProgrammeStatus.Unclear).Build(),
            Programme("rolling").With(Rule.Deadline(Schedules.EngagiertRolling()), Rule.Seat("DE-NW")).Build(),
        ]);
        var random = new Random(11);
        for (var i = 0; i < 400; i++)
        {
            var profile = RandomProfiles.Next(random);
            var options = new MatchOptions { AsOf = new DateOnly(2026, 11, 24), Limit = 200, IncludeNotEligible = true };
            var result = Matcher.Match(catalogue, profile, options);

            Assert.Equal(result.EligibleCount, result.Results.Count(r => r.Verdict == Verdict.Eligible));
            Assert.Equal(result.NeedsInformationCount, result.Results.Count(r => r.Verdict == Verdict.NeedsInformation));
            for (var k = 1; k < result.Results.Count; k++)
            {
                Assert.True(RanksBefore(result.Results[k - 1], result.Results[k]),
                    $"{result.Results[k - 1].Programme.Id} ranks before {result.Results[k].Programme.Id} for profile {i}");
            }
        }
    }

    /// <summary>
    /// The compiled form keeps each criterion's values after it; a rolling deadline without lead times has none,
    /// so when it ends the catalogue its values start just past the end of the data.
    /// </summary>
    [Fact]
    public void A_catalogue_may_end_with_a_criterion_without_values()
    {
        var catalogue = new CatalogueSnapshot("empty_end", [
            Programme("seat").With(Rule.Seat("DE-NW")).Build(),
            Programme("rolling").With(Rule.Rolling()).Build(),
        ]);

        var result = Matcher.Match(catalogue, new Profile(), new MatchOptions { AsOf = new DateOnly(2026, 11, 24), Limit = 10 });

        Assert.Equal(["rolling", "seat"], result.Results.Select(r => r.Programme.Id));
        Assert.Equal([Verdict.Eligible, Verdict.NeedsInformation], result.Results.Select(r => r.Verdict));
    }

    [Fact]
    public void A_small_limit_returns_the_head_of_the_full_ranking()
    {
        var random = new Random(7);
        for (var i = 0; i < 100; i++)
        {
            var profile = RandomProfiles.Next(random);
            var options = new MatchOptions { AsOf = new DateOnly(2026, 11, 24), Limit = 200 };
            var all = Matcher.Match(Catalogue, profile, options).Results.Select(r => r.Programme.Id).ToList();
            var top = Matcher.Match(Catalogue, profile, options with { Limit = 5 }).Results.Select(r => r.Programme.Id).ToList();
            Assert.Equal(all.Take(5), top);
        }
    }

    /// <summary>The documented order, recomputed from what the explanations say.</summary>
    private static bool RanksBefore(ProgrammeMatch a, ProgrammeMatch b)
    {
        if (a.Verdict != b.Verdict)
        {
            return a.Verdict < b.Verdict;
        }
        var (scoreA, scoreB) = (a.Score?.Total ?? 0, b.Score?.Total ?? 0);
        if (scoreA != scoreB)
        {
            return scoreA > scoreB;
        }
        // A not-eligible programme's next deadline is known to the ranking only when the deadline was reached.
        if (a.Verdict != Verdict.NotEligible)
        {
            var (deadlineA, deadlineB) = (a.NextDeadline?.DayNumber ?? int.MaxValue, b.NextDeadline?.DayNumber ?? int.MaxValue);
            if (deadlineA != deadlineB)
            {
                return deadlineA < deadlineB;
            }
            return string.CompareOrdinal(a.Programme.Id, b.Programme.Id) < 0;
        }
        return true;
    }

    private static IReadOnlyList<Programme> LoadCatalogue() => CatalogueFile.Load(TestCatalogue.ShippedCatalogue).Document!.Programmes;
}
