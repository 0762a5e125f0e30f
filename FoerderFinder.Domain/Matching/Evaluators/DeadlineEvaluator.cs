using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching.Evaluators;

internal static class DeadlineEvaluator
{
    public static Outcome Evaluate(DeadlineCriterion c, MatchContext ctx, out ProfileField missing)
    {
        missing = ProfileField.None;
        return Facts(c, ctx).Outcome;
    }

    public static DeadlineFacts Facts(DeadlineCriterion c, MatchContext ctx) =>
        DeadlineCalculator.Compute(c.Schedule, ctx.AsOf, ctx.Project.PlannedStart, ctx.Project.RequestedAmountEur);

    /// <summary>The first pass's form: the schedule compiled once per catalogue.</summary>
    public static DeadlineFacts Facts(CompiledCatalogue catalogue, int start, MatchContext ctx)
    {
        ref readonly var deadline = ref catalogue.Deadline(start, out var dates, out var leadTimes);
        return DeadlineCalculator.Compute(in deadline, dates, leadTimes, ctx.AsOf, ctx.Project.PlannedStart, ctx.Project.RequestedAmountEur);
    }

    public static (Message, Message?) Explain(DeadlineCriterion c, MatchContext ctx, Outcome outcome)
    {
        var facts = Facts(c, ctx);
        var args = new List<(string, object)> { ("leadWeeks", new Weeks(facts.LeadWeeks)) };
        if (facts.NextDeadline is { } next)
        {
            args.Add(("nextDeadline", next));
        }
        if (facts.LatestApplicationDate is { } latest)
        {
            args.Add(("latestApplicationDate", latest));
        }
        if (facts.EarliestStart is { } earliest)
        {
            args.Add(("earliestStart", earliest));
        }
        var key = facts.Situation switch
        {
            DeadlineSituation.Rolling when facts.LeadWeeks == 0 => "deadline.rolling",
            DeadlineSituation.Rolling when facts.LatestApplicationDate is null => "deadline.rolling_lead_time",
            DeadlineSituation.Rolling => "deadline.rolling_apply_by",
            DeadlineSituation.RollingTooLate => "deadline.rolling_too_late",
            DeadlineSituation.DateAhead when facts.LatestApplicationDate is null => "deadline.next",
            DeadlineSituation.DateAhead => "deadline.apply_by",
            DeadlineSituation.StartNotServed => "deadline.start_not_served",
            DeadlineSituation.RoundOver => "deadline.round_over",
            _ => c.Schedule.Call == CallStatus.Closed ? "deadline.call_closed" : "deadline.call_unknown",
        };
        var fix = facts.Situation is DeadlineSituation.RollingTooLate or DeadlineSituation.StartNotServed && facts.EarliestStart is { } start
            ? Message.Of("fix.start_on_or_after", ("date", start))
            : null;
        return (Message.Of(key, args.ToArray()), fix);
    }
}
