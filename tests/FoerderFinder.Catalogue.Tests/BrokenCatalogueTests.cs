using FoerderFinder.Domain.Catalogue;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Catalogue.Tests;

/// <summary>
/// A broken copy of the catalogue must fail, and the failure must name the file and the programme:
/// by the JSON Schema where a schema can say it, always by the Domain's validator (which the import
/// and the admin API use).
/// </summary>
public sealed class BrokenCatalogueTests
{
    [Fact]
    public Task An_unknown_criterion_kind_fails() =>
        AssertFails("feb", p => Criterion(p, "applicant_type")["kind"] = "zodiac_sign", bySchema: true);

    [Fact]
    public Task An_unknown_land_fails() =>
        AssertFails("feb", p => Criterion(p, "applicant_seat")["regions"] = new JArray("DE-XX"), bySchema: true);

    [Fact]
    public Task An_unknown_municipality_code_fails() =>
        AssertFails("komm_an_nrw_muenster", p => Criterion(p, "applicant_seat")["regions"] = new JArray("ags:99000000"), bySchema: false);

    [Fact]
    public Task An_unknown_country_fails() =>
        AssertFails("diaspora2030_kleinprojekte", p => Criterion(p, "project_country")["countries"] = new JArray("GH", "ZZ"), bySchema: true);

    [Fact]
    public Task An_unknown_applicant_type_fails() =>
        AssertFails("engagiert", p => Criterion(p, "applicant_type")["anyOf"] = new JArray("registered_association", "club"), bySchema: true);

    [Fact]
    public Task An_unknown_theme_fails() =>
        AssertFails("zivik", p => p["themes"] = new JArray("peace", "astrology"), bySchema: true);

    [Fact]
    public Task An_unknown_theme_in_a_theme_rule_fails() =>
        AssertFails("zivik", p => Criterion(p, "theme")["anyOf"] = new JArray("astrology"), bySchema: true);

    [Fact]
    public Task A_criterion_without_a_source_fails() =>
        AssertFails("epib_nrw", p => Criterion(p, "amount").Remove("source"), bySchema: true);

    [Fact]
    public Task A_programme_without_sources_fails() =>
        AssertFails("epib_nrw", p => p["sources"] = new JArray(), bySchema: true);

    [Fact]
    public Task A_minimum_above_the_maximum_fails() =>
        AssertFails("nakopa", p => Criterion(p, "amount")["minEur"] = 300000, bySchema: false);

    [Fact]
    public Task A_first_time_cap_above_the_maximum_fails() =>
        AssertFails("engagiert", p => Criterion(p, "amount")["firstTimeMaxEur"] = 12000, bySchema: false);

    [Fact]
    public Task A_malformed_last_verified_date_fails() =>
        AssertFails("feb", p => p["lastVerified"] = "2026-13-01", bySchema: true);

    [Fact]
    public Task A_day_that_does_not_exist_fails() =>
        AssertFails("feb", p => Criterion(p, "deadline")["schedule"]!["dates"] = new JArray("06-30", "02-30"), bySchema: false);

    [Fact]
    public Task A_malformed_start_window_date_fails() =>
        AssertFails("amif", p => Criterion(p, "project_start_window")["to"] = "31.12.2029", bySchema: true);

    [Fact]
    public Task A_missing_text_fails() =>
        AssertFails("feb", p => p.Remove("decides"), bySchema: true);

    [Fact]
    public void A_duplicate_id_fails_naming_the_id()
    {
        var broken = Copy();
        Programme(broken, "nakopa")["id"] = "feb";

        var errors = CatalogueFile.Parse(broken.ToString()).Errors;

        var report = ErrorReport.Lines(Repo.CatalogueFile, broken, errors.Select(e => (e.Field, e.Message)));
        Assert.Contains("Duplicate programme id 'feb'", report);
        Assert.Contains("catalogue/programmes.json: programme 'feb' at programmes[", report);
    }

    [Fact]
    public void A_changed_id_fails_naming_the_old_and_the_new_id()
    {
        var ids = Loaded.Programmes.Select(p => p.Id == "feb" ? "feb_2027" : p.Id);

        var problems = string.Join(Environment.NewLine, IdGuard.Problems(ids, IdGuard.Registered()));

        Assert.Contains("catalogue/programmes.json: programme 'feb' is registered", problems);
        Assert.Contains("programme 'feb_2027' is new", problems);
    }

    [Fact]
    public async Task An_intact_copy_passes_both_checks()
    {
        var copy = Copy();

        Assert.Empty(await SchemaCheck.ValidateAsync(copy.ToString()));
        Assert.Empty(CatalogueFile.Parse(copy.ToString()).Errors);
    }

    private static async Task AssertFails(string id, Action<JObject> breakIt, bool bySchema)
    {
        var broken = Copy();
        breakIt(Programme(broken, id));
        var json = broken.ToString();

        var domain = CatalogueFile.Parse(json).Errors.Select(e => (e.Field, e.Message)).ToList();
        var domainReport = ErrorReport.Lines(Repo.CatalogueFile, broken, domain);
        Assert.True(domain.Count > 0, $"The domain validator accepted the broken programme '{id}'.");
        Assert.Contains($"catalogue/programmes.json: programme '{id}' at programmes[", domainReport);

        var schema = await SchemaCheck.ValidateAsync(json);
        if (bySchema)
        {
            var schemaReport = ErrorReport.Lines(Repo.CatalogueFile, broken, schema);
            Assert.True(schema.Count > 0, $"The JSON schema accepted the broken programme '{id}'.");
            Assert.Contains($"catalogue/programmes.json: programme '{id}' at programmes[", schemaReport);
            Assert.DoesNotContain(schema, e => ErrorReport.ProgrammeId(broken, e.Path) is { } other && other != id);
        }
    }

    private static JObject Copy() => (JObject)Loaded.CatalogueJObject.DeepClone();

    private static JObject Programme(JObject catalogue, string id) =>
        catalogue["programmes"]!.Cast<JObject>().Single(p => (string)p["id"]! == id);

    private static JObject Criterion(JObject programme, string kind) =>
        programme["criteria"]!.Cast<JObject>().First(c => (string)c["kind"]! == kind);
}
