using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using Newtonsoft.Json.Linq;
using static FoerderFinder.Domain.Tests.TestSupport.ProgrammeBuilder;

namespace FoerderFinder.Domain.Tests.Validation;

public class CatalogueFileTests
{
    /// <summary>A valid catalogue document as JSON, to be broken one field at a time.</summary>
    private static JObject Document() => JObject.Parse(FoerderFinderJson.Serialize(new CatalogueDocument
    {
        Programmes =
        [
            Programme("engagiert").Themes("development_education").With(
                Rule.ApplicantType(OrganisationType.RegisteredAssociation), Rule.Seat("DE"), Rule.Amount(max: 10_000, firstTimeMax: 5_000),
                Rule.Deadline(Schedules.EngagiertRolling())),
            Programme("feb").With(Rule.Deadline(Schedules.Annual("06-30", "11-30") with { Serves = new ServedStarts { MinWeeksAfter = 22 } })),
        ],
    }));

    private static JObject Criterion(JObject document, int programme, int criterion) => (JObject)document["programmes"]![programme]!["criteria"]![criterion]!;

    private static ValidationError SingleError(JObject document)
    {
        var result = CatalogueFile.Parse(document.ToString());
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Valid_document_parses_with_every_programme_and_criterion()
    {
        var result = CatalogueFile.Parse(Document().ToString());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(["engagiert", "feb"], result.Document!.Programmes.Select(p => p.Id));
        Assert.IsType<AmountCriterion>(result.Document.Programmes[0].Criteria[2]);
        Assert.Equal(5_000, ((AmountCriterion)result.Document.Programmes[0].Criteria[2]).FirstTimeMaxEur);
    }

    [Fact]
    public void Shipped_catalogue_is_valid()
    {
        var result = CatalogueFile.Load(TestCatalogue.ShippedCatalogue);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Contains(result.Document!.Programmes, p => p.Id == "engagiert");
    }

    [Fact]
    public void Unknown_criterion_kind_is_an_error_on_its_kind()
    {
        var document = Document();
        Criterion(document, 0, 1)["kind"] = "applicant_size";

        var error = SingleError(document);

        Assert.Equal("programmes[0].criteria[1].kind", error.Field);
        Assert.Contains("applicant_size", error.Message);
    }

    [Fact]
    public void Criterion_without_a_kind_is_an_error_on_the_criterion()
    {
        var document = Document();
        Criterion(document, 1, 0).Remove("kind");

        Assert.Equal("programmes[1].criteria[0]", SingleError(document).Field);
    }

    [Fact]
    public void Unknown_member_of_a_criterion_is_an_error_with_its_path()
    {
        var document = Document();
        Criterion(document, 0, 2)["maxEuro"] = 10_000;

        var error = SingleError(document);

        Assert.Equal("programmes[0].criteria[2].maxEuro", error.Field);
        Assert.DoesNotContain("Path '", error.Message);
    }

    [Fact]
    public void Unknown_member_of_a_programme_is_an_error_with_its_path()
    {
        var document = Document();
        document["programmes"]![1]!["deadline"] = "soon";

        Assert.Equal("programmes[1].deadline", SingleError(document).Field);
    }

    [Fact]
    public void Unknown_status_is_an_error_with_its_path()
    {
        var document = Document();
        document["programmes"]![1]!["status"] = "sleeping";

        Assert.Equal("programmes[1].status", SingleError(document).Field);
    }

    [Fact]
    public void Unknown_enum_value_inside_a_criterion_is_an_error_with_its_path()
    {
        var document = Document();
        Criterion(document, 0, 0)["anyOf"] = new JArray("registered_association", "club");

        Assert.StartsWith("programmes[0].criteria[0].anyOf", SingleError(document).Field);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("01.11.2026")]
    [InlineData("2026-11-1")]
    public void Malformed_programme_date_is_an_error_with_its_path(string date)
    {
        var document = Document();
        document["programmes"]![1]!["lastVerified"] = date;

        var error = SingleError(document);

        Assert.Equal("programmes[1].lastVerified", error.Field);
        Assert.Contains(date, error.Message);
    }

    [Fact]
    public void Malformed_date_inside_a_criterion_is_an_error_with_its_path()
    {
        var document = Document();
        Criterion(document, 0, 0)["source"]!["verified"] = "2026-13-01";

        Assert.Equal("programmes[0].criteria[0].source.verified", SingleError(document).Field);
    }

    [Fact]
    public void Malformed_deadline_dates_are_reported_by_the_validator_with_their_path()
    {
        var document = Document();
        Criterion(document, 1, 0)["schedule"]!["dates"] = new JArray("06-30", "13-01");

        var error = SingleError(document);

        Assert.Equal("programmes[1].criteria[0].schedule.dates[1]", error.Field);
        Assert.NotNull(CatalogueFile.Parse(document.ToString()).Document);
    }

    [Fact]
    public void Criterion_without_a_source_is_an_error_on_its_source_url()
    {
        var document = Document();
        Criterion(document, 0, 1).Remove("source");

        Assert.Equal("programmes[0].criteria[1].source.url", SingleError(document).Field);
    }

    [Fact]
    public void Theme_rule_without_themes_is_an_error_instead_of_a_crash_when_matching()
    {
        var document = Document();
        ((JArray)document["programmes"]![1]!["criteria"]!).Add(new JObject { ["kind"] = "theme", ["source"] = new JObject { ["url"] = "https://example.org" } });

        Assert.Equal("programmes[1].criteria[1].anyOf", SingleError(document).Field);
    }

    [Fact]
    public void Duplicate_ids_and_unknown_regions_are_all_reported()
    {
        var document = Document();
        document["programmes"]![1]!["id"] = "engagiert";
        Criterion(document, 0, 1)["regions"] = new JArray("DE-NRW");

        var result = CatalogueFile.Parse(document.ToString());

        Assert.Equal(["programmes[0].criteria[1].regions[0]", "programmes[1].id"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Broken_JSON_is_an_error_not_an_exception()
    {
        var result = CatalogueFile.Parse("{\"programmes\": [ {\"id\": \"x\", ");

        Assert.Null(result.Document);
        Assert.False(result.IsValid);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Content_after_the_document_is_an_error()
    {
        var result = CatalogueFile.Parse(Document() + " {}");

        Assert.False(result.IsValid);
        Assert.Null(result.Document);
    }
}
