using Azure.Data.Tables;
using FoerderFinder.Functions.Storage;

namespace FoerderFinder.Functions.Tests;

public sealed class TableLimitsTests
{
    private static TableTransactionAction Upsert(string partition, string row, int textChars = 10) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, row) { ["Json"] = new string('x', textChars) });

    // ---- keys ----

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0000b")]
    [InlineData("a\tb")]
    [InlineData("a\u001Fb")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u0085b")]
    [InlineData("a\u009Fb")]
    [InlineData("")]
    public void A_key_azure_refuses_is_refused(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => TableLimits.CheckKey(key, "RowKey"));

        Assert.Contains("RowKey", error.Message);
    }

    [Fact]
    public void A_key_longer_than_1024_characters_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TableLimits.CheckKey(new string('k', TableLimits.MaxKeyLength + 1), "PartitionKey"));
    }

    [Theory]
    [InlineData("engagiert")]
    [InlineData("g0000000007-1a2b3c")]
    [InlineData("log")]
    [InlineData("münster_ünal")]
    [InlineData("a b.c-d_e:f")]
    public void An_ordinary_key_is_accepted(string key)
    {
        TableLimits.CheckKey(key, "RowKey");
    }

    [Fact]
    public void A_key_of_exactly_1024_characters_is_accepted()
    {
        TableLimits.CheckKey(new string('k', TableLimits.MaxKeyLength), "RowKey");
    }

    [Fact]
    public void An_entity_with_a_bad_row_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TableLimits.CheckEntity(new TableEntity("p", "a/b")));
    }

    // ---- sizes ----

    [Fact]
    public void A_string_longer_than_32K_characters_is_refused()
    {
        var entity = new TableEntity("p", "r") { ["Json"] = new string('x', TableLimits.MaxStringChars + 1) };

        var error = Assert.Throws<ArgumentException>(() => TableLimits.CheckEntity(entity));

        Assert.Contains("Json", error.Message);
    }

    [Fact]
    public void A_string_of_exactly_32K_characters_is_accepted()
    {
        TableLimits.CheckEntity(new TableEntity("p", "r") { ["Json"] = new string('x', TableLimits.MaxStringChars) });
    }

    [Fact]
    public void An_entity_over_1_MiB_is_refused()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 16; i++)
        {
            entity["Json" + i] = new string('x', TableLimits.MaxStringChars);
        }

        Assert.True(TableLimits.EstimateBytes(entity) > TableLimits.MaxEntityBytes);
        var error = Assert.Throws<ArgumentException>(() => TableLimits.CheckEntity(entity));
        Assert.Contains("1 MiB", error.Message);
    }

    [Fact]
    public void An_entity_just_under_1_MiB_is_accepted()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 15; i++)
        {
            entity["Json" + i] = new string('x', TableLimits.MaxStringChars);
        }

        Assert.InRange(TableLimits.EstimateBytes(entity), TableLimits.MaxEntityBytes - 70_000, TableLimits.MaxEntityBytes);
        TableLimits.CheckEntity(entity);
    }

    [Fact]
    public void Strings_count_two_bytes_per_character_in_the_size()
    {
        var small = new TableEntity("p", "r") { ["Json"] = "" };
        var large = new TableEntity("p", "r") { ["Json"] = new string('ü', 1000) };

        Assert.Equal(2000, TableLimits.EstimateBytes(large) - TableLimits.EstimateBytes(small));
    }

    [Fact]
    public void An_entity_with_more_than_252_properties_is_refused()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < TableLimits.MaxProperties + 1; i++)
        {
            entity["P" + i] = i;
        }

        Assert.Throws<ArgumentException>(() => TableLimits.CheckEntity(entity));
    }

    // ---- batches ----

    [Fact]
    public void Batches_hold_at_most_100_actions()
    {
        var actions = Enumerable.Range(0, 250).Select(i => Upsert("g1", $"r{i:000}")).ToList();

        var batches = TableLimits.Batches(actions).ToList();

        Assert.Equal([100, 100, 50], batches.Select(b => b.Count));
        Assert.Equal(actions, batches.SelectMany(b => b));
    }

    [Fact]
    public void Exactly_100_actions_make_one_batch()
    {
        Assert.Single(TableLimits.Batches(Enumerable.Range(0, 100).Select(i => Upsert("g1", $"r{i}"))));
    }

    [Fact]
    public void A_batch_never_spans_two_partitions()
    {
        var actions = new[]
        {
            Upsert("g1", "a"), Upsert("g1", "b"), Upsert("g1", "c"),
            Upsert("g2", "a"), Upsert("g2", "b"),
            Upsert("log", "0001"),
        };

        var batches = TableLimits.Batches(actions).ToList();

        Assert.Equal([3, 2, 1], batches.Select(b => b.Count));
        Assert.All(batches, b => Assert.Single(b.Select(a => a.Entity.PartitionKey).Distinct()));
        Assert.Equal(actions, batches.SelectMany(b => b));
    }

    [Fact]
    public void Batches_stay_below_4_MiB()
    {
        var actions = Enumerable.Range(0, 12).Select(i => Upsert("g1", $"r{i}", textChars: TableLimits.MaxStringChars)).ToList();
        foreach (var action in actions)
        {
            var entity = (TableEntity)action.Entity;
            for (var j = 1; j < 10; j++)
            {
                entity["Json" + j] = new string('y', TableLimits.MaxStringChars);
            }
        }

        var batches = TableLimits.Batches(actions).ToList();

        Assert.True(batches.Count > 1);
        Assert.All(batches, b => Assert.True(b.Sum(a => TableLimits.EstimateBytes(a.Entity)) <= TableLimits.MaxBatchBytes));
        Assert.Equal(12, batches.Sum(b => b.Count));
    }

    [Fact]
    public void Batching_refuses_an_entity_azure_would_refuse()
    {
        var actions = new[] { Upsert("g1", "ok"), Upsert("g1", "bad#key") };

        Assert.Throws<ArgumentException>(() => TableLimits.Batches(actions).ToList());
    }

    [Fact]
    public void No_actions_make_no_batches()
    {
        Assert.Empty(TableLimits.Batches([]));
    }

    // ---- chunked text ----

    [Fact]
    public void Text_of_100000_characters_round_trips_over_chunked_properties_azure_accepts()
    {
        var text = string.Concat(Enumerable.Range(0, 100_000).Select(i => (char)('a' + i % 26)));
        var entity = new TableEntity("g1", "engagiert");

        TableLimits.WriteChunked(entity, "Json", text);

        Assert.Equal(["Json", "Json1", "Json2", "Json3"], entity.Keys.Where(k => k.StartsWith("Json", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(entity.Select(p => p.Value).OfType<string>(), s => Assert.True(s.Length <= TableLimits.MaxStringChars));
        TableLimits.CheckEntity(entity);
        Assert.Equal(text, TableLimits.ReadChunked(entity, "Json"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(TableLimits.MaxStringChars)]
    [InlineData(TableLimits.MaxStringChars + 1)]
    [InlineData(TableLimits.MaxStringChars * 2)]
    public void Text_round_trips_at_the_chunk_boundaries(int length)
    {
        var text = new string('z', length);
        var entity = new TableEntity("g1", "r");

        TableLimits.WriteChunked(entity, "Json", text);

        Assert.Equal(Math.Max(1, (length + TableLimits.MaxStringChars - 1) / TableLimits.MaxStringChars), entity.Count(p => p.Key.StartsWith("Json", StringComparison.Ordinal)));
        Assert.Equal(text, TableLimits.ReadChunked(entity, "Json"));
    }

    [Fact]
    public void Reading_text_that_was_never_written_gives_an_empty_string()
    {
        Assert.Equal("", TableLimits.ReadChunked(new TableEntity("g1", "r"), "Json"));
    }
}
