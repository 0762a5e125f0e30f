using System.Globalization;
using System.Runtime.CompilerServices;
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
    private static readonly ConditionalWeakTable<DeadlineSchedule, CompiledSchedule> Compiled = new();

    public static DeadlineFacts Compute(DeadlineSchedule schedule, DateOnly asOf, DateOnly? plannedStart, long? requestedAmountEur)
    {
        var compiled = Compiled.GetValue(schedule, s => new CompiledSchedule(s));
        return Compute(in compiled.Deadline, compiled.Dates, compiled.LeadTimes, asOf, plannedStart, requestedAmountEur);
    }

    /// <summary>
    /// The rules themselves, on a schedule compiled to numbers. The matcher's first pass keeps each
    /// <see cref="CompiledDeadline"/> in its programme's data, followed by its lead times and dates.
    /// </summary>
    internal static DeadlineFacts Compute(
        in CompiledDeadline deadline,
        ReadOnlySpan<int> dates,
        ReadOnlySpan<CompiledLeadTime> leadTimes,
        DateOnly asOf,
        DateOnly? plannedStart,
        long? requestedAmountEur)
    {
        var leadWeeks = LeadWeeks(leadTimes.Slice(deadline.LeadTimesStart, deadline.LeadTimesCount), requestedAmountEur);
        if (deadline.Type == DeadlineType.Rolling)
        {
            var earliestStart = asOf.AddDays(7 * leadWeeks);
            if (plannedStart is not { } start)
            {
                return new(DeadlineSituation.Rolling, null, null, leadWeeks, earliestStart);
            }
            var latest = start.AddDays(-7 * leadWeeks);
            return new(latest >= asOf ? DeadlineSituation.Rolling : DeadlineSituation.RollingTooLate, null, latest, leadWeeks, earliestStart);
        }
        if (deadline.CallNotOpen)
        {
            return new(DeadlineSituation.CallNotAnnounced, null, null, leadWeeks, null);
        }

        var ownDates = dates.Slice(deadline.DatesStart, deadline.DatesCount);
        var annual = deadline.Type == DeadlineType.Annual;
        var next = NextOnOrAfter(ownDates, annual, asOf);
        if (next is null)
        {
            return new(DeadlineSituation.RoundOver, null, null, leadWeeks, null);
        }
        var minGapDays = 7 * Math.Max(leadWeeks, deadline.MinWeeksAfter);
        var earliest = next.Value.AddDays(minGapDays);
        if (plannedStart is not { } plannedStartDate)
        {
            return new(DeadlineSituation.DateAhead, next, null, leadWeeks, earliest);
        }
        var latestServing = LatestServing(ownDates, annual, plannedStartDate, minGapDays, deadline.MaxDaysAfter);
        return latestServing is { } served && served >= asOf
            ? new(DeadlineSituation.DateAhead, next, served, leadWeeks, earliest)
            : new(DeadlineSituation.StartNotServed, next, null, leadWeeks, earliest);
    }

    private static int LeadWeeks(ReadOnlySpan<CompiledLeadTime> leadTimes, long? requestedAmountEur)
    {
        if (leadTimes.Length == 0)
        {
            return 0;
        }
        if (requestedAmountEur is not { } amount)
        {
            // Without an amount, the longest lead time is the one that is surely enough.
            var longest = 0;
            foreach (var leadTime in leadTimes)
            {
                longest = Math.Max(longest, leadTime.Weeks);
            }
            return longest;
        }
        foreach (var leadTime in leadTimes)
        {
            if (amount <= leadTime.MaxAmountEur)
            {
                return leadTime.Weeks;
            }
        }
        return leadTimes[^1].Weeks;
    }

    private static DateOnly? NextOnOrAfter(ReadOnlySpan<int> dates, bool annual, DateOnly day)
    {
        if (!annual)
        {
            foreach (var date in dates)
            {
                if (date >= day.DayNumber)
                {
                    return DateOnly.FromDayNumber(date);
                }
            }
            return null;
        }
        for (var year = day.Year; year <= day.Year + 1; year++)
        {
            foreach (var monthDay in dates)
            {
                var date = DateIn(year, monthDay);
                if (date >= day)
                {
                    return date;
                }
            }
        }
        return null;
    }

    /// <summary>The last deadline that still serves a project starting on <paramref name="start"/>.</summary>
    private static DateOnly? LatestServing(ReadOnlySpan<int> dates, bool annual, DateOnly start, int minGapDays, int maxGapDays)
    {
        var latest = int.MinValue;
        if (!annual)
        {
            foreach (var date in dates)
            {
                latest = Serving(date, start.DayNumber, minGapDays, maxGapDays, latest);
            }
        }
        else
        {
            for (var year = start.Year - 3; year <= start.Year; year++)
            {
                foreach (var monthDay in dates)
                {
                    latest = Serving(DateIn(year, monthDay).DayNumber, start.DayNumber, minGapDays, maxGapDays, latest);
                }
            }
        }
        return latest == int.MinValue ? null : DateOnly.FromDayNumber(latest);
    }

    private static int Serving(int deadline, int start, int minGapDays, int maxGapDays, int latest)
    {
        var gap = start - deadline;
        return gap >= minGapDays && gap <= maxGapDays && deadline > latest ? deadline : latest;
    }

    /// <summary>
    /// An annual day in one year. 29 February falls on 28 February in common years: skipping it
    /// would leave an annual programme without a deadline (round over) for up to three years.
    /// </summary>
    private static DateOnly DateIn(int year, int monthDay)
    {
        var (month, day) = CompiledDeadline.MonthAndDay(monthDay);
        return new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }

    /// <summary>One schedule compiled on its own, for callers that have no compiled catalogue.</summary>
    private sealed class CompiledSchedule
    {
        public CompiledSchedule(DeadlineSchedule schedule)
        {
            var dates = new List<int>();
            var leadTimes = new List<CompiledLeadTime>();
            Deadline = CompiledDeadline.Compile(schedule, dates, leadTimes);
            Dates = dates.ToArray();
            LeadTimes = leadTimes.ToArray();
        }

        public readonly CompiledDeadline Deadline;
        public int[] Dates { get; }
        public CompiledLeadTime[] LeadTimes { get; }
    }
}

