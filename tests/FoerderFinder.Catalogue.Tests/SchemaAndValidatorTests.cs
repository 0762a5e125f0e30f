using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Vocabulary;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Catalogue.Tests;

/// <summary>The catalogue file is valid twice over: against its JSON Schema and against the Domain's own validator.</summary>
public sealed class SchemaAndValidatorTests
{
    [Fact]
    public async Task The_catalogue_file_matches_its_JSON_schema()
    {
        var errors = await SchemaCheck.ValidateAsync(Loaded.CatalogueJson);

        Assert.True(errors.Count == 0, ErrorReport.Lines(Repo.CatalogueFile, Loaded.CatalogueJObject, errors));
    }

    [Fact]
    public void The_catalogue_file_passes_the_domain_validator()
    {
        var result = CatalogueFile.Parse(Loaded.CatalogueJson);

        Assert.True(result.IsValid, ErrorReport.Lines(Repo.CatalogueFile, Loaded.CatalogueJObject, result.Errors.Select(e => (e.Field, e.Message))));
        Assert.Equal(67, result.Document!.Programmes.Count);
    }

    [Fact]
    public async Task The_schema_knows_exactly_the_criterion_kinds_of_the_domain()
    {
        var kinds = Criteria(await Schema()).Select(c => (string)c["properties"]!["kind"]!["enum"]!.Single()!);

        Assert.Equal(CriterionJsonConverter.Kinds.Order(StringComparer.Ordinal), kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_schema_lists_the_codes_of_the_reference_data()
    {
        var definitions = (JObject)(await Schema())["definitions"]!;

        Assert.Equal(Sorted(Themes.All.Select(t => t.Code)), Sorted(Enum(definitions["theme"]!)));
        Assert.Equal(Sorted(System.Enum.GetValues<OrganisationType>().Select(t => EnumCodes.Of(t))), Sorted(Enum(definitions["organisationType"]!)));
        Assert.Equal(Sorted(Geo.Instance.Countries.Select(c => c.Code)), Sorted(Enum(definitions["country"]!)));
        Assert.Equal(
            Sorted(Geo.Instance.NamedRegions.Select(r => r.Id).Concat(Geo.Instance.Laender.Select(l => l.Code))),
            Sorted(Enum(definitions["region"]!["anyOf"]![0]!)));
        var programme = (JObject)definitions["programme"]!["properties"]!;
        Assert.Equal(Sorted(System.Enum.GetValues<ProgrammeStatus>().Select(s => EnumCodes.Of(s))), Sorted(Enum(programme["status"]!)));
        Assert.Equal(Sorted(System.Enum.GetValues<FunderCategory>().Select(s => EnumCodes.Of(s))), Sorted(Enum(programme["funderCategory"]!)));
        Assert.Equal(Sorted(System.Enum.GetValues<SupportType>().Select(s => EnumCodes.Of(s))), Sorted(Enum(programme["supportType"]!)));
        Assert.Equal(Sorted(System.Enum.GetValues<Confidence>().Select(s => EnumCodes.Of(s))), Sorted(Enum(programme["confidence"]!)));
    }

    [Fact]
    public async Task The_schema_requires_the_texts_every_programme_must_have()
    {
        var required = (await Schema())["definitions"]!["programme"]!["required"]!.Select(t => (string)t!).ToList();

        Assert.Superset(new HashSet<string> { "id", "status", "name", "purpose", "funded", "decides", "howToApply", "lastVerified", "sources", "criteria" }, required.ToHashSet());
    }

    private static Task<JObject> Schema() => Task.FromResult(JObject.Parse(File.ReadAllText(Repo.SchemaFile)));

    private static IEnumerable<JObject> Criteria(JObject schema) => schema["definitions"]!["criterion"]!["oneOf"]!.Cast<JObject>();

    private static IEnumerable<string> Enum(JToken definition) => definition["enum"]!.Select(t => (string)t!);

    private static List<string> Sorted(IEnumerable<string> values) => values.Order(StringComparer.Ordinal).ToList();
}
