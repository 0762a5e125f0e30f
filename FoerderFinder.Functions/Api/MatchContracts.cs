using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Messages;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Functions.Api;

public sealed record MatchRequest
{
    public OrganisationProfile? Organisation { get; init; }
    public ProjectProfile? Project { get; init; }
    public Language? Language { get; init; }
    public DateOnly? AsOf { get; init; }
    public int? Limit { get; init; }
    public bool? IncludeNotEligible { get; init; }
}

public sealed record MessageDto(string Key, IReadOnlyDictionary<string, object> Params, string Text);

public sealed record CriterionDto(
    string Kind,
    Outcome Outcome,
    string Message,
    string MessageKey,
    IReadOnlyDictionary<string, object> Params,
    SourceRef? Source,
    bool Unconfirmed);

public sealed record AmountDto(long? MinEur, long? MaxEur, long? FirstTimeMaxEur, bool Unconfirmed);

public sealed record ScoreDto(int Total, ScoreBreakdown Breakdown);

public sealed record ResultDto
{
    public required string ProgrammeId { get; init; }
    public required string Name { get; init; }
    public required string Purpose { get; init; }
    public required string Funder { get; init; }
    public required string Url { get; init; }
    public required Verdict Verdict { get; init; }
    public required string VerdictText { get; init; }
    public int? Score { get; init; }
    public ScoreBreakdown? ScoreBreakdown { get; init; }
    public required IReadOnlyList<CriterionDto> Criteria { get; init; }
    public required IReadOnlyList<string> CheckYourself { get; init; }
    public DateOnly? NextDeadline { get; init; }
    public DateOnly? LatestApplicationDate { get; init; }
    public AmountDto? Amount { get; init; }
    public required IReadOnlyList<MessageDto> HowToBecomeEligible { get; init; }
    public required DateOnly LastVerified { get; init; }
    public required bool Stale { get; init; }
    public required bool Unconfirmed { get; init; }
    public string? Notice { get; init; }
    public required ProgrammeStatus Status { get; init; }
}

public sealed record NextQuestionDto(string Field, string Label, int Settles, int Affects);

public sealed record MatchCounts(int Eligible, int NeedsInformation, int NotEligible);

public sealed record MatchResponse
{
    public required string CatalogueVersion { get; init; }
    public required bool CatalogueMayBeStale { get; init; }
    public required DateOnly AsOf { get; init; }
    public required Language Language { get; init; }
    public required MatchCounts Counts { get; init; }
    public required IReadOnlyList<ResultDto> Results { get; init; }
    public NextQuestionDto? NextQuestion { get; init; }
}

/// <summary>Renders a domain match result in one language, keeping keys and parameters for clients that translate themselves.</summary>
public static class MatchResponses
{
    public static MatchResponse From(MatchResult result, Language language, bool catalogueMayBeStale) => new()
    {
        CatalogueVersion = result.CatalogueVersion,
        CatalogueMayBeStale = catalogueMayBeStale,
        AsOf = result.AsOf,
        Language = language,
        Counts = new MatchCounts(result.EligibleCount, result.NeedsInformationCount, result.NotEligibleCount),
        Results = result.Results.Select(r => From(r, language)).ToList(),
        NextQuestion = result.NextQuestion is { } q
            ? new NextQuestionDto(q.Field.Path(), MessageCatalog.Text(language, $"field.{q.Field.Path()}"), q.Settles, q.Affects)
            : null,
    };

    private static ResultDto From(ProgrammeMatch match, Language language)
    {
        var programme = match.Programme;
        var amount = programme.Criteria.OfType<AmountCriterion>().FirstOrDefault();
        var notices = new List<string>();
        if (match.HasUnconfirmed)
        {
            notices.Add(MessageCatalog.Text(language, "unconfirmed"));
        }
        if (match.Stale)
        {
            notices.Add(MessageCatalog.Text(language, "stale"));
        }
        return new ResultDto
        {
            ProgrammeId = programme.Id,
            Name = programme.Name.In(language),
            Purpose = programme.Purpose.In(language),
            Funder = programme.Funder,
            Url = programme.Url,
            Status = programme.Status,
            Verdict = match.Verdict,
            VerdictText = MessageCatalog.Text(language, $"verdict.{Domain.Json.EnumCodes.Of(match.Verdict)}"),
            Score = match.Score?.Total,
            ScoreBreakdown = match.Score,
            Criteria = match.Criteria.Select(c => new CriterionDto(
                c.Kind,
                c.Outcome,
                Render(c, language),
                c.Message.Key,
                ParamsForJson(c.Message),
                c.Source,
                c.Unconfirmed)).ToList(),
            CheckYourself = programme.CheckYourself.Select(s => s.Text.In(language)).ToList(),
            NextDeadline = match.NextDeadline,
            LatestApplicationDate = match.LatestApplicationDate,
            Amount = amount is null ? null : new AmountDto(amount.MinEur, amount.MaxEur, amount.FirstTimeMaxEur, amount.Unconfirmed),
            HowToBecomeEligible = match.HowToBecomeEligible
                .Select(m => new MessageDto(m.Key, ParamsForJson(m), MessageCatalog.Render(m, language))).ToList(),
            LastVerified = programme.LastVerified,
            Stale = match.Stale,
            Unconfirmed = match.HasUnconfirmed,
            Notice = notices.Count == 0 ? null : string.Join(" ", notices),
        };
    }

    private static string Render(CriterionResult result, Language language)
    {
        var text = MessageCatalog.Render(result.Message, language);
        return result.Unconfirmed ? $"{text} ({MessageCatalog.Text(language, "unconfirmed")})" : text;
    }

    /// <summary>Parameters as plain JSON values: codes as strings, money as euros, dates as yyyy-MM-dd.</summary>
    private static IReadOnlyDictionary<string, object> ParamsForJson(Message message) =>
        message.Params.ToDictionary(p => p.Key, p => ForJson(p.Value), StringComparer.Ordinal);

    private static object ForJson(object value) => value switch
    {
        Code code => code.Value,
        Money money => money.Eur,
        Weeks weeks => weeks.Count,
        Months months => months.Count,
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items and not string => items.Cast<object>().Select(ForJson).ToList(),
        _ => value,
    };
}
