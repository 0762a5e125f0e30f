using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Domain.Tests.Json;

public class FoerderFinderJsonTests
{
    private static string PathOf(JsonException e) => e switch
    {
        JsonSerializationException s => s.Path ?? "",
        JsonReaderException r => r.Path ?? "",
        _ => "",
    };

    private static JsonException Rejects<T>(string json)
    {
        var error = Assert.ThrowsAny<JsonException>(() => FoerderFinderJson.Deserialize<T>(json));
        Assert.True(error is JsonSerializationException or JsonReaderException, error.GetType().Name);
        return error;
    }

    [Fact]
    public void Profile_reads_camelCase_members_and_snake_case_enums()
    {
        var profile = FoerderFinderJson.Deserialize<Profile>("""
            {
              "organisation": { "type": "registered_association", "migrantLed": true, "state": "DE-NW", "municipality": "05515000" },
              "project": { "location": "abroad", "countries": ["GH"], "requestedAmountEur": 4500, "ownContributionPercent": 12.5, "plannedStart": "2027-03-01" }
            }
            """);

        Assert.Equal(OrganisationType.RegisteredAssociation, profile.Organisation.Type);
        Assert.True(profile.Organisation.MigrantLed);
        Assert.Equal(ProjectLocation.Abroad, profile.Project.Location);
        Assert.Equal(["GH"], profile.Project.Countries!);
        Assert.Equal(4_500, profile.Project.RequestedAmountEur);
        Assert.Equal(12.5m, profile.Project.OwnContributionPercent);
        Assert.Equal(new DateOnly(2027, 3, 1), profile.Project.PlannedStart);
        Assert.Null(profile.Organisation.Charitable);
    }

    [Theory]
    [InlineData("""{ "organisation": { "typ": "registered_association" } }""", "organisation.typ")]
    [InlineData("""{ "project": { "amount": 5000 } }""", "project.amount")]
    [InlineData("""{ "organization": {} }""", "organization")]
    public void Unknown_members_are_rejected_with_their_path(string json, string path)
    {
        var error = Rejects<Profile>(json);

        Assert.Equal(path, PathOf(error));
    }

    [Theory]
    [InlineData("""{ "organisation": { "type": "club" } }""", "organisation.type")]
    [InlineData("""{ "organisation": { "type": 0 } }""", "organisation.type")]
    [InlineData("""{ "project": { "location": "moon" } }""", "project.location")]
    public void Unknown_or_numeric_enum_values_are_rejected_with_their_path(string json, string path)
    {
        var error = Rejects<Profile>(json);

        Assert.Equal(path, PathOf(error));
    }

    [Theory]
    [InlineData("\"2027-02-30\"")]
    [InlineData("\"01.03.2027\"")]
    [InlineData("\"2027-3-1\"")]
    [InlineData("\"2027-03-01T00:00:00\"")]
    [InlineData("20270301")]
    public void Dates_must_be_real_days_written_as_yyyy_MM_dd(string value)
    {
        var error = Rejects<Profile>($$"""{ "project": { "plannedStart": {{value}} } }""");

        Assert.Equal("project.plannedStart", PathOf(error));
    }

    [Fact]
    public void Dates_are_written_as_yyyy_MM_dd()
    {
        var json = FoerderFinderJson.Serialize(new ProjectProfile { PlannedStart = new DateOnly(2027, 3, 1) });

        Assert.Equal("""{"plannedStart":"2027-03-01"}""", json);
    }

    [Fact]
    public void Null_members_are_left_out_and_enums_written_as_snake_case()
    {
        var json = FoerderFinderJson.Serialize(new OrganisationProfile { Type = OrganisationType.WelfareAssociation, FirstTimeApplicant = true });

        Assert.Equal("""{"type":"welfare_association","firstTimeApplicant":true}""", json);
    }

    [Fact]
    public void Criterion_is_written_with_its_kind_first()
    {
        var json = FoerderFinderJson.Serialize(Rule.Amount(max: 10_000, firstTimeMax: 5_000) with { Unconfirmed = true });

        Assert.Equal("""{"kind":"amount","maxEur":10000,"firstTimeMaxEur":5000,"source":{"url":"https://example.org/rules","verified":"2026-11-01"},"unconfirmed":true}""", json);
    }

