using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching;

public sealed record MatchOptions
{
    public required DateOnly AsOf { get; init; }
    public int Limit { get; init; } = 20;
    public bool IncludeNotEligible { get; init; }
}

/// <summary>One programme's verdict for a profile, with the reasons.</summary>
public sealed record ProgrammeMatch
{
    public required Programme Programme { get; init; }
    public required Verdict Verdict { get; init; }
    /// <summary>Null for programmes that are not eligible: they are not ranked.</summary>
    public ScoreBreakdown? Score { get; init; }
    public required IReadOnlyList<CriterionResult> Criteria { get; init; }
    public DateOnly? NextDeadline { get; init; }
    public DateOnly? LatestApplicationDate { get; init; }
    /// <summary>What would make a not-eligible programme eligible, when every failure can be fixed.</summary>
    public IReadOnlyList<Message> HowToBecomeEligible { get; init; } = [];
    /// <summary>Not checked against its source for more than a year.</summary>
    public bool Stale { get; init; }
    /// <summary>Some fact this verdict rests on is unconfirmed: check with the funder.</summary>
    public bool HasUnconfirmed { get; init; }
}

/// <summary>The profile field whose answer would decide the most open programmes.</summary>
public sealed record NextQuestion(ProfileField Field, int Settles, int Affects);

public sealed record MatchResult
{
    public required string CatalogueVersion { get; init; }
    public required DateOnly AsOf { get; init; }
    public required IReadOnlyList<ProgrammeMatch> Results { get; init; }
    public NextQuestion? NextQuestion { get; init; }
    public required int EligibleCount { get; init; }
    public required int NeedsInformationCount { get; init; }
    public required int NotEligibleCount { get; init; }
}
