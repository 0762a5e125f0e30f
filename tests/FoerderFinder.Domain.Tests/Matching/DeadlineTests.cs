using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using static FoerderFinder.Domain.Tests.TestSupport.Dates;

namespace FoerderFinder.Domain.Tests.Matching;

public class DeadlineTests
{
    /// <summary>FEB: 30 June and 30 November, each serving starts at least 22 weeks later.</summary>
    private static readonly DeadlineSchedule Feb = Schedules.Annual("06-30", "11-30") with { Serves = new ServedStarts { MinWeeksAfter = 22 } };

    private static DeadlineFacts Compute(DeadlineSchedule schedule, string asOf, string? plannedStart = null, long? amount = null) =>
        DeadlineCalculator.Compute(schedule, D(asOf), plannedStart is null ? null : D(plannedStart), amount);

    private static Profile Starting(string? plannedStart, long? amount = null) =>
        new() { Project = new() { PlannedStart = plannedStart is null ? null : D(plannedStart), RequestedAmountEur = amount } };

    // rolling

    [Fact]
    public void Rolling_deadline_without_lead_time_is_always_open()
    {
        var facts = Compute(Schedules.Rolling(), "2026-12-01", "2026-12-01");

        Assert.Equal(DeadlineSituation.Rolling, facts.Situation);
        Assert.Equal(Outcome.Met, facts.Outcome);
        Assert.Equal(0, facts.LeadWeeks);
        Assert.Null(facts.NextDeadline);
        Assert.Equal(D("2026-12-01"), facts.LatestApplicationDate);
    }

    [Theory]
    [InlineData(1_000L, 6)]
    [InlineData(5_000L, 6)]
    [InlineData(5_001L, 8)]
    [InlineData(250_000L, 8)]
    [InlineData(null, 8)]   // unknown amount: the longest lead time is the safe one
    public void Rolling_lead_time_follows_the_amount_tiers(long? amount, int weeks)
    {
        var facts = Compute(Schedules.EngagiertRolling(), "2026-12-01", amount: amount);

        Assert.Equal(weeks, facts.LeadWeeks);
        Assert.Equal(D("2026-12-01").AddDays(7 * weeks), facts.EarliestStart);
    }

    [Fact]
    public void Lead_time_tiers_without_an_open_tier_use_the_last_tier_above_every_cap()
    {
        var schedule = Schedules.Rolling(new LeadTime { MaxAmountEur = 5_000, Weeks = 6 }, new LeadTime { MaxAmountEur = 20_000, Weeks = 10 });

        Assert.Equal(10, Compute(schedule, "2026-12-01", amount: 50_000).LeadWeeks);
        Assert.Equal(10, Compute(schedule, "2026-12-01", amount: 20_000).LeadWeeks);
    }

    [Fact]
    public void Rolling_with_lead_time_gives_the_latest_day_to_apply_for_the_planned_start()
    {
        // 2027-01-12 minus 6 weeks is today: still in time.
        var facts = Compute(Schedules.EngagiertRolling(), "2026-12-01", "2027-01-12", 5_000);

        Assert.Equal(DeadlineSituation.Rolling, facts.Situation);
        Assert.Equal(D("2026-12-01"), facts.LatestApplicationDate);
        Assert.Equal(Outcome.Met, facts.Outcome);
    }

    [Fact]
    public void Rolling_with_lead_time_is_too_late_when_the_start_is_closer_than_the_lead_time()
    {
        // The same start with 5,001 EUR needs 8 weeks: the last day to apply was 2026-11-17.
        var facts = Compute(Schedules.EngagiertRolling(), "2026-12-01", "2027-01-12", 5_001);

        Assert.Equal(DeadlineSituation.RollingTooLate, facts.Situation);
        Assert.Equal(Outcome.NotMet, facts.Outcome);
        Assert.Equal(D("2026-11-17"), facts.LatestApplicationDate);
        Assert.Equal(D("2027-01-26"), facts.EarliestStart);
    }

    [Fact]
    public void Rolling_deadline_messages_say_how_much_lead_time_is_needed()
    {
        var rule = Rule.Deadline(Schedules.EngagiertRolling());

        var noStart = TestCatalogue.Explain(rule, Starting(null, 3_000));
        var withStart = TestCatalogue.Explain(rule, Starting("2027-03-01", 3_000));
        var tooLate = TestCatalogue.Explain(rule, Starting("2026-12-20", 3_000));
        var anyTime = TestCatalogue.Explain(Rule.Rolling(), Starting(null));

        Assert.Equal("deadline.rolling_lead_time", noStart.Message.Key);
        Assert.Equal(new Weeks(6), noStart.Message.Params["leadWeeks"]);
        Assert.Equal("deadline.rolling_apply_by", withStart.Message.Key);
        Assert.Equal(D("2027-01-18"), withStart.Message.Params["latestApplicationDate"]);
        Assert.Equal("deadline.rolling_too_late", tooLate.Message.Key);
        Assert.Equal("fix.start_on_or_after", tooLate.Fix?.Key);
        Assert.Equal(D("2027-01-12"), tooLate.Fix!.Params["date"]);
        Assert.Equal("deadline.rolling", anyTime.Message.Key);
    }

