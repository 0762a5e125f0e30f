using NJsonSchema;
using NJsonSchema.Validation;

namespace FoerderFinder.Catalogue.Tests;

/// <summary>Validates a catalogue document against catalogue/programme.schema.json with NJsonSchema.</summary>
public static class SchemaCheck
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromJsonAsync(File.ReadAllText(Repo.SchemaFile)));

    public static Task<JsonSchema> LoadAsync() => Schema.Value;

    /// <summary>Every error with its path (programmes[3].criteria[0]...) and what is wrong there.</summary>
    public static async Task<IReadOnlyList<(string Path, string Message)>> ValidateAsync(string json)
    {
        var schema = await Schema.Value;
        var errors = new List<(string, string)>();
        foreach (var error in schema.Validate(json))
        {
            Collect(error, errors, depth: 0);
        }
        return errors;
    }

    private static void Collect(ValidationError error, List<(string, string)> into, int depth)
    {
        var path = (error.Path ?? "#").TrimStart('#', '/');
        into.Add((path, error.Property is null ? error.Kind.ToString() : $"{error.Kind} ({error.Property})"));
        if (error is ChildSchemaValidationError child && depth < 2)
        {
            // For oneOf over criterion kinds, each branch reports why it does not fit; show them, but not forever deep.
            foreach (var nested in child.Errors.SelectMany(e => e.Value))
            {
                Collect(nested, into, depth + 1);
            }
        }
    }
}
