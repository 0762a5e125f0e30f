using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using static FoerderFinder.Domain.Tests.TestSupport.Dates;
using static FoerderFinder.Domain.Tests.TestSupport.ProgrammeBuilder;
using static FoerderFinder.Domain.Tests.TestSupport.TestCatalogue;

namespace FoerderFinder.Domain.Tests.Matching;

public class HowToBecomeEligibleTests
{
    private static Profile Association(long? amount = null, bool? firstTime = null, decimal? percent = null, bool? volunteerRun = null, string? start = null) => new()
    {
        Organisation = new() { Type = OrganisationType.RegisteredAssociation, FirstTimeApplicant = firstTime, VolunteerRun = volunteerRun },
        Project = new() { RequestedAmountEur = amount, OwnContributionPercent = percent, PlannedStart = start is null ? null : D(start) },
    };

    private static Message SingleFix(ProgrammeMatch match)
    {
        Assert.Equal(Verdict.NotEligible, match.Verdict);
        return Assert.Single(match.HowToBecomeEligible);
    }

    [Fact]
    public void Amount_too_high_asks_for_at_most_the_maximum()
    {
        var fix = SingleFix(MatchOne(Association(12_000, firstTime: false), Programme("p").With(Rule.Amount(max: 10_000, firstTimeMax: 5_000))));

        Assert.Equal("fix.ask_at_most", fix.Key);
        Assert.Equal(new Money(10_000), fix.Params["amount"]);
    }

    [Fact]
    public void Amount_too_high_for_a_first_timer_asks_for_at_most_the_first_time_cap()
    {
        var fix = SingleFix(MatchOne(Association(12_000, firstTime: true), Programme("p").With(Rule.Amount(max: 10_000, firstTimeMax: 5_000))));

        Assert.Equal("fix.ask_at_most", fix.Key);
        Assert.Equal(new Money(5_000), fix.Params["amount"]);
    }

    [Fact]
    public void Amount_too_low_asks_for_at_least_the_minimum()
    {
        var fix = SingleFix(MatchOne(Association(8_000), Programme("feb").With(Rule.Amount(min: 10_001, firstTimeMax: 20_000))));

        Assert.Equal("fix.ask_at_least", fix.Key);
        Assert.Equal(new Money(10_001), fix.Params["amount"]);
    }

    [Theory]
    [InlineData(true, 10)]
    [InlineData(false, 25)]
    [InlineData(null, 25)]
    public void Own_contribution_too_low_is_raised_to_the_rate_that_applies(bool? volunteerRun, int percent)
    {
        var fix = SingleFix(MatchOne(Association(percent: 5, volunteerRun: volunteerRun), Programme("p").With(Rule.OwnContribution(25, 10))));

        Assert.Equal("fix.raise_own_contribution", fix.Key);
        Assert.Equal((decimal)percent, fix.Params["percent"]);
    }

    [Fact]
    public void Start_too_soon_for_the_lead_time_suggests_the_earliest_reachable_start()
    {
        var fix = SingleFix(MatchOne(Association(8_000, start: "2026-12-20"), Programme("p").With(Rule.Deadline(Schedules.EngagiertRolling()))));

        Assert.Equal("fix.start_on_or_after", fix.Key);
        Assert.Equal(D("2027-01-26"), fix.Params["date"]);   // 2026-12-01 plus 8 weeks
    }

    [Fact]
    public void Start_no_deadline_serves_suggests_the_first_start_the_next_deadline_serves()
    {
        var feb = Programme("feb").With(Rule.Deadline(Schedules.Annual("06-30", "11-30") with { Serves = new ServedStarts { MinWeeksAfter = 22 } }));

        var fix = SingleFix(MatchOne(Association(start: "2027-03-01"), feb, D("2026-12-15")));

        Assert.Equal("fix.start_on_or_after", fix.Key);
        Assert.Equal(D("2027-12-01"), fix.Params["date"]);
    }

    [Fact]
    public void Every_fixable_failure_gets_its_fix_in_criterion_order()
    {
        var programme = Programme("p").With(Rule.Amount(max: 10_000), Rule.OwnContribution(25), Rule.Duration(max: 12), Rule.Charitable());
        var profile = new Profile
        {
            Organisation = new() { Type = OrganisationType.RegisteredAssociation, Charitable = false },
            Project = new() { RequestedAmountEur = 12_000, OwnContributionPercent = 10, DurationMonths = 18 },
        };

        var match = MatchOne(profile, programme);

        Assert.Equal(Verdict.NotEligible, match.Verdict);
        Assert.Equal(["fix.ask_at_most", "fix.raise_own_contribution", "fix.shorten_duration", "fix.become_charitable"],
            match.HowToBecomeEligible.Select(f => f.Key));
    }

    [Fact]
    public void No_fixes_are_offered_when_any_failure_cannot_be_fixed()
    {
        var programme = Programme("p").With(Rule.ApplicantType(OrganisationType.Municipality), Rule.Amount(max: 10_000));

        var match = MatchOne(Association(12_000), programme);

        Assert.Equal(Verdict.NotEligible, match.Verdict);
        Assert.Empty(match.HowToBecomeEligible);
        Assert.Equal("fix.ask_at_most", match.Criteria.Single(c => c.Kind == "amount").Fix?.Key);
    }

    [Theory]
    [MemberData(nameof(UnfixableFailures))]
    public void Failures_no_change_of_plan_can_fix_offer_no_fix(Criterion rule, Profile profile)
    {
        var match = MatchOne(profile, Programme("p").With(rule));

        Assert.Equal(Verdict.NotEligible, match.Verdict);
        Assert.Empty(match.HowToBecomeEligible);
    }

    public static TheoryData<Criterion, Profile> UnfixableFailures() => new()
    {
        { Rule.ApplicantType(OrganisationType.Municipality), Association() },
        { Rule.Seat("DE-SN"), new Profile { Organisation = new() { State = "DE-NW" } } },
        { Rule.MigrantLed(), new Profile { Organisation = new() { MigrantLed = false } } },
        { Rule.FirstTimeApplicant(true), new Profile { Organisation = new() { FirstTimeApplicant = false } } },
        { Rule.OneOff("2026-06-30"), Association() },
        { Rule.StartWindow(to: D("2027-06-30")), Association(start: "2027-09-01") },
        { Rule.Theme("youth"), new Profile { Project = new() { Themes = ["sport"] } } },
    };

    [Fact]
    public void Programme_that_is_over_offers_no_fix_even_for_a_fixable_failure()
    {
        var match = MatchOne(Association(12_000), Programme("p").Status(ProgrammeStatus.PastRound).With(Rule.Amount(max: 10_000)));

        Assert.Empty(match.HowToBecomeEligible);
    }

    [Fact]
    public void Eligible_and_open_programmes_need_no_fixes()
    {
        Assert.Empty(MatchOne(Association(5_000), Programme("p").With(Rule.Amount(max: 10_000))).HowToBecomeEligible);
        Assert.Empty(MatchOne(Association(), Programme("p").With(Rule.Amount(max: 10_000))).HowToBecomeEligible);
    }
}
