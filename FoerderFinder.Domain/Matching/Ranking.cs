using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching;

/// <summary>
/// The explained score of an eligible or open programme, out of 100. Each part says why a
/// programme ranks where it does; the README lists the same rules.
/// </summary>
public readonly record struct ScoreBreakdown(
    int ThematicFit,
    int AmountFit,
    int RegionSpecificity,
    int DeadlineReachable,
    int MadeForMsos,
    int FirstTimeFriendly)
{
    public const int MaxThematicFit = 30;
    public const int MaxAmountFit = 20;
    public const int MaxRegionSpecificity = 20;
    public const int MaxDeadlineReachable = 15;
    public const int MaxMadeForMsos = 10;
    public const int MaxFirstTimeFriendly = 5;

    public int Total => ThematicFit + AmountFit + RegionSpecificity + DeadlineReachable + MadeForMsos + FirstTimeFriendly;
}

internal static class Ranking
{
    public static ScoreBreakdown Score(Programme programme, ProgrammeFacts facts, MatchContext ctx, Outcome deadlineOutcome) =>
        Score(SharedThemes(programme.Themes, ctx), GivesMoney(programme), EffectiveMax(facts, ctx), facts.NarrowestRegion, deadlineOutcome, programme.MadeForMsos, programme.FirstTimeFriendly, ctx);

    /// <summary>
    /// The score from its inputs. The first pass counts shared themes with bit masks, the explanation
    /// with the lists; both come here, so the rules of the score are written once.
    /// </summary>
    public static ScoreBreakdown Score(int sharedThemes, bool givesMoney, long? effectiveMax, RegionLevel narrowestRegion, Outcome deadlineOutcome, bool madeForMsos, bool firstTimeFriendly, MatchContext ctx) => new(
        ThematicFit(sharedThemes),
        givesMoney ? AmountFit(effectiveMax, ctx) : 0,
        RegionSpecificity(narrowestRegion),
        deadlineOutcome == Outcome.Met ? ScoreBreakdown.MaxDeadlineReachable : 0,
        madeForMsos && ctx.Organisation.MigrantLed == true ? ScoreBreakdown.MaxMadeForMsos : 0,
        firstTimeFriendly && ctx.Organisation.FirstTimeApplicant == true ? ScoreBreakdown.MaxFirstTimeFriendly : 0);

    /// <summary>How many of the project's themes the programme funds.</summary>
    public static int SharedThemes(IReadOnlyList<string> programmeThemes, MatchContext ctx)
    {
        if (ctx.Project.Themes is not { Count: > 0 } themes)
        {
            return 0;
        }
        var shared = 0;
        for (var i = 0; i < themes.Count; i++)
        {
            if (programmeThemes.Contains(themes[i]))
            {
                shared++;
            }
        }
        return shared;
    }

    /// <summary>Advice and seconded staff are worth having, but they do not pay for the amount asked for.</summary>
    public static bool GivesMoney(Programme programme) =>
        programme.SupportType is not (SupportType.Advisory or SupportType.Personnel);

    /// <summary>The highest grant this applicant may ask for, when the programme caps it.</summary>
    public static long? EffectiveMax(ProgrammeFacts facts, MatchContext ctx) =>
        facts.Amount is null ? null : Evaluators.AmountEvaluator.EffectiveMax(facts.Amount, ctx);

    /// <summary>One shared theme is a fit; two or more a strong one.</summary>
    private static int ThematicFit(int shared) => shared switch
    {
        0 => 0,
        1 => 20,
        _ => ScoreBreakdown.MaxThematicFit,
    };

    /// <summary>A programme fits best when the request is a sizeable part of what it can give.</summary>
    private static int AmountFit(long? effectiveMax, MatchContext ctx)
    {
        if (ctx.Project.RequestedAmountEur is not { } requested)
        {
            return 0;
        }
        if (effectiveMax is not { } cap || cap == 0)
        {
            return ScoreBreakdown.MaxAmountFit / 2;
        }
        if (requested > cap)
        {
            return 0;
        }
        return requested * 4 >= cap ? ScoreBreakdown.MaxAmountFit
            : requested * 20 >= cap ? ScoreBreakdown.MaxAmountFit / 2
            : ScoreBreakdown.MaxAmountFit / 4;
    }

    /// <summary>Local money first: fewer applicants compete for it and local funders know the applicant.</summary>
    private static int RegionSpecificity(RegionLevel level) => level switch
    {
        RegionLevel.Municipality => 20,
        RegionLevel.PartOfLand => 16,
        RegionLevel.Land => 12,
        RegionLevel.GroupOfLaender => 8,
        RegionLevel.Country => 4,
        _ => 0,
    };
}
