using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching.Evaluators;

internal static class Outcomes
{
    public static Outcome Require(bool? value, ProfileField field, out ProfileField missing)
    {
        missing = value is null ? field : ProfileField.None;
        return value switch
        {
            null => Outcome.Unknown,
            true => Outcome.Met,
            false => Outcome.NotMet,
        };
    }

    public static Outcome Unknown(ProfileField field, out ProfileField missing)
    {
        missing = field;
        return Outcome.Unknown;
    }

    public static Outcome Decided(bool met, out ProfileField missing)
    {
        missing = ProfileField.None;
        return met ? Outcome.Met : Outcome.NotMet;
    }

    public static string Suffix(Outcome outcome) => outcome switch
    {
        Outcome.Met => "met",
        Outcome.NotMet => "not_met",
        _ => "unknown",
    };
}
