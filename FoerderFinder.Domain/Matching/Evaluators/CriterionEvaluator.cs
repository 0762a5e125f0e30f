using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching.Evaluators;

/// <summary>Sends each criterion kind to its one evaluator.</summary>
public static class CriterionEvaluator
{
    /// <summary>The outcome alone, without allocating: used for every programme of the catalogue.</summary>
    public static Outcome Evaluate(Criterion criterion, MatchContext ctx, out ProfileField missing) => criterion switch
    {
        ApplicantTypeCriterion c => ApplicantTypeEvaluator.Evaluate(c, ctx, out missing),
        ApplicantSeatCriterion c => ApplicantSeatEvaluator.Evaluate(c, ctx, out missing),
        ProjectLocationCriterion c => ProjectLocationEvaluator.Evaluate(c, ctx, out missing),
        ProjectRegionCriterion c => ProjectRegionEvaluator.Evaluate(c, ctx, out missing),
        ProjectCountryCriterion c => ProjectCountryEvaluator.Evaluate(c, ctx, out missing),
        AmountCriterion c => AmountEvaluator.Evaluate(c, ctx, out missing),
        OwnContributionCriterion c => OwnContributionEvaluator.Evaluate(c, ctx, out missing),
        DurationCriterion c => DurationEvaluator.Evaluate(c, ctx, out missing),
        OrganisationAgeCriterion c => OrganisationAgeEvaluator.Evaluate(c, ctx, out missing),
        CharitableCriterion c => CharitableEvaluator.Evaluate(c, ctx, out missing),
        MigrantLedCriterion c => MigrantLedEvaluator.Evaluate(c, ctx, out missing),
        VolunteerRunCriterion c => VolunteerRunEvaluator.Evaluate(c, ctx, out missing),
        FirstTimeApplicantCriterion c => FirstTimeApplicantEvaluator.Evaluate(c, ctx, out missing),
        PartnerCooperationCriterion c => PartnerCooperationEvaluator.Evaluate(c, ctx, out missing),
        ThemeCriterion c => ThemeEvaluator.Evaluate(c, ctx, out missing),
        ProjectStartWindowCriterion c => ProjectStartWindowEvaluator.Evaluate(c, ctx, out missing),
        DeadlineCriterion c => DeadlineEvaluator.Evaluate(c, ctx, out missing),
        _ => throw new NotSupportedException($"No evaluator for {criterion.GetType().Name}."),
    };

    /// <summary>The outcome with its message and, for a fixable failure, what would fix it: only for results shown.</summary>
    public static CriterionResult Explain(Criterion criterion, MatchContext ctx)
    {
        var outcome = Evaluate(criterion, ctx, out _);
        var (message, fix) = criterion switch
        {
            ApplicantTypeCriterion c => ApplicantTypeEvaluator.Explain(c, ctx, outcome),
            ApplicantSeatCriterion c => ApplicantSeatEvaluator.Explain(c, ctx, outcome),
            ProjectLocationCriterion c => ProjectLocationEvaluator.Explain(c, ctx, outcome),
            ProjectRegionCriterion c => ProjectRegionEvaluator.Explain(c, ctx, outcome),
            ProjectCountryCriterion c => ProjectCountryEvaluator.Explain(c, ctx, outcome),
            AmountCriterion c => AmountEvaluator.Explain(c, ctx, outcome),
            OwnContributionCriterion c => OwnContributionEvaluator.Explain(c, ctx, outcome),
            DurationCriterion c => DurationEvaluator.Explain(c, ctx, outcome),
            OrganisationAgeCriterion c => OrganisationAgeEvaluator.Explain(c, ctx, outcome),
            CharitableCriterion c => CharitableEvaluator.Explain(c, ctx, outcome),
            MigrantLedCriterion c => MigrantLedEvaluator.Explain(c, ctx, outcome),
            VolunteerRunCriterion c => VolunteerRunEvaluator.Explain(c, ctx, outcome),
            FirstTimeApplicantCriterion c => FirstTimeApplicantEvaluator.Explain(c, ctx, outcome),
            PartnerCooperationCriterion c => PartnerCooperationEvaluator.Explain(c, ctx, outcome),
            ThemeCriterion c => ThemeEvaluator.Explain(c, ctx, outcome),
            ProjectStartWindowCriterion c => ProjectStartWindowEvaluator.Explain(c, ctx, outcome),
            DeadlineCriterion c => DeadlineEvaluator.Explain(c, ctx, outcome),
            _ => throw new NotSupportedException($"No evaluator for {criterion.GetType().Name}."),
        };
        return new CriterionResult(Catalogue.CriterionJsonConverter.KindName(criterion.Kind), outcome, message, criterion.Source, criterion.Unconfirmed, fix);
    }
}
