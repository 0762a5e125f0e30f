using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching;

public enum DeadlineSituation
{
    /// <summary>Apply any time (with the lead time, if any).</summary>
    Rolling,
    /// <summary>Rolling, but the planned start is too close for the lead time.</summary>
    RollingTooLate,
    /// <summary>A dated deadline lies ahead and serves the planned start (or no start was given).</summary>
    DateAhead,
    /// <summary>No deadline ahead serves the planned start.</summary>
    StartNotServed,
    /// <summary>Every dated deadline has passed: the round is over.</summary>
    RoundOver,
    /// <summary>The call is closed or not announced yet.</summary>
    CallNotAnnounced,
}

/// <summary>What a schedule means for one profile on one day.</summary>
public readonly record struct DeadlineFacts(
    DeadlineSituation Situation,
    DateOnly? NextDeadline,
    DateOnly? LatestApplicationDate,
    int LeadWeeks,
    DateOnly? EarliestStart)
{
    public Outcome Outcome => Situation switch
    {
        DeadlineSituation.Rolling or DeadlineSituation.DateAhead => Outcome.Met,
        DeadlineSituation.CallNotAnnounced => Outcome.Unknown,
        _ => Outcome.NotMet,
    };
}

/// <summary>
/// Turns a deadline schedule into the next deadline, the latest date to apply for the planned
/// start, and the earliest start still reachable. Pure: the day is an input.
/// </summary>
public static class DeadlineCalculator
{
    public static DeadlineFacts Compute(DeadlineSchedule schedule, DateOnly asOf, DateOnly? plannedStart, long? requestedAmountEur) =>
        Compute(schedule, null, asOf, plannedStart, requestedAmountEur);

    /// <summary>The same, with the schedule's dates already parsed (the matcher's first pass keeps them per catalogue).</summary>
    internal static DeadlineFacts Compute(DeadlineSchedule schedule, ParsedDeadlineDates? parsed, DateOnly asOf, DateOnly? plannedStart, long? requestedAmountEur)
    {
        // The parsed form keeps a compact copy of the schedule next to its dates: one place in memory to read.
        var dates = parsed ?? ParsedDeadlineDates.Of(schedule);
        schedule = dates.Schedule;
        var leadWeeks = LeadWeeks(schedule, requestedAmountEur);
        if (schedule.Type == DeadlineType.Rolling)
        {
            var earliestStart = asOf.AddDays(7 * leadWeeks);
            if (plannedStart is not { } start)
            {
                return new(DeadlineSituation.Rolling, null, null, leadWeeks, earliestStart);
            }
            var latest = start.AddDays(-7 * leadWeeks);
            return new(latest >= asOf ? DeadlineSituation.Rolling : DeadlineSituation.RollingTooLate, null, latest, leadWeeks, earliestStart);
        }
        if (schedule.Type == DeadlineType.Call && schedule.Call != CallStatus.Open)
        {
            return new(DeadlineSituation.CallNotAnnounced, null, null, leadWeeks, null);
        }

        var next = NextOnOrAfter(schedule, dates, asOf);
        if (next is null)
        {
            return new(DeadlineSituation.RoundOver, null, null, leadWeeks, null);
        }
        var minGapDays = 7 * Math.Max(leadWeeks, schedule.Serves?.MinWeeksAfter ?? 0);
        var earliest = next.Value.AddDays(minGapDays);
        if (plannedStart is not { } plannedStartDate)
        {
            return new(DeadlineSituation.DateAhead, next, null, leadWeeks, earliest);
        }
        var latestServing = LatestServing(schedule, dates, plannedStartDate, minGapDays);
        return latestServing is { } served && served >= asOf
            ? new(DeadlineSituation.DateAhead, next, served, leadWeeks, earliest)
            : new(DeadlineSituation.StartNotServed, next, null, leadWeeks, earliest);
    }

    private static int LeadWeeks(DeadlineSchedule schedule, long? requestedAmountEur)
    {
        var leadTimes = schedule.LeadTimes;
        if (leadTimes.Count == 0)
        {
            return 0;
        }
        if (requestedAmountEur is not { } amount)
        {
            // Without an amount, the longest lead time is the one that is surely enough.
            var longest = 0;
            for (var i = 0; i < leadTimes.Count; i++)
            {
                longest = Math.Max(longest, leadTimes[i].Weeks);
            }
            return longest;
        }
        for (var i = 0; i < leadTimes.Count; i++)
        {
            if (leadTimes[i].MaxAmountEur is not { } cap || amount <= cap)
            {
                return leadTimes[i].Weeks;
            }
        }
        return leadTimes[^1].Weeks;
    }

    private static DateOnly? NextOnOrAfter(DeadlineSchedule schedule, ParsedDeadlineDates dates, DateOnly day)
    {
        if (schedule.Type != DeadlineType.Annual)
        {
            foreach (var date in dates.Fixed)
            {
                if (date >= day)
                {
                    return date;
                }
            }
            return null;
        }
        for (var year = day.Year; year <= day.Year + 1; year++)
        {
            foreach (var (month, dayOfMonth) in dates.Annual)
            {
                var date = DateIn(year, month, dayOfMonth);
                if (date >= day)
                {
                    return date;
                }
            }
        }
        return null;
    }

    /// <summary>The last deadline that still serves a project starting on <paramref name="start"/>.</summary>
    private static DateOnly? LatestServing(DeadlineSchedule schedule, ParsedDeadlineDates dates, DateOnly start, int minGapDays)
    {
        DateOnly? latest = null;
        var maxGapDays = schedule.Serves?.MaxWeeksAfter is { } maxWeeks ? 7 * maxWeeks : int.MaxValue;
        void Consider(DateOnly deadline)
        {
            var gap = start.DayNumber - deadline.DayNumber;
            if (gap >= minGapDays && gap <= maxGapDays && (latest is null || deadline > latest))
            {
                latest = deadline;
            }
        }
        if (schedule.Type != DeadlineType.Annual)
        {
            foreach (var date in dates.Fixed)
            {
                Consider(date);
            }
            return latest;
        }
        for (var year = start.Year - 3; year <= start.Year; year++)
        {
            foreach (var (month, dayOfMonth) in dates.Annual)
            {
                Consider(DateIn(year, month, dayOfMonth));
            }
        }
        return latest;
    }

    /// <summary>
    /// An annual day in one year. 29 February falls on 28 February in common years: skipping it
    /// would leave an annual programme without a deadline (round over) for up to three years.
    /// </summary>
    private static DateOnly DateIn(int year, int month, int day) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
