using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using static FoerderFinder.Domain.Tests.TestSupport.ProgrammeBuilder;

namespace FoerderFinder.Domain.Tests.Catalogue;

public class ProgrammeFilterTests
{
    private static readonly Programme Engagiert = Programme("engagiert").Themes("development_education")
        .With(Rule.ApplicantType(OrganisationType.RegisteredAssociation, OrganisationType.School), Rule.Seat("DE"));

    private static readonly Programme MuensterFund = Programme("ms_fund").Funder("Stadt Münster", FunderCategory.MunicipalMuenster).Themes("integration")
        .With(Rule.Seat("DE-NW-muensterland"));

    private static string[] Filter(ProgrammeFilter filter) =>
        new[] { Engagiert, MuensterFund }.Where(filter.Matches).Select(p => p.Id).ToArray();

    [Fact]
    public void Empty_filter_matches_everything()
    {
        Assert.Equal(["engagiert", "ms_fund"], Filter(new ProgrammeFilter()));
    }

    [Theory]
    [InlineData("DE-NW", new[] { "engagiert", "ms_fund" })]
    [InlineData("DE-BY", new[] { "engagiert" })]
    public void Land_filter_keeps_programmes_open_to_organisations_seated_there(string land, string[] expected)
    {
        Assert.Equal(expected, Filter(new ProgrammeFilter { Land = land }));
    }

    [Theory]
    [InlineData("münster", new[] { "ms_fund" })]
    [InlineData("municipal_muenster", new[] { "ms_fund" })]
    [InlineData("BMZ", new[] { "engagiert" })]
    public void Funder_filter_matches_the_name_or_the_category(string funder, string[] expected)
    {
        Assert.Equal(expected, Filter(new ProgrammeFilter { Funder = funder }));
    }

    [Fact]
    public void Applicant_type_and_theme_filters_keep_only_programmes_that_allow_them()
    {
        Assert.Equal(["ms_fund"], Filter(new ProgrammeFilter { ApplicantType = OrganisationType.Municipality }));
        Assert.Equal(["engagiert", "ms_fund"], Filter(new ProgrammeFilter { ApplicantType = OrganisationType.School }));
        Assert.Equal(["ms_fund"], Filter(new ProgrammeFilter { Theme = "integration" }));
        Assert.Empty(Filter(new ProgrammeFilter { Status = ProgrammeStatus.Paused }));
    }

    [Fact]
    public void Snapshot_finds_programmes_by_id()
    {
        var snapshot = TestCatalogue.Of(Engagiert, MuensterFund);

        Assert.Same(MuensterFund, snapshot.Find("ms_fund"));
        Assert.Null(snapshot.Find("MS_FUND"));
        Assert.Equal(2, snapshot.Count);
    }
}
