using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Data.Tables;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Functions.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

// Start-up measurements against a running Azurite. Each command prints one JSON line.
//   seed CONNECTION PREFIX CATALOGUE.json          import a catalogue file into the store (tables PREFIX*)
//   load CONNECTION PREFIX RUNS                     time TableCatalogueStore.LoadAsync and the snapshot built from it
//   requestcost CATALOGUE.json REQUESTS.ndjson SECONDS
//                                                   in process, per match request of the bench profiles: parse the body,
//                                                   match (first pass and explanations), render the messages, serialize
//   coldstart CONNECTION PREFIX DEVHOST.dll RUNS PROGRAMMES REQUEST.json
//                                                   start the DevHost process RUNS times; time from process start
//                                                   to the first POST /api/match answered with all PROGRAMMES counted
return args.FirstOrDefault() switch
{
    "seed" => await Seed(args[1], args[2], args[3]),
    "load" => await Load(args[1], args[2], int.Parse(args[3])),
    "coldstart" => await ColdStart(args[1], args[2], args[3], int.Parse(args[4]), int.Parse(args[5]), File.ReadAllText(args[6])),
    "requestcost" => RequestCost(args[1], args[2], double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: seed|load|coldstart|requestcost ... (see Program.cs)");
    return 2;
}

static TableCatalogueStore Store(string connection, string prefix) =>
    new(new TableServiceClient(connection), new StorageOptions { TablePrefix = prefix });

static async Task<int> Seed(string connection, string prefix, string file)
{
    var parsed = CatalogueFile.Load(file);
    if (!parsed.IsValid)
    {
        Console.Error.WriteLine($"{file} is not a valid catalogue.");
        return 1;
    }
    var watch = Stopwatch.StartNew();
    var result = await Store(connection, prefix).ImportAsync(parsed.Document!.Programmes, dryRun: false, CancellationToken.None);
    Console.WriteLine(JsonConvert.SerializeObject(new { programmes = result.Catalogue.Programmes.Count, seedMs = Math.Round(watch.Elapsed.TotalMilliseconds) }));
    return 0;
}

static async Task<int> Load(string connection, string prefix, int runs)
{
    var loads = new List<double>();
    var snapshots = new List<double>();
    var count = 0;
    for (var run = 0; run < runs; run++)
    {
        // A new client and store each time, as a new instance would have.
        var store = Store(connection, prefix);
        var watch = Stopwatch.StartNew();
        var stored = await store.LoadAsync(CancellationToken.None);
        loads.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        var snapshot = new CatalogueSnapshot(stored.Version, stored.Programmes.Select(p => p.Programme).ToList());
        snapshots.Add(watch.Elapsed.TotalMilliseconds);
        count = snapshot.Count;
    }
    Console.WriteLine(JsonConvert.SerializeObject(new
    {
        programmes = count,
        runs,
        firstLoadMs = Math.Round(loads[0]),
        medianLoadMs = Math.Round(Median(loads.Skip(1).DefaultIfEmpty(loads[0]))),
        firstSnapshotMs = Math.Round(snapshots[0], 1),
        medianSnapshotMs = Math.Round(Median(snapshots.Skip(1).DefaultIfEmpty(snapshots[0])), 1),
        loadsMs = loads.Select(x => Math.Round(x)),
    }));
    return 0;
}

static async Task<int> ColdStart(string connection, string prefix, string devHost, int runs, int programmes, string request)
{
    var listening = new List<double>();
    var firstMatch = new List<double>();
    using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromSeconds(60) };
    for (var run = 0; run < runs; run++)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { devHost, "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["CatalogueStorage"] = connection,
                ["Catalogue__TablePrefix"] = prefix,
                ["Catalogue__SeedOnStart"] = "true",
                ["DevHost__FunctionKey"] = "bench-key",
            },
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the DevHost.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        double? listeningMs = null;
        try
        {
            // First the port: when the host listens. Then the match: when it has the catalogue.
            while (listeningMs is null && watch.Elapsed < TimeSpan.FromSeconds(120) && !process.HasExited)
            {
                try
                {
                    using var socket = new TcpClient();
                    await socket.ConnectAsync(IPAddress.Loopback, port);
                    listeningMs = watch.Elapsed.TotalMilliseconds;
                }
                catch (SocketException)
                {
                    await Task.Delay(2);
                }
            }
            while (true)
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(120) || process.HasExited)
                {
                    throw new TimeoutException("The DevHost did not answer a match within 120 s.");
                }
                try
                {
                    using var response = await client.PostAsync($"http://127.0.0.1:{port}/api/match", new StringContent(request, Encoding.UTF8, "application/json"));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var counts = JObject.Parse(await response.Content.ReadAsStringAsync())["counts"]!;
                        var total = (int)counts["eligible"]! + (int)counts["needsInformation"]! + (int)counts["notEligible"]!;
                        if (total == programmes)
                        {
                            firstMatch.Add(watch.Elapsed.TotalMilliseconds);
                            break;
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(5);
            }
            listening.Add(listeningMs ?? double.NaN);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
    Console.WriteLine(JsonConvert.SerializeObject(new
    {
        programmes,
        runs,
        medianListeningMs = Math.Round(Median(listening)),
        medianFirstMatchMs = Math.Round(Median(firstMatch)),
        minFirstMatchMs = Math.Round(firstMatch.Min()),
        firstMatchMs = firstMatch.Select(x => Math.Round(x)),
    }));
    return 0;
}

static int RequestCost(string catalogueFile, string requestsFile, double seconds)
{
    var catalogue = new CatalogueSnapshot("bench", CatalogueFile.Load(catalogueFile).Document!.Programmes);
    var bodies = File.ReadLines(requestsFile).Where(l => l.Trim().Length > 0).ToArray();
    var requests = bodies.Select(b => FoerderFinder.Domain.Json.FoerderFinderJson.Deserialize<FoerderFinder.Functions.Api.MatchRequest>(new StringReader(b))).ToArray();
    var profiles = requests.Select(r => r.ToProfile()).ToArray();
    var options = requests.Select(r => new FoerderFinder.Domain.Matching.MatchOptions { AsOf = r.AsOf!.Value, Limit = r.Limit ?? FoerderFinder.Functions.Functions.MatchFunctions.DefaultLimit }).ToArray();
    var results = profiles.Select((p, i) => FoerderFinder.Domain.Matching.Matcher.Match(catalogue, p, options[i])).ToArray();
    var languages = requests.Select(r => r.Language ?? FoerderFinder.Domain.Vocabulary.Language.De).ToArray();
    var answers = results.Select((r, i) => new FoerderFinder.Functions.Api.MatchAnswer(r, languages[i], false)).ToArray();
    // The HTTP host's serializer settings (MVC's, configured by AddFoerderFinder).
    var serializer = FoerderFinder.Domain.Json.FoerderFinderJson.Serializer;
    var utf8 = new UTF8Encoding(false);

    var allocated = new Dictionary<string, double>();
    double PerRequest(string name, Action all)
    {
        for (var i = 0; i < 50; i++)
        {
            all();
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        all();
        allocated[name] = Math.Round((GC.GetAllocatedBytesForCurrentThread() - before) / (double)bodies.Length);
        var runs = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            all();
            runs++;
        }
        return Math.Round(watch.Elapsed.TotalMicroseconds / runs / bodies.Length, 1);
    }

    var parse = PerRequest("parse", () => { foreach (var b in bodies) { FoerderFinder.Domain.Json.FoerderFinderJson.Deserialize<FoerderFinder.Functions.Api.MatchRequest>(new StringReader(b)); } });
    var firstPass = PerRequest("firstPass", () => { for (var i = 0; i < profiles.Length; i++) { FoerderFinder.Domain.Matching.Matcher.Match(catalogue, profiles[i], options[i] with { Limit = 0 }); } });
    var match = PerRequest("match", () => { for (var i = 0; i < profiles.Length; i++) { FoerderFinder.Domain.Matching.Matcher.Match(catalogue, profiles[i], options[i]); } });
    // Messages rendered in the answer's language, written as JSON and encoded as UTF-8 by the host's own formatter.
    var write = PerRequest("write", () =>
    {
        foreach (var answer in answers)
        {
            using var body = FoerderFinder.Functions.Api.PooledJsonOutputFormatter.Render(serializer, answer, typeof(FoerderFinder.Functions.Api.MatchAnswer), utf8);
        }
    });
    var bytes = answers.Average(a =>
    {
        using var body = FoerderFinder.Functions.Api.PooledJsonOutputFormatter.Render(serializer, a, typeof(FoerderFinder.Functions.Api.MatchAnswer), utf8);
        return body.Length;
    });
    Console.WriteLine(JsonConvert.SerializeObject(new
    {
        programmes = catalogue.Count,
        parseUs = parse,
        firstPassUs = firstPass,
        explainUs = Math.Round(match - firstPass, 1),
        writeUs = write,
        totalUs = Math.Round(parse + match + write, 1),
        responseBytes = Math.Round(bytes),
        results = Math.Round(results.Average(r => r.Results.Count), 1),
        allocatedBytes = allocated,
        criteria = Math.Round(results.Average(r => r.Results.Sum(m => m.Criteria.Count)), 1),
        sharedCriteria = Math.Round(results.Average(r => r.Results.Sum(m => m.Criteria.Count(c => c.SharedAcrossProfiles))), 1),
    }));
    return 0;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
