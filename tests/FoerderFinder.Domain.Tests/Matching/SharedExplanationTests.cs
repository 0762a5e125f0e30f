using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Matching.Evaluators;
using FoerderFinder.Domain.Messages;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using static FoerderFinder.Domain.Tests.TestSupport.ProgrammeBuilder;

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
        var programmes = CatalogueFile.Load(TestCatalogue.ShippedCatalogue).Document!.Programmes;
        var random = new Random(20261125);
        var shared = 0;
        var explained = 0;
        for (var i = 0; i < 300; i++)
        {
            // Days asked vary too: an explanation counting from the day asked must not be shared.
            var ctx = new MatchContext(RandomProfiles.Next(random), AsOf.AddDays(random.Next(0, 730)));
            foreach (var programme in programmes)
            {
                // A copy of the programme has nothing shared yet, so its explanations are built for this profile.
                var copy = programme with { };
                for (var k = 0; k < programme.Criteria.Count; k++)
                {
                    var result = CriterionEvaluator.Explain(programme, k, ctx);
                    var afresh = CriterionEvaluator.Explain(copy, k, ctx);

                    Assert.Equal(Describe(afresh), Describe(result));
                    shared += result.SharedAcrossProfiles ? 1 : 0;
                    explained++;
                }
            }
        }
        Assert.InRange(shared, 1, explained - 1);
    }

    [Fact]
    public void Explanations_carrying_the_profiles_own_values_are_not_shared()
    {
        var amount = new AmountCriterion { MaxEur = 10_000, Source = new SourceRef { Url = "https://example.org/amount" } };
        var profile = new Profiles.Profile { Project = new Profiles.ProjectProfile { RequestedAmountEur = 3_000 } };

        var explained = CriterionEvaluator.Explain(Programme("amount").With(amount).Verified(LastVerified), 0, new MatchContext(profile, AsOf));

        Assert.False(explained.SharedAcrossProfiles);
        Assert.Equal(3_000L, ((Money)explained.Message.Params["requested"]).Eur);
    }

    [Fact]
    public void A_shared_explanation_carries_the_check_date_of_the_programme_asking()
    {
        var location = new ProjectLocationCriterion { AnyOf = [ProjectLocation.Germany], Source = new SourceRef { Url = "https://example.org/location" } };
        var ctx = new MatchContext(new Profiles.Profile(), AsOf);
        Programme checkedEarlier = Programme("location").With(location).Verified(new DateOnly(2026, 10, 1));
        var checkedLater = checkedEarlier with { LastVerified = new DateOnly(2026, 11, 1) };

        var earlier = CriterionEvaluator.Explain(checkedEarlier, 0, ctx);
        var later = CriterionEvaluator.Explain(checkedLater, 0, ctx);

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
