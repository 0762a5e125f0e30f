using Azure.Data.Tables;

namespace FoerderFinder.Functions.Storage;

/// <summary>
/// Azure Table Storage's limits, enforced here because Azurite accepts much that Azure refuses
/// (oversized entities, cross-partition batches, keys with forbidden characters).
/// </summary>
public static class TableLimits
{
    public const int MaxKeyLength = 1024;
    public const int MaxStringChars = 32 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxProperties = 252;
    public const int MaxBatchOperations = 100;
    public const int MaxBatchBytes = 4 * 1024 * 1024;

    public static void CheckKey(string key, string name)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"{name} must be 1 to {MaxKeyLength} characters.", name);
        }
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F')
            {
                throw new ArgumentException($"{name} contains a character Azure Table Storage refuses.", name);
            }
        }
    }

    /// <summary>The service's own size formula: keys and strings as UTF-16, names included, plus fixed overheads.</summary>
    public static int EstimateBytes(ITableEntity entity)
    {
        var bytes = 4 + (entity.PartitionKey.Length + entity.RowKey.Length) * 2 + 8;
        if (entity is TableEntity table)
        {
            foreach (var (name, value) in table)
            {
                if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
                {
                    continue;
                }
                bytes += 8 + name.Length * 2 + value switch
                {
                    string s => 4 + s.Length * 2,
                    byte[] b => 4 + b.Length,
                    bool => 1,
                    int => 4,
                    _ => 8,
                };
            }
        }
        return bytes;
    }

    public static void CheckEntity(TableEntity entity)
    {
        CheckKey(entity.PartitionKey, "PartitionKey");
        CheckKey(entity.RowKey, "RowKey");
        if (entity.Count > MaxProperties)
        {
            throw new ArgumentException($"An entity has at most {MaxProperties} properties.");
        }
        foreach (var (name, value) in entity)
        {
            if (value is string s && s.Length > MaxStringChars)
            {
                throw new ArgumentException($"Property {name} is longer than {MaxStringChars} characters.");
            }
        }
        if (EstimateBytes(entity) > MaxEntityBytes)
        {
            throw new ArgumentException($"Entity {entity.PartitionKey}/{entity.RowKey} is larger than 1 MiB.");
        }
    }

    /// <summary>Splits actions into transactions Azure accepts: one partition, at most 100 actions and 4 MiB each.</summary>
    public static IEnumerable<IReadOnlyList<TableTransactionAction>> Batches(IEnumerable<TableTransactionAction> actions)
    {
        var batch = new List<TableTransactionAction>();
        var bytes = 0;
        string? partition = null;
        foreach (var action in actions)
        {
            var entity = (TableEntity)action.Entity;
            CheckEntity(entity);
            var size = EstimateBytes(entity);
            if (batch.Count > 0 && (batch.Count == MaxBatchOperations || bytes + size > MaxBatchBytes - 64 * 1024 || entity.PartitionKey != partition))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
            partition = entity.PartitionKey;
            batch.Add(action);
            bytes += size;
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>Long text split over several string properties (Name, Name1, Name2, ...), each within the string limit.</summary>
    public static void WriteChunked(TableEntity entity, string name, string text)
    {
        var chunks = (text.Length + MaxStringChars - 1) / MaxStringChars;
        for (var i = 0; i < Math.Max(1, chunks); i++)
        {
            var start = i * MaxStringChars;
            entity[i == 0 ? name : name + i] = text.Substring(start, Math.Min(MaxStringChars, text.Length - start));
        }
    }

    public static string ReadChunked(TableEntity entity, string name)
    {
        var first = entity.GetString(name) ?? string.Empty;
        if (entity.GetString(name + "1") is null)
        {
            return first;
        }
        var builder = new System.Text.StringBuilder(first);
        for (var i = 1; entity.GetString(name + i) is { } next; i++)
        {
            builder.Append(next);
        }
        return builder.ToString();
    }
}
