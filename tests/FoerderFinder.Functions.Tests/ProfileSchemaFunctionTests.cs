using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;
using FoerderFinder.Functions.Tests.Support;
using Microsoft.AspNetCore.Mvc;

namespace FoerderFinder.Functions.Tests;

public sealed class ProfileSchemaFunctionTests
{
    private static ProfileSchemaDocument Schema()
    {
        var result = new Harness().ProfileSchema.Get(Requests.Get());
        return Assert.IsType<ProfileSchemaDocument>(Assert.IsType<OkObjectResult>(result).Value);
    }

    private static SchemaField Field(string path) => Schema().Fields.Single(f => f.Field == path);

    [Fact]
    public void Every_profile_field_is_described_once_in_form_order()
    {
        Assert.Equal(ProfileFields.All.Select(f => f.Path()), Schema().Fields.Select(f => f.Field));
    }

    [Fact]
    public void Every_field_has_a_real_label_in_german_and_english()
    {
        Assert.All(Schema().Fields, field =>
        {
            Assert.False(string.IsNullOrWhiteSpace(field.Label.De), field.Field);
            Assert.False(string.IsNullOrWhiteSpace(field.Label.En), field.Field);
            Assert.DoesNotContain("field.", field.Label.De);
            Assert.DoesNotContain("field.", field.Label.En);
        });
    }

    [Fact]
    public void Organisation_type_lists_every_applicant_type_code_with_labels()
    {
        var field = Field("organisation.type");

        Assert.Equal("enum", field.Type);
        Assert.Equal(EnumCodes.All<OrganisationType>(), field.Values!.Select(v => v.Value));
        Assert.Contains("registered_association", field.Values!.Select(v => v.Value));
        Assert.All(field.Values!, v =>
        {
            Assert.False(string.IsNullOrWhiteSpace(v.Label.De));
            Assert.DoesNotContain("organisationType.", v.Label.De);
            Assert.DoesNotContain("organisationType.", v.Label.En);
        });
    }

    [Fact]
    public void Project_location_lists_germany_and_abroad()
    {
        var field = Field("project.location");

        Assert.Equal("enum", field.Type);
        Assert.Equal(["germany", "abroad"], field.Values!.Select(v => v.Value));
        Assert.All(field.Values!, v => Assert.DoesNotContain("projectLocation.", v.Label.En));
    }

    [Theory]
    [InlineData("organisation.state")]
    [InlineData("project.state")]
    public void State_fields_list_the_sixteen_laender(string path)
    {
        var values = Field(path).Values!;

        Assert.Equal(16, values.Count);
        Assert.Contains(values, v => v.Value == "DE-NW" && v.Label.De == "Nordrhein-Westfalen");
        Assert.All(values, v => Assert.StartsWith("DE-", v.Value));
    }

    [Fact]
    public void Countries_are_listed_without_germany_and_say_whether_they_are_on_the_dac_list()
    {
        var field = Field("project.countries");

        Assert.Equal("array", field.Type);
        Assert.Equal("enum", field.ItemType);
        Assert.DoesNotContain(field.Values!, v => v.Value == "DE");
        Assert.True(field.Values!.Single(v => v.Value == "GH").OnDacList);
        Assert.False(field.Values!.Single(v => v.Value == "FR").OnDacList);
    }

    [Fact]
    public void Themes_list_every_known_theme()
    {
        var field = Field("project.themes");

        Assert.Equal(Themes.All.Select(t => t.Code), field.Values!.Select(v => v.Value));
        Assert.Contains("global_learning", field.Values!.Select(v => v.Value));
    }

    [Fact]
    public void Founding_year_ends_in_the_current_year_of_the_injected_clock()
    {
        var field = Field("organisation.foundedYear");

        Assert.Equal(ProfileValidator.EarliestFoundedYear, field.Minimum);
        Assert.Equal(Harness.Now.Year, field.Maximum);
    }

    [Fact]
    public void The_schema_may_be_cached_publicly()
    {
        var request = Requests.Get();

        new Harness().ProfileSchema.Get(request);

        Assert.Equal("public, max-age=3600", request.HttpContext.Response.Headers.CacheControl.ToString());
    }
}
