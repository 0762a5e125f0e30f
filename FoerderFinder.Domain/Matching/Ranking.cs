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
    public static ScoreBreakdown Score(Programme programme, ProgrammeFacts facts, MatchContext ctx, Outcome deadlineOutcome) => new(
        ThematicFit(programme, ctx),
        GivesMoney(programme) ? AmountFit(facts, ctx) : 0,
        RegionSpecificity(facts.NarrowestRegion),
        deadlineOutcome == Outcome.Met ? ScoreBreakdown.MaxDeadlineReachable : 0,
        programme.MadeForMsos && ctx.Organisation.MigrantLed == true ? ScoreBreakdown.MaxMadeForMsos : 0,
        programme.FirstTimeFriendly && ctx.Organisation.FirstTimeApplicant == true ? ScoreBreakdown.MaxFirstTimeFriendly : 0);

    /// <summary>One shared theme is a fit; two or more a strong one.</summary>
    private static int ThematicFit(Programme programme, MatchContext ctx)
    {
        if (ctx.Project.Themes is not { Count: > 0 } themes)
        {
            return 0;
        }
        var shared = 0;
        foreach (var theme in themes)
        {
            if (programme.Themes.Contains(theme))
            {
                shared++;
            }
        }
        return shared switch
        {
            0 => 0,
            1 => 20,
            _ => ScoreBreakdown.MaxThematicFit,
        };
    }

    /// <summary>Advice and seconded staff are worth having, but they do not pay for the amount asked for.</summary>
    private static bool GivesMoney(Programme programme) =>
        programme.SupportType is not (SupportType.Advisory or SupportType.Personnel);

    /// <summary>A programme fits best when the request is a sizeable part of what it can give.</summary>
    private static int AmountFit(ProgrammeFacts facts, MatchContext ctx)
    {
        if (ctx.Project.RequestedAmountEur is not { } requested)
        {
            return 0;
        }
        var max = facts.Amount is null ? null : Evaluators.AmountEvaluator.EffectiveMax(facts.Amount, ctx);
        if (max is not { } cap || cap == 0)
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