    // annual

    [Theory]
    [InlineData("2026-01-10", "2026-06-30")]
    [InlineData("2026-06-30", "2026-06-30")]   // the deadline day itself still counts
    [InlineData("2026-07-01", "2026-11-30")]
    [InlineData("2026-11-30", "2026-11-30")]
    [InlineData("2026-12-15", "2027-06-30")]   // year wrap
    public void Annual_deadline_is_the_next_listed_day_on_or_after_today(string asOf, string next)
    {
        var facts = Compute(Schedules.Annual("06-30", "11-30"), asOf);

        Assert.Equal(DeadlineSituation.DateAhead, facts.Situation);
        Assert.Equal(D(next), facts.NextDeadline);
        Assert.Equal(Outcome.Met, facts.Outcome);
    }

    [Fact]
    public void Annual_dates_listed_out_of_order_still_give_the_nearest_deadline()
    {
        var facts = Compute(Schedules.Annual("11-30", "03-31", "06-30"), "2026-04-01");

        Assert.Equal(D("2026-06-30"), facts.NextDeadline);
    }

    [Fact]
    public void Planned_start_gives_the_latest_deadline_that_still_serves_it()
    {
        // Deadlines serve starts 22 weeks (154 days) later: a start on 2028-01-10 is served by 2027-06-30.
        var facts = Compute(Feb, "2026-12-15", "2028-01-10");

        Assert.Equal(DeadlineSituation.DateAhead, facts.Situation);
        Assert.Equal(D("2027-06-30"), facts.NextDeadline);
        Assert.Equal(D("2027-06-30"), facts.LatestApplicationDate);
    }

    [Fact]
    public void Planned_start_between_two_deadlines_is_served_by_the_later_one_that_is_early_enough()
    {
        var facts = Compute(Feb, "2026-12-15", "2028-06-01");

        Assert.Equal(D("2027-11-30"), facts.LatestApplicationDate);
        Assert.Equal(D("2027-06-30"), facts.NextDeadline);
    }

    [Fact]
    public void Planned_start_no_open_deadline_serves_is_not_met_and_names_the_earliest_start()
    {
        // The last deadline serving a start on 2027-03-01 was 2026-06-30: gone. The next, 2027-06-30, serves starts from 2027-12-01.
        var facts = Compute(Feb, "2026-12-15", "2027-03-01");

        Assert.Equal(DeadlineSituation.StartNotServed, facts.Situation);
        Assert.Equal(Outcome.NotMet, facts.Outcome);
        Assert.Null(facts.LatestApplicationDate);
        Assert.Equal(D("2027-06-30"), facts.NextDeadline);
        Assert.Equal(D("2027-12-01"), facts.EarliestStart);
    }

    [Fact]
    public void Start_not_served_explains_with_the_next_deadline_and_suggests_the_earliest_start()
    {
        var result = TestCatalogue.Explain(Rule.Deadline(Feb), Starting("2027-03-01"), D("2026-12-15"));

        Assert.Equal("deadline.start_not_served", result.Message.Key);
        Assert.Equal(D("2027-06-30"), result.Message.Params["nextDeadline"]);
        Assert.Equal("fix.start_on_or_after", result.Fix?.Key);
        Assert.Equal(D("2027-12-01"), result.Fix!.Params["date"]);
    }

    [Fact]
    public void Dated_deadline_with_a_served_start_explains_the_day_to_apply_by()
    {
        var result = TestCatalogue.Explain(Rule.Deadline(Feb), Starting("2028-01-10"), D("2026-12-15"));
        var noStart = TestCatalogue.Explain(Rule.Deadline(Feb), Starting(null), D("2026-12-15"));

        Assert.Equal("deadline.apply_by", result.Message.Key);
        Assert.Equal(D("2027-06-30"), result.Message.Params["latestApplicationDate"]);
        Assert.Equal("deadline.next", noStart.Message.Key);
        Assert.Equal(D("2027-06-30"), noStart.Message.Params["nextDeadline"]);
        Assert.Null(noStart.Fix);
    }

    [Fact]
    public void Lead_time_longer_than_the_served_gap_moves_the_earliest_start()
    {
        var schedule = Schedules.OneOff("2027-02-01") with { LeadTimes = [new LeadTime { Weeks = 10 }], Serves = new ServedStarts { MinWeeksAfter = 4 } };

        var facts = Compute(schedule, "2026-12-01", "2027-03-15");

        Assert.Equal(DeadlineSituation.StartNotServed, facts.Situation);
        Assert.Equal(D("2027-04-12"), facts.EarliestStart);
        Assert.Equal(DeadlineSituation.DateAhead, Compute(schedule, "2026-12-01", "2027-04-12").Situation);
    }

