using FoerderFinder.Domain.Messages;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Tests.Catalogue;

public class ProfileSchemaTests
{
    [Fact]
    public void Schema_lists_every_profile_field_with_real_labels()
    {
        var schema = ProfileSchema.Build(TestCatalogue.AsOf);

        Assert.Equal(ProfileFields.All.Select(f => f.Path()), schema.Fields.Select(f => f.Field));
        Assert.All(schema.Fields, f =>
        {
            Assert.False(f.Label.De.StartsWith("field.", StringComparison.Ordinal), f.Field);
            Assert.False(f.Label.En.StartsWith("field.", StringComparison.Ordinal), f.Field);
        });
    }

    [Fact]
    public void Schema_bounds_follow_the_validator_and_the_day()
    {
        var fields = ProfileSchema.Build(TestCatalogue.AsOf).Fields.ToDictionary(f => f.Field);

        Assert.Equal(2026, fields["organisation.foundedYear"].Maximum);
        Assert.Equal(ProfileValidator.EarliestFoundedYear, fields["organisation.foundedYear"].Minimum);
        Assert.Equal(100, fields["project.ownContributionPercent"].Maximum);
        Assert.Equal(16, fields["organisation.state"].Values!.Count);
        Assert.Equal(Enum.GetValues<OrganisationType>().Length, fields["organisation.type"].Values!.Count);
        Assert.Equal(MessageCatalog.Text(Language.De, "organisationType.kita"), fields["organisation.type"].Values!.Single(v => v.Value == "kita").Label.De);
    }

    [Fact]
    public void Country_choices_leave_out_Germany_and_mark_the_DAC_list()
    {
        var countries = ProfileSchema.Build(TestCatalogue.AsOf).Fields.Single(f => f.Field == "project.countries").Values!;

        Assert.DoesNotContain(countries, c => c.Value == "DE");
        Assert.True(countries.Single(c => c.Value == "GH").OnDacList);
        Assert.False(countries.Single(c => c.Value == "FR").OnDacList);
    }
}
