using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Messages;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Functions.Api;

public sealed record MatchRequest
{
    public OrganisationProfile? Organisation { get; init; }
    public ProjectProfile? Project { get; init; }
    public Language? Language { get; init; }
    public DateOnly? AsOf { get; init; }
    public int? Limit { get; init; }
    public bool? IncludeNotEligible { get; init; }

    /// <summary>The profile asked about; a part left out is a part with nothing known.</summary>
    public Profile ToProfile() => new() { Organisation = Organisation ?? new(), Project = Project ?? new() };
}

/// <summary>
/// The answer to POST /api/match: a match result rendered in one language, keeping message keys and
/// parameters for clients that translate themselves. README.md shows the JSON it becomes.
/// </summary>
[JsonConverter(typeof(MatchAnswerJsonConverter))]
public sealed record MatchAnswer(MatchResult Result, Language Language, bool CatalogueMayBeStale);

/// <summary>
/// Writes a <see cref="MatchAnswer"/> straight from the domain result. An answer carries dozens of
/// criteria with messages and parameters; copying them into response objects first and letting the
/// serializer reflect over those cost more than the matching itself.
/// </summary>
/// <remarks>Member and parameter names are the app's own ASCII identifiers, so they are written unescaped.</remarks>
public sealed class MatchAnswerJsonConverter : JsonConverter<MatchAnswer>
{
    public override bool CanRead => false;

    public override MatchAnswer ReadJson(JsonReader reader, Type objectType, MatchAnswer? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("A match answer is only written.");

    public override void WriteJson(JsonWriter writer, MatchAnswer? answer, JsonSerializer serializer)
    {
        var (result, language, mayBeStale) = answer!;
        writer.WriteStartObject();
        WriteString(writer, "catalogueVersion", result.CatalogueVersion);
        WriteBool(writer, "catalogueMayBeStale", mayBeStale);
        WriteDate(writer, "asOf", result.AsOf);
        WriteString(writer, "language", EnumCodes.Of(language));
        writer.WritePropertyName("counts", escape: false);
        writer.WriteStartObject();
        WriteInt(writer, "eligible", result.EligibleCount);
        WriteInt(writer, "needsInformation", result.NeedsInformationCount);
        WriteInt(writer, "notEligible", result.NotEligibleCount);
        writer.WriteEndObject();
        writer.WritePropertyName("results", escape: false);
        writer.WriteStartArray();
        foreach (var match in result.Results)
        {
            WriteResult(writer, match, language, serializer);
        }
        writer.WriteEndArray();
        if (result.NextQuestion is { } question)
        {
            var field = question.Field.Path();
            writer.WritePropertyName("nextQuestion", escape: false);
            writer.WriteStartObject();
            WriteString(writer, "field", field);
            WriteString(writer, "label", MessageCatalog.Text(language, $"field.{field}"));
            WriteInt(writer, "settles", question.Settles);
            WriteInt(writer, "affects", question.Affects);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteResult(JsonWriter writer, ProgrammeMatch match, Language language, JsonSerializer serializer)
    {
        var programme = match.Programme;
        var text = ProgrammeJson.Of(programme, language);
        writer.WriteStartObject();
        // Members fixed per programme, and a verdict with its text, are one fragment each: the writer takes it for the first member's value.
        WriteRaw(writer, "programmeId", text.Identity);
        WriteRaw(writer, "verdict", VerdictJson[(int)match.Verdict, (int)language]);
        if (match.Score is { } score)
        {
            WriteInt(writer, "score", score.Total);
            writer.WritePropertyName("scoreBreakdown", escape: false);
            writer.WriteStartObject();
            WriteInt(writer, "thematicFit", score.ThematicFit);
            WriteInt(writer, "amountFit", score.AmountFit);
            WriteInt(writer, "regionSpecificity", score.RegionSpecificity);
            WriteInt(writer, "deadlineReachable", score.DeadlineReachable);
            WriteInt(writer, "madeForMsos", score.MadeForMsos);
            WriteInt(writer, "firstTimeFriendly", score.FirstTimeFriendly);
            WriteInt(writer, "total", score.Total);
            writer.WriteEndObject();
        }
        writer.WritePropertyName("criteria", escape: false);
        writer.WriteStartArray();
        foreach (var criterion in match.Criteria)
        {
            WriteCriterion(writer, criterion, text, language, serializer);
        }
        writer.WriteEndArray();
        WriteRaw(writer, "checkYourself", text.CheckYourself);
        if (match.NextDeadline is { } nextDeadline)
        {
            WriteDate(writer, "nextDeadline", nextDeadline);
        }
        if (match.LatestApplicationDate is { } latest)
        {
            WriteDate(writer, "latestApplicationDate", latest);
        }
        if (text.Amount is { } amount)
        {
            WriteRaw(writer, "amount", amount);
        }
        writer.WritePropertyName("howToBecomeEligible", escape: false);
        writer.WriteStartArray();
        foreach (var fix in match.HowToBecomeEligible)
        {
            writer.WriteStartObject();
            WriteString(writer, "key", fix.Key);
            WriteParams(writer, fix, serializer);
            WriteString(writer, "text", MessageCatalog.Render(fix, language));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        WriteDate(writer, "lastVerified", programme.LastVerified);
        WriteBool(writer, "stale", match.Stale);
        WriteBool(writer, "unconfirmed", match.HasUnconfirmed);
        if (Notice(match, language) is { } notice)
        {
            WriteString(writer, "notice", notice);
        }
        WriteString(writer, "status", EnumCodes.Of(programme.Status));
        writer.WriteEndObject();
    }

    private static readonly int LanguageCount = Enum.GetValues<Language>().Length;

    /// <summary>A verdict's code followed by its <c>verdictText</c> member, per verdict and language.</summary>
    private static readonly string[,] VerdictJson = VerdictFragments();

    private static string[,] VerdictFragments()
    {
        var fragments = new string[Enum.GetValues<Verdict>().Length, LanguageCount];
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            var code = EnumCodes.Of(verdict);
            foreach (var language in Enum.GetValues<Language>())
            {
                fragments[(int)verdict, (int)language] =
                    $"{JsonConvert.ToString(code)},\"verdictText\":{JsonConvert.ToString(MessageCatalog.Text(language, $"verdict.{code}"))}";
            }
        }
        return fragments;
    }

    private static readonly ConditionalWeakTable<CriterionResult, string?[]> SharedCriteria = new();

    /// <summary>
    /// A criterion explained alike to every profile is rendered once per language and kept as long as
    /// the explanation is (that is, while its catalogue is in use); the others are rendered per answer.
    /// </summary>
    private static void WriteCriterion(JsonWriter writer, CriterionResult criterion, ProgrammeJson programme, Language language, JsonSerializer serializer)
    {
        if (!criterion.SharedAcrossProfiles)
        {
            WriteCriterionObject(writer, criterion, programme, language, serializer);
            return;
        }
        var rendered = SharedCriteria.GetValue(criterion, _ => new string?[LanguageCount]);
        writer.WriteRawValue(rendered[(int)language] ??= Render(criterion, programme, language, serializer));
    }

    private static string Render(CriterionResult criterion, ProgrammeJson programme, Language language, JsonSerializer serializer)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text))
        {
            WriteCriterionObject(json, criterion, programme, language, serializer);
        }
        return text.ToString();
    }