/// <summary>
/// A deadline schedule as numbers: what <see cref="DeadlineCalculator"/> needs, without the strings and
/// objects of the catalogue. Its dates and lead times lie apart, in spans given with it
/// (<see cref="DatesStart"/> and <see cref="LeadTimesStart"/> point into them), so that the struct has a
/// fixed size and a catalogue's schedules can be read one after the other rather than from objects all over the heap.
/// </summary>
internal readonly record struct CompiledDeadline
{
    public DeadlineType Type { get; init; }
    /// <summary>A call that is closed or not announced: no date counts.</summary>
    public bool CallNotOpen { get; init; }
    /// <summary>Day numbers in order; for annual deadlines month * 100 + day (see <see cref="MonthAndDay"/>), in order.</summary>
    public int DatesStart { get; init; }
    public int DatesCount { get; init; }
    public int LeadTimesStart { get; init; }
    public int LeadTimesCount { get; init; }
    public int MinWeeksAfter { get; init; }
    /// <summary>The longest gap in days between a deadline and a start it serves; int.MaxValue when the schedule sets none.</summary>
    public int MaxDaysAfter { get; init; }

    public static (int Month, int Day) MonthAndDay(int monthDay) => (monthDay / 100, monthDay % 100);

    /// <summary>The schedule's numbers; its dates and lead times are added to <paramref name="dates"/> and <paramref name="leadTimes"/>.</summary>
    public static CompiledDeadline Compile(DeadlineSchedule schedule, List<int> dates, List<CompiledLeadTime> leadTimes)
    {
        var datesStart = dates.Count;
        foreach (var text in schedule.Dates)
        {
            if (schedule.Type == DeadlineType.Annual)
            {
                var parts = text.Split('-');
                dates.Add(int.Parse(parts[0], CultureInfo.InvariantCulture) * 100 + int.Parse(parts[1], CultureInfo.InvariantCulture));
            }
            else
            {
                dates.Add(DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber);
            }
        }
        dates.Sort(datesStart, dates.Count - datesStart, null);
        var leadTimesStart = leadTimes.Count;
        foreach (var leadTime in schedule.LeadTimes)
        {
            leadTimes.Add(new CompiledLeadTime(leadTime.MaxAmountEur ?? long.MaxValue, leadTime.Weeks));
        }
        return new CompiledDeadline
        {
            Type = schedule.Type,
            CallNotOpen = schedule.Type == DeadlineType.Call && schedule.Call != CallStatus.Open,
            DatesStart = datesStart,
            DatesCount = dates.Count - datesStart,
            LeadTimesStart = leadTimesStart,
            LeadTimesCount = leadTimes.Count - leadTimesStart,
            MinWeeksAfter = schedule.Serves?.MinWeeksAfter ?? 0,
            MaxDaysAfter = schedule.Serves?.MaxWeeksAfter is { } maxWeeks ? 7 * maxWeeks : int.MaxValue,
        };
    }
}

/// <summary>A lead-time tier: applies to requests up to MaxAmountEur (long.MaxValue: any amount).</summary>
internal readonly record struct CompiledLeadTime(long MaxAmountEur, int Weeks);
