namespace FoerderFinder.Domain.Matching;

/// <summary>A code from a vocabulary (organisationType, region, theme, country, ...), rendered as its label.</summary>
public sealed record Code(string Vocabulary, string Value);

/// <summary>Whole euros.</summary>
public readonly record struct Money(long Eur);

/// <summary>A duration in weeks or months, rendered with its unit.</summary>
public readonly record struct Weeks(int Count);

public readonly record struct Months(int Count);

public static class Codes
{
    public static IReadOnlyList<Code> List<T>(string vocabulary, IEnumerable<T> values, Func<T, string> toCode) =>
        values.Select(v => new Code(vocabulary, toCode(v))).ToList();

    public static IReadOnlyList<Code> List(string vocabulary, IEnumerable<string> values) =>
        values.Select(v => new Code(vocabulary, v)).ToList();
}
