namespace FoerderFinder.Domain;

/// <summary>One problem with an input, named by its JSON path so a form can point at the field.</summary>
public sealed record ValidationError(string Field, string Message);
