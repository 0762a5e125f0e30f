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
