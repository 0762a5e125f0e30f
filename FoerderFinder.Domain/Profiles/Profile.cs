using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Profiles;

/// <summary>
/// What an organisation tells about itself. Every field is optional: a missing field makes the
/// criteria that need it "unknown", never "not met".
/// </summary>
public sealed record OrganisationProfile
{
    public OrganisationType? Type { get; init; }
    public bool? MigrantLed { get; init; }
    /// <summary>Recognised as gemeinnützig (tax-privileged) by the tax office.</summary>
    public bool? Charitable { get; init; }
    public int? FoundedYear { get; init; }
    /// <summary>ISO 3166-2:DE code of the Land of the organisation's seat, e.g. DE-NW.</summary>
    public string? State { get; init; }
    /// <summary>Official municipality name ("Münster") or its 8-digit Amtlicher Gemeindeschlüssel.</summary>
    public string? Municipality { get; init; }
    public bool? VolunteerRun { get; init; }
    public bool? FirstTimeApplicant { get; init; }
    public int? PartnerCooperationYears { get; init; }
}

public sealed record ProjectProfile
{
    public ProjectLocation? Location { get; init; }
    public string? State { get; init; }
    public string? Municipality { get; init; }
    /// <summary>ISO 3166-1 alpha-2 codes of the countries the project works in.</summary>
    public IReadOnlyList<string>? Countries { get; init; }
    public IReadOnlyList<string>? Themes { get; init; }
    public long? RequestedAmountEur { get; init; }
    public decimal? OwnContributionPercent { get; init; }
    public DateOnly? PlannedStart { get; init; }
    public int? DurationMonths { get; init; }
}

public sealed record Profile
{
    public OrganisationProfile Organisation { get; init; } = new();
    public ProjectProfile Project { get; init; } = new();
}