    private static void WriteCriterionObject(JsonWriter writer, CriterionResult criterion, ProgrammeJson programme, Language language, JsonSerializer serializer)
    {
        writer.WriteStartObject();
        WriteString(writer, "kind", criterion.Kind);
        WriteString(writer, "outcome", EnumCodes.Of(criterion.Outcome));
        var message = MessageCatalog.Render(criterion.Message, language);
        WriteString(writer, "message", criterion.Unconfirmed ? $"{message} ({MessageCatalog.Text(language, "unconfirmed")})" : message);
        WriteString(writer, "messageKey", criterion.Message.Key);
        WriteParams(writer, criterion.Message, serializer);
        if (criterion.Source is { } source)
        {
            WriteRaw(writer, "source", programme.Source(source));
        }
        WriteBool(writer, "unconfirmed", criterion.Unconfirmed);
        writer.WriteEndObject();
    }

    private static string? Notice(ProgrammeMatch match, Language language) => (match.HasUnconfirmed, match.Stale) switch
    {
        (true, true) => $"{MessageCatalog.Text(language, "unconfirmed")} {MessageCatalog.Text(language, "stale")}",
        (true, false) => MessageCatalog.Text(language, "unconfirmed"),
        (false, true) => MessageCatalog.Text(language, "stale"),
        _ => null,
    };

    /// <summary>Parameters as plain JSON values: codes as strings, money as euros, dates as yyyy-MM-dd.</summary>
    private static void WriteParams(JsonWriter writer, Message message, JsonSerializer serializer)
    {
        writer.WritePropertyName("params", escape: false);
        writer.WriteStartObject();
        foreach (var (name, value) in message.Params)
        {
            writer.WritePropertyName(name, escape: false);
            WriteParam(writer, value, serializer);
        }
        writer.WriteEndObject();
    }

