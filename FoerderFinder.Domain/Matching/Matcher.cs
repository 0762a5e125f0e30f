using System.Numerics;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Matching.Evaluators;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching;

/// <summary>
/// Matches one profile against a catalogue. Two passes: every programme gets a verdict and a score
/// without allocating; only the programmes returned are explained criterion by criterion, so the
/// cost of messages grows with the results asked for, not with the catalogue.
/// </summary>
public static class Matcher
{
    public const int StaleAfterMonths = 12;

    public static MatchResult Match(CatalogueSnapshot catalogue, Profile profile, MatchOptions options)
    {
        var ctx = new MatchContext(profile, options.AsOf);
        var limit = Math.Max(0, options.Limit);
        var top = new PriorityQueue<int, RankKey>(limit + 1, RankKey.WorstFirst(catalogue));
        Span<int> settles = stackalloc int[32];
        Span<int> affects = stackalloc int[32];
        int eligible = 0, open = 0, notEligible = 0;

        var programmes = catalogue.Programmes;
        for (var i = 0; i < programmes.Count; i++)
        {
            var assessment = Assess(programmes[i], catalogue.Profiles[i], ctx);
            switch (assessment.Verdict)
            {
                case Verdict.Eligible:
                    eligible++;
                    break;
                case Verdict.NeedsInformation:
                    open++;
                    CountMissing(assessment, settles, affects);
                    break;
                default:
                    notEligible++;
                    if (!options.IncludeNotEligible)
                    {
                        continue;
                    }
                    break;
            }
            if (limit == 0)
            {
                continue;
            }
            top.Enqueue(i, new RankKey(assessment.Verdict, assessment.Score, assessment.NextDeadline, i));
            if (top.Count > limit)
            {
                top.Dequeue();
            }
        }

        var ranked = new ProgrammeMatch[top.Count];
        for (var slot = ranked.Length - 1; slot >= 0; slot--)
        {
            var index = top.Dequeue();
            ranked[slot] = Explain(programmes[index], catalogue.Profiles[index], ctx);
        }

        return new MatchResult
        {
            CatalogueVersion = catalogue.Version,
            AsOf = options.AsOf,
            Results = ranked,
            NextQuestion = ChooseNextQuestion(settles, affects),
            EligibleCount = eligible,
            NeedsInformationCount = open,
            NotEligibleCount = notEligible,
        };
    }

    /// <summary>The verdict of one programme, and for open ones which profile fields are still missing.</summary>
    internal static Assessment Assess(Programme programme, ProgrammeFacts facts, MatchContext ctx)
    {
        if (programme.Status.IsOver())
        {
            return new Assessment(Verdict.NotEligible, 0, ProfileField.None, false, null);
        }
        var anyUnknown = programme.Status != ProgrammeStatus.Active;
        var unknownWithoutField = anyUnknown;
        var missing = ProfileField.None;
        var deadlineOutcome = Outcome.Unknown;
        DateOnly? nextDeadline = null;
        foreach (var criterion in programme.Criteria)
        {
            Outcome outcome;
            ProfileField field;
            if (criterion is DeadlineCriterion deadline)
            {
                var facts2 = DeadlineEvaluator.Facts(deadline, ctx);
                outcome = deadlineOutcome = facts2.Outcome;
                nextDeadline = facts2.NextDeadline;
                field = ProfileField.None;
            }
            else
            {
                outcome = CriterionEvaluator.Evaluate(criterion, ctx, out field);
            }
            if (outcome == Outcome.NotMet)
            {
                return new Assessment(Verdict.NotEligible, 0, ProfileField.None, false, nextDeadline);
            }
            if (outcome == Outcome.Unknown)
            {
                anyUnknown = true;
                missing |= field;
                unknownWithoutField |= field == ProfileField.None;
            }
        }
        var score = Ranking.Score(programme, facts, ctx, deadlineOutcome).Total;
        return new Assessment(anyUnknown ? Verdict.NeedsInformation : Verdict.Eligible, score, missing, unknownWithoutField, nextDeadline);
    }

