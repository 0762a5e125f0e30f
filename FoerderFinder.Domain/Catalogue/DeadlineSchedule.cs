namespace FoerderFinder.Domain.Catalogue;

public enum DeadlineType
{
    /// <summary>Apply any time; optionally a lead time before the project starts.</summary>
    Rolling,
    /// <summary>The same dates every year (MM-dd).</summary>
    Annual,
    /// <summary>Fixed dates that do not repeat (yyyy-MM-dd).</summary>
    OneOff,
    /// <summary>Calls for proposals: open with a closing date, closed, or the next call not yet known.</summary>
    Call,
}

public enum CallStatus
{
    Open,
    Closed,
    Unknown,
}

/// <summary>Applications must arrive this many weeks before project start; the first tier whose MaxAmountEur covers the request applies.</summary>
public sealed record LeadTime
{
    public long? MaxAmountEur { get; init; }
    public required int Weeks { get; init; }
}

/// <summary>
/// A deadline serves projects that start between MinWeeksAfter and MaxWeeksAfter weeks after it
/// (for example a 30 June deadline that funds projects from the next January on).
/// </summary>
public sealed record ServedStarts
{
    public int MinWeeksAfter { get; init; }
    public int? MaxWeeksAfter { get; init; }
}

public sealed record DeadlineSchedule
{
    public required DeadlineType Type { get; init; }
    /// <summary>MM-dd for annual deadlines, yyyy-MM-dd for one-off ones and for a call's closing date.</summary>
    public IReadOnlyList<string> Dates { get; init; } = [];
    public IReadOnlyList<LeadTime> LeadTimes { get; init; } = [];
    public ServedStarts? Serves { get; init; }
    public CallStatus? Call { get; init; }
}

/// <summary>A schedule's dates parsed once, so evaluating a deadline allocates nothing.</summary>
internal sealed class ParsedDeadlineDates
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DeadlineSchedule, ParsedDeadlineDates> Cache = new();

    public required (int Month, int Day)[] Annual { get; init; }
    public required DateOnly[] Fixed { get; init; }
    /// <summary>A copy of the schedule (its lead times and served starts too), allocated right after the dates.</summary>
    public required DeadlineSchedule Schedule { get; init; }

    public static ParsedDeadlineDates Of(DeadlineSchedule schedule) => Cache.GetValue(schedule, Parse);

    /// <summary>A new parse, not shared: the matcher's compiled catalogue makes its own, one after the other.</summary>
    public static ParsedDeadlineDates Parse(DeadlineSchedule schedule)
    {
        var annual = new List<(int, int)>();
        var fixedDates = new List<DateOnly>();
        foreach (var text in schedule.Dates)
        {
            if (schedule.Type == DeadlineType.Annual)
            {
                var parts = text.Split('-');
                annual.Add((int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)));
            }
            else
            {
                fixedDates.Add(DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        fixedDates.Sort();
        annual.Sort();
        return new ParsedDeadlineDates
        {
            Annual = annual.ToArray(),
            Fixed = fixedDates.ToArray(),
            Schedule = schedule with
            {
                LeadTimes = schedule.LeadTimes.Select(l => l with { }).ToArray(),
                Serves = schedule.Serves is { } serves ? serves with { } : null,
            },
        };
    }
}
