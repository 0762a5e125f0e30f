using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Catalogue;

/// <summary>A text in German and English; German is the funders' language and always present.</summary>
public sealed record LocalizedText(string De, string En)
{
    public string In(Language language) => language == Language.En ? En : De;
}

/// <summary>Where a fact comes from and when someone last checked it against that source.</summary>
public sealed record SourceRef
{
    public required string Url { get; init; }
    public DateOnly? Verified { get; init; }

    /// <summary>Dated: a fact not checked on its own was last checked with its whole programme.</summary>
    public SourceRef CheckedNoLaterThan(DateOnly programmeVerified) =>
        Verified is null ? this with { Verified = programmeVerified } : this;
}

public sealed record ProgrammeSource
{
    public required string Url { get; init; }
    public string? Supports { get; init; }
    /// <summary>official, official_aggregator, official_press, third_party.</summary>
    public required string Type { get; init; }
    public int? AsOf { get; init; }
}

/// <summary>A prerequisite no profile field can express; shown to the user as "check yourself".</summary>
public sealed record SelfCheck
{
    public required LocalizedText Text { get; init; }
    public required SourceRef Source { get; init; }
}

/// <summary>A funding programme as the catalogue states it: facts, texts, and the rules as typed criteria.</summary>
public sealed record Programme
{
    public required string Id { get; init; }
    public required ProgrammeStatus Status { get; init; }
    public LocalizedText? StatusNote { get; init; }
    public string? ReplacedBy { get; init; }
    public required LocalizedText Name { get; init; }
    public required LocalizedText Purpose { get; init; }
    /// <summary>What is funded; required by the validator, like <see cref="Decides"/> and <see cref="HowToApply"/>.</summary>
    public LocalizedText? Funded { get; init; }
    public LocalizedText? Decides { get; init; }
    public LocalizedText? HowToApply { get; init; }
    public required string Funder { get; init; }
    public required FunderCategory FunderCategory { get; init; }
    public string? AdministeringBody { get; init; }
    public required string Url { get; init; }
    public required SupportType SupportType { get; init; }
    public IReadOnlyList<string> Themes { get; init; } = [];
    /// <summary>Made for migrant self-organisations (MSOs): they rank first for migrant-led applicants.</summary>
    public bool MadeForMsos { get; init; }
    /// <summary>Open to, and designed for, organisations that have never received this kind of grant.</summary>
    public bool FirstTimeFriendly { get; init; }
    public required DateOnly LastVerified { get; init; }
    public required Confidence Confidence { get; init; }
    public IReadOnlyList<ProgrammeSource> Sources { get; init; } = [];
    public IReadOnlyList<Criterion> Criteria { get; init; } = [];
    public IReadOnlyList<SelfCheck> CheckYourself { get; init; } = [];
}

/// <summary>The catalogue file: every programme, in the order curators keep them.</summary>
public sealed record CatalogueDocument
{
    [Newtonsoft.Json.JsonProperty("$schema")]
    public string? Schema { get; init; }
    public IReadOnlyList<Programme> Programmes { get; init; } = [];
}