    private static void WriteParam(JsonWriter writer, object value, JsonSerializer serializer)
    {
        switch (value)
        {
            case Code code:
                writer.WriteValue(code.Value);
                break;
            case Money money:
                writer.WriteValue(money.Eur);
                break;
            case Weeks weeks:
                writer.WriteValue(weeks.Count);
                break;
            case Months months:
                writer.WriteValue(months.Count);
                break;
            case DateOnly date:
                writer.WriteValue(IsoDate(date));
                break;
            case string text:
                writer.WriteValue(text);
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteParam(writer, item, serializer);
                }
                writer.WriteEndArray();
                break;
            default:
                serializer.Serialize(writer, value);
                break;
        }
    }

    private static void WriteRaw(JsonWriter writer, string name, string json)
    {
        writer.WritePropertyName(name, escape: false);
        writer.WriteRawValue(json);
    }

    private static void WriteString(JsonWriter writer, string name, string value)
    {
        writer.WritePropertyName(name, escape: false);
        writer.WriteValue(value);
    }

    private static void WriteBool(JsonWriter writer, string name, bool value)
    {
        writer.WritePropertyName(name, escape: false);
        writer.WriteValue(value);
    }

    private static void WriteInt(JsonWriter writer, string name, int value)
    {
        writer.WritePropertyName(name, escape: false);
        writer.WriteValue(value);
    }

    private static void WriteDate(JsonWriter writer, string name, DateOnly date)
    {
        writer.WritePropertyName(name, escape: false);
        writer.WriteValue(IsoDate(date));
    }

    /// <summary>yyyy-MM-dd: the round-trip format, which DateOnly writes without parsing a pattern.</summary>
    internal static string IsoDate(DateOnly date) => date.ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>
/// A programme's texts, amount and sources as JSON, written once per catalogue instead of once per answer:
/// they are most of an answer's bytes and never change while the catalogue stays the same.
/// </summary>
internal sealed class ProgrammeJson
{
    private static readonly ConditionalWeakTable<Programme, ProgrammeJson[]> ByProgramme = new();

    /// <summary>The id, then the members name, purpose, funder and url: a fragment written as programmeId's value.</summary>
    public required string Identity { get; init; }
    public required string CheckYourself { get; init; }
    /// <summary>The programme's amount criterion as the answer's <c>amount</c>; null without one.</summary>
    public required string? Amount { get; init; }
    /// <summary>Each criterion's source dated with the programme's last check where it has no date of its own, as explanations date it.</summary>
    public required IReadOnlyDictionary<SourceRef, string> Sources { get; init; }

    public static ProgrammeJson Of(Programme programme, Language language) =>
        ByProgramme.GetValue(programme, Create)[(int)language];

    public string Source(SourceRef source) => Sources.TryGetValue(source, out var json) ? json : SourceJson(source);

    private static ProgrammeJson[] Create(Programme programme)
    {
        var sources = programme.Criteria
            .Select(c => c.Source.CheckedNoLaterThan(programme.LastVerified))
            .Append(new SourceRef { Url = programme.Url, Verified = programme.LastVerified })
            .Distinct(SameUrlString.Instance)
            .ToDictionary(s => s, SourceJson, SameUrlString.Instance);
        var amount = programme.Criteria.OfType<AmountCriterion>().FirstOrDefault() is { } criterion ? AmountJson(criterion) : null;
        return [.. Enum.GetValues<Language>().Select(language => new ProgrammeJson
        {
            Identity = string.Concat(
                JsonConvert.ToString(programme.Id),
                ",\"name\":", JsonConvert.ToString(programme.Name.In(language)),
                ",\"purpose\":", JsonConvert.ToString(programme.Purpose.In(language)),
                ",\"funder\":", JsonConvert.ToString(programme.Funder),
                ",\"url\":", JsonConvert.ToString(programme.Url)),
            CheckYourself = new JArray(programme.CheckYourself.Select(c => c.Text.In(language))).ToString(Formatting.None),
            Amount = amount,
            Sources = sources,
        })];
    }

    /// <summary>
    /// Finds an explanation's source by the catalogue's own URL string instead of hashing its text: an
    /// explanation copies its criterion's source, string and all. A source not found this way is
    /// rendered afresh, and reads the same.
    /// </summary>
    private sealed class SameUrlString : IEqualityComparer<SourceRef>
    {
        public static readonly SameUrlString Instance = new();

        public bool Equals(SourceRef? x, SourceRef? y) => ReferenceEquals(x?.Url, y?.Url) && x?.Verified == y?.Verified;

        public int GetHashCode(SourceRef source) => HashCode.Combine(RuntimeHelpers.GetHashCode(source.Url), source.Verified);
    }

    private static string AmountJson(AmountCriterion amount)
    {
        var json = new JObject();
        if (amount.MinEur is { } min)
        {
            json["minEur"] = min;
        }
        if (amount.MaxEur is { } max)
        {
            json["maxEur"] = max;
        }
        if (amount.FirstTimeMaxEur is { } firstTimeMax)
        {
            json["firstTimeMaxEur"] = firstTimeMax;
        }
        json["unconfirmed"] = amount.Unconfirmed;
        return json.ToString(Formatting.None);
    }

    private static string SourceJson(SourceRef source)
    {
        var json = new JObject { ["url"] = source.Url };
        if (source.Verified is { } verified)
        {
            json["verified"] = MatchAnswerJsonConverter.IsoDate(verified);
        }
        return json.ToString(Formatting.None);
    }
}