    [Fact]
    public void Start_too_long_after_the_deadline_is_not_served_when_the_schedule_has_a_maximum_gap()
    {
        var schedule = Schedules.OneOff("2027-01-15", "2027-06-15") with { Serves = new ServedStarts { MinWeeksAfter = 0, MaxWeeksAfter = 10 } };

        Assert.Equal(DeadlineSituation.StartNotServed, Compute(schedule, "2026-12-01", "2027-12-01").Situation);
        Assert.Equal(D("2027-06-15"), Compute(schedule, "2026-12-01", "2027-08-24").LatestApplicationDate);   // exactly 10 weeks
        Assert.Equal(DeadlineSituation.StartNotServed, Compute(schedule, "2026-12-01", "2027-08-25").Situation);
    }

    // one-off

    [Fact]
    public void One_off_deadline_ahead_is_met()
    {
        var facts = Compute(Schedules.OneOff("2026-03-01", "2027-02-01"), "2026-12-01");

        Assert.Equal(DeadlineSituation.DateAhead, facts.Situation);
        Assert.Equal(D("2027-02-01"), facts.NextDeadline);
    }

    [Fact]
    public void One_off_deadlines_all_in_the_past_mean_the_round_is_over()
    {
        var facts = Compute(Schedules.OneOff("2026-03-01", "2026-11-30"), "2026-12-01");
        var result = TestCatalogue.Explain(Rule.OneOff("2026-03-01", "2026-11-30"), Starting("2027-06-01"));

        Assert.Equal(DeadlineSituation.RoundOver, facts.Situation);
        Assert.Equal(Outcome.NotMet, facts.Outcome);
        Assert.Null(facts.NextDeadline);
        Assert.Equal("deadline.round_over", result.Message.Key);
        Assert.Null(result.Fix);
    }

    // calls

    [Fact]
    public void Open_call_is_met_until_its_closing_date()
    {
        var open = Compute(Schedules.Call(CallStatus.Open, "2027-01-31"), "2027-01-31");
        var over = Compute(Schedules.Call(CallStatus.Open, "2027-01-31"), "2027-02-01");

        Assert.Equal(DeadlineSituation.DateAhead, open.Situation);
        Assert.Equal(D("2027-01-31"), open.NextDeadline);
        Assert.Equal(DeadlineSituation.RoundOver, over.Situation);
    }

    [Theory]
    [InlineData(CallStatus.Closed, "deadline.call_closed")]
    [InlineData(CallStatus.Unknown, "deadline.call_unknown")]
    [InlineData(null, "deadline.call_unknown")]
    public void Closed_or_unannounced_call_is_unknown_not_failed(CallStatus? status, string key)
    {
        var rule = Rule.Call(status);

        var facts = Compute(rule.Schedule, "2026-12-01", "2027-03-01");
        var result = TestCatalogue.Explain(rule, Starting("2027-03-01"));

        Assert.Equal(DeadlineSituation.CallNotAnnounced, facts.Situation);
        Assert.Equal(Outcome.Unknown, facts.Outcome);
        Assert.Equal(Outcome.Unknown, result.Outcome);
        Assert.Equal(key, result.Message.Key);
    }

    [Fact]
    public void Programme_whose_call_is_not_announced_needs_information_instead_of_failing()
    {
        var programme = ProgrammeBuilder.Programme("aufruf").With(Rule.ApplicantType(OrganisationType.RegisteredAssociation), Rule.Call(CallStatus.Closed));

        var match = TestCatalogue.MatchOne(new Profile { Organisation = new() { Type = OrganisationType.RegisteredAssociation } }, programme);

        Assert.Equal(Verdict.NeedsInformation, match.Verdict);
    }

    [Fact]
    public void Missing_deadline_facts_never_ask_for_a_profile_field()
    {
        var (outcome, missing) = TestCatalogue.Evaluate(Rule.Call(CallStatus.Unknown), new Profile());

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.None, missing);
    }

    // 29 February

    [Fact]
    public void Annual_29_February_deadline_falls_on_that_day_in_leap_years()
    {
        var facts = Compute(Schedules.Annual("02-29"), "2028-01-10");

        Assert.Equal(D("2028-02-29"), facts.NextDeadline);
    }

    [Theory]
    [InlineData("2026-12-01", "2027-02-28")]
    [InlineData("2025-03-01", "2026-02-28")]
    [InlineData("2027-03-01", "2028-02-29")]
    public void Annual_29_February_deadline_falls_on_28_February_in_common_years(string asOf, string next)
    {
        var facts = Compute(Schedules.Annual("02-29"), asOf);

        Assert.Equal(DeadlineSituation.DateAhead, facts.Situation);
        Assert.Equal(D(next), facts.NextDeadline);
    }

    [Fact]
    public void Annual_29_February_deadline_serves_starts_in_common_years()
    {
        var schedule = Schedules.Annual("02-29") with { Serves = new ServedStarts { MinWeeksAfter = 4 } };

        var facts = Compute(schedule, "2026-12-01", "2027-04-01");

        Assert.Equal(DeadlineSituation.DateAhead, facts.Situation);
        Assert.Equal(D("2027-02-28"), facts.LatestApplicationDate);
    }

    [Fact]
    public void One_off_deadline_on_29_February_of_a_leap_year_is_kept()
    {
        var facts = Compute(Schedules.OneOff("2028-02-29"), "2027-12-01");

        Assert.Equal(D("2028-02-29"), facts.NextDeadline);
    }
}
