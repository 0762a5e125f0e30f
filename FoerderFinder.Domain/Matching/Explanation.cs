using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching;

/// <summary>
/// A message by key with its parameters, rendered per language by <see cref="Messages.MessageCatalog"/>.
/// Parameters are typed values (codes, amounts, dates) so that clients can render them in languages we do not ship.
/// </summary>
public sealed record Message(string Key, IReadOnlyDictionary<string, object> Params)
{
    public static Message Of(string key) => new(key, EmptyParams);

    public static Message Of(string key, params (string Name, object Value)[] args) =>
        new(key, args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));

    private static readonly IReadOnlyDictionary<string, object> EmptyParams = new Dictionary<string, object>();
}

/// <summary>How one criterion came out for one profile, and why.</summary>
public sealed record CriterionResult(
    string Kind,
    Outcome Outcome,
    Message Message,
    SourceRef? Source,
    bool Unconfirmed,
    Message? Fix)
{
    /// <summary>
    /// The same instance explains this criterion to every profile with this outcome, for as long as the
    /// catalogue stays the same: whoever renders it may keep the rendering.
    /// </summary>
    public bool SharedAcrossProfiles { get; init; }
}
