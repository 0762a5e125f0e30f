using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Matching.Evaluators;
using FoerderFinder.Domain.Messages;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Tests.Matching;

/// <summary>
/// Explanations that say the same to every profile with the same outcome are built once and shared.
/// For every criterion of the real catalogue and many profiles, the shared explanation must read exactly
/// like one built afresh for that profile: otherwise a profile would be told another profile's facts.
/// </summary>
public sealed class SharedExplanationTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 24);
    private static readonly DateOnly LastVerified = new(2026, 11, 1);

    [Fact]
    public void A_shared_explanation_reads_like_one_built_for_the_profile_itself()
    {
        var criteria = CatalogueFile.Load(TestCatalogue.ShippedCatalogue).Document!.Programmes.SelectMany(p => p.Criteria).ToList();
        var random = new Random(20261125);
        var shared = 0;
        for (var i = 0; i < 300; i++)
        {
            var ctx = new MatchContext(RandomProfiles.Next(random), AsOf);
            foreach (var criterion in criteria)
            {
                var explained = CriterionEvaluator.Explain(criterion, ctx, LastVerified);
                // A copy of the criterion has nothing shared yet, so its explanation is built for this profile.
                var afresh = CriterionEvaluator.Explain(criterion with { }, ctx, LastVerified);

                Assert.Equal(Describe(afresh), Describe(explained));
                shared += explained.SharedAcrossProfiles ? 1 : 0;
            }
        }
        Assert.InRange(shared, 1, 300 * criteria.Count - 1);
    }

    [Fact]
    public void Explanations_carrying_the_profiles_own_values_are_not_shared()
    {
        var amount = new AmountCriterion { MaxEur = 10_000, Source = new SourceRef { Url = "https://example.org/amount" } };
        var profile = new Profiles.Profile { Project = new Profiles.ProjectProfile { RequestedAmountEur = 3_000 } };

        var explained = CriterionEvaluator.Explain(amount, new MatchContext(profile, AsOf), LastVerified);

        Assert.False(explained.SharedAcrossProfiles);
        Assert.Equal(3_000L, ((Money)explained.Message.Params["requested"]).Eur);
    }

    [Fact]
    public void A_shared_explanation_carries_the_check_date_of_the_programme_asking()
    {
        var location = new ProjectLocationCriterion { AnyOf = [ProjectLocation.Germany], Source = new SourceRef { Url = "https://example.org/location" } };
        var ctx = new MatchContext(new Profiles.Profile(), AsOf);

        var earlier = CriterionEvaluator.Explain(location, ctx, new DateOnly(2026, 10, 1));
        var later = CriterionEvaluator.Explain(location, ctx, new DateOnly(2026, 11, 1));

        Assert.Equal(new DateOnly(2026, 10, 1), earlier.Source!.Verified);
        Assert.Equal(new DateOnly(2026, 11, 1), later.Source!.Verified);
    }

    private static string Describe(CriterionResult result) => string.Join(" | ",
        result.Kind,
        result.Outcome,
        result.Message.Key,
        FoerderFinderJson.Serialize(result.Message.Params),
        MessageCatalog.Render(result.Message, Language.De),
        MessageCatalog.Render(result.Message, Language.En),
        result.Fix is { } fix ? $"{fix.Key} {FoerderFinderJson.Serialize(fix.Params)}" : "no fix",
        FoerderFinderJson.Serialize(result.Source!),
        result.Unconfirmed);
}