    public static TheoryData<string> EveryKind() => new(Rule.OneOfEachKind().Select(c => CriterionJsonConverter.KindName(c.Kind)));

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_criterion_kind_round_trips_through_JSON(string kind)
    {
        var criterion = Rule.OneOfEachKind().Single(c => CriterionJsonConverter.KindName(c.Kind) == kind);

        var json = FoerderFinderJson.Serialize(criterion);
        var back = FoerderFinderJson.Deserialize<Criterion>(json);

        Assert.Equal(kind, (string?)JObject.Parse(json)["kind"]);
        Assert.IsType(criterion.GetType(), back);
        Assert.Equal(json, FoerderFinderJson.Serialize(back));
    }

    [Fact]
    public void Every_criterion_kind_has_a_class_and_a_JSON_name()
    {
        Assert.Equal(Enum.GetValues<CriterionKind>().Length, CriterionJsonConverter.Kinds.Count);
        Assert.Equal(Enum.GetValues<CriterionKind>().Order(), Rule.OneOfEachKind().Select(c => c.Kind).Order());
        Assert.Contains("project_start_window", CriterionJsonConverter.Kinds);
    }

    [Fact]
    public void Criterion_kind_cannot_choose_a_dotnet_type()
    {
        var error = Rejects<Criterion>("""{ "kind": "FoerderFinder.Domain.Catalogue.AmountCriterion", "$type": "System.Object", "source": { "url": "https://example.org" } }""");

        Assert.Equal("kind", PathOf(error));
    }

    [Fact]
    public void Type_name_metadata_is_an_unknown_member_not_an_instruction()
    {
        var error = Rejects<Criterion>("""{ "kind": "charitable", "$type": "System.Object", "source": { "url": "https://example.org" } }""");

        Assert.Equal("$type", PathOf(error));
    }

    [Fact]
    public void Deadline_schedule_inside_a_criterion_reads_its_enums_and_dates()
    {
        var criterion = FoerderFinderJson.Deserialize<Criterion>("""
            { "kind": "deadline", "source": { "url": "https://example.org", "verified": "2026-11-01" },
              "schedule": { "type": "call", "call": "open", "dates": ["2027-01-31"], "leadTimes": [{ "maxAmountEur": 5000, "weeks": 6 }] } }
            """);

        var deadline = Assert.IsType<DeadlineCriterion>(criterion);
        Assert.Equal(DeadlineType.Call, deadline.Schedule.Type);
        Assert.Equal(CallStatus.Open, deadline.Schedule.Call);
        Assert.Equal(6, Assert.Single(deadline.Schedule.LeadTimes).Weeks);
        Assert.Equal(new DateOnly(2026, 11, 1), deadline.Source.Verified);
    }

    [Fact]
    public void Unknown_member_deep_inside_a_criterion_is_named_by_its_full_path()
    {
        var error = Rejects<CatalogueDocument>("""
            { "programmes": [ { "criteria": [ { "kind": "deadline", "source": { "url": "https://example.org" },
              "schedule": { "type": "rolling", "leadTimes": [ { "weeks": 6, "amount": 5000 } ] } } ] } ] }
            """);

        Assert.Equal("programmes[0].criteria[0].schedule.leadTimes[0].amount", PathOf(error));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40));

        var error = Rejects<JToken>(deep);

        Assert.Contains("MaxDepth", error.Message);
    }

    [Fact]
    public void Reader_rejects_content_after_the_document()
    {
        using var reader = new StringReader("""{ "organisation": {} } { "project": {} }""");

        Assert.ThrowsAny<JsonException>(() => FoerderFinderJson.Deserialize<Profile>(reader));
    }

    [Fact]
    public void Empty_document_is_rejected()
    {
        Assert.ThrowsAny<JsonException>(() => FoerderFinderJson.Deserialize<Profile>("null"));
    }
}