    private static ProgrammeMatch Explain(Programme programme, ProgrammeFacts facts, MatchContext ctx)
    {
        var results = new List<CriterionResult>(programme.Criteria.Count + 1);
        if (programme.Status != ProgrammeStatus.Active)
        {
            results.Add(StatusResult(programme));
        }
        DateOnly? nextDeadline = null, latestApplicationDate = null;
        var deadlineOutcome = Outcome.Unknown;
        foreach (var criterion in programme.Criteria)
        {
            var result = CriterionEvaluator.Explain(criterion, ctx);
            if (result.Source is { Verified: null } source)
            {
                // A criterion not checked on its own was last checked with the whole programme.
                result = result with { Source = source with { Verified = programme.LastVerified } };
            }
            results.Add(result);
            if (criterion is DeadlineCriterion deadline)
            {
                var deadlineFacts = DeadlineEvaluator.Facts(deadline, ctx);
                nextDeadline = deadlineFacts.NextDeadline;
                latestApplicationDate = deadlineFacts.LatestApplicationDate;
                deadlineOutcome = deadlineFacts.Outcome;
            }
        }
        var verdict = programme.Status.IsOver() || results.Any(r => r.Outcome == Outcome.NotMet) ? Verdict.NotEligible
            : results.Any(r => r.Outcome == Outcome.Unknown) ? Verdict.NeedsInformation
            : Verdict.Eligible;
        var failures = results.Where(r => r.Outcome == Outcome.NotMet).ToList();
        var fixes = verdict == Verdict.NotEligible && failures.Count > 0 && failures.All(f => f.Fix is not null)
            ? failures.Select(f => f.Fix!).ToList()
            : [];
        return new ProgrammeMatch
        {
            Programme = programme,
            Verdict = verdict,
            Score = verdict == Verdict.NotEligible ? null : Ranking.Score(programme, facts, ctx, deadlineOutcome),
            Criteria = results,
            NextDeadline = nextDeadline,
            LatestApplicationDate = latestApplicationDate,
            HowToBecomeEligible = fixes,
            Stale = programme.LastVerified.AddMonths(StaleAfterMonths) < ctx.AsOf,
            HasUnconfirmed = results.Any(r => r.Unconfirmed),
        };
    }

    private static CriterionResult StatusResult(Programme programme)
    {
        var status = EnumCodes.Of(programme.Status);
        var outcome = programme.Status.IsOver() ? Outcome.NotMet : Outcome.Unknown;
        var message = programme.ReplacedBy is { } successor
            ? Message.Of($"programme_status.{status}", ("successor", successor))
            : programme.Status == ProgrammeStatus.Replaced
                // The catalogue may mark a programme replaced without naming a successor: say so without a {successor} gap.
                ? Message.Of("programme_status.replaced_unnamed")
                : Message.Of($"programme_status.{status}");
        return new CriterionResult("programme_status", outcome, message, new SourceRef { Url = programme.Url, Verified = programme.LastVerified }, false, null);
    }

    /// <summary>A field settles a programme when it is the only thing still unknown about it.</summary>
    private static void CountMissing(Assessment assessment, Span<int> settles, Span<int> affects)
    {
        var missing = (uint)assessment.Missing;
        var single = !assessment.UnknownWithoutField && BitOperations.PopCount(missing) == 1;
        while (missing != 0)
        {
            var bit = BitOperations.TrailingZeroCount(missing);
            affects[bit]++;
            if (single)
            {
                settles[bit]++;
            }
            missing &= missing - 1;
        }
    }

    private static NextQuestion? ChooseNextQuestion(ReadOnlySpan<int> settles, ReadOnlySpan<int> affects)
    {
        NextQuestion? best = null;
        foreach (var field in ProfileFields.All)
        {
            var bit = BitOperations.TrailingZeroCount((uint)field);
            if (affects[bit] == 0)
            {
                continue;
            }
            if (best is null || settles[bit] > best.Settles || (settles[bit] == best.Settles && affects[bit] > best.Affects))
            {
                best = new NextQuestion(field, settles[bit], affects[bit]);
            }
        }
        return best;
    }

    internal readonly record struct Assessment(Verdict Verdict, int Score, ProfileField Missing, bool UnknownWithoutField, DateOnly? NextDeadline);

    /// <summary>
    /// Order of results: eligible, then needs information, then not eligible; within each, higher score,
    /// then the nearer deadline, then the programme id, so equal inputs always give the same order.
    /// </summary>
    private readonly record struct RankKey(Verdict Verdict, int Score, DateOnly? NextDeadline, int Index)
    {
        public static IComparer<RankKey> WorstFirst(CatalogueSnapshot catalogue) =>
            Comparer<RankKey>.Create((a, b) => Compare(catalogue, b, a));

        private static int Compare(CatalogueSnapshot catalogue, RankKey a, RankKey b)
        {
            var byVerdict = a.Verdict.CompareTo(b.Verdict);
            if (byVerdict != 0)
            {
                return byVerdict;
            }
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }
            var aDeadline = a.NextDeadline?.DayNumber ?? int.MaxValue;
            var bDeadline = b.NextDeadline?.DayNumber ?? int.MaxValue;
            var byDeadline = aDeadline.CompareTo(bDeadline);
            return byDeadline != 0
                ? byDeadline
                : string.CompareOrdinal(catalogue.Programmes[a.Index].Id, catalogue.Programmes[b.Index].Id);
        }
    }
}
