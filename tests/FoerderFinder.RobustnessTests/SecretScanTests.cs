using System.Diagnostics;
using System.Text.RegularExpressions;
using FoerderFinder.IntegrationTests;

namespace FoerderFinder.RobustnessTests;

/// <summary>No secret in the repository: every tracked file is scanned for keys, tokens and private keys.</summary>
public sealed partial class SecretScanTests
{
    /// <summary>Azurite's account key: published by Microsoft for the emulator, the same on every machine.</summary>
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly (string Name, Regex Pattern)[] Secrets =
    [
        ("storage account key", AccountKey()),
        ("private key", PrivateKey()),
        ("shared access signature", SharedAccessSignature()),
        ("function key literal", FunctionKeyLiteral()),
        ("function key in a URL", CodeInUrl()),
        ("configured function key", ConfiguredKey()),
        ("GitHub token", GitHubToken()),
        ("AWS access key", AwsKey()),
    ];

    /// <summary>Files that hold secrets by their nature and must stay untracked.</summary>
    private static readonly Regex NeverTracked = NeverTrackedPath();

    public static IEnumerable<string> Findings(string file, string text)
    {
        if (NeverTracked.IsMatch(file))
        {
            yield return $"{file}: must never be tracked";
        }
        foreach (var (name, pattern) in Secrets)
        {
            foreach (Match match in pattern.Matches(text))
            {
                var value = match.Groups["value"].Value;
                if (value == AzuriteKey || value.StartsWith('$') || value.StartsWith('<') || value.StartsWith('{'))
                {
                    continue;
                }
                var line = text[..match.Index].Count(c => c == '\n') + 1;
                yield return $"{file}:{line}: {name} ({value[..Math.Min(6, value.Length)]}…)";
            }
        }
    }

    [Fact]
    public void No_tracked_file_holds_a_secret()
    {
        var files = TrackedFiles();
        Assert.Contains("README.md", files);
        var findings = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(RepoPaths.Root, file);
            if (!File.Exists(path))
            {
                continue;
            }
            var bytes = File.ReadAllBytes(path);
            if (bytes.AsSpan().Contains((byte)0))
            {
                findings.AddRange(Findings(file, ""));
                continue;
            }
            findings.AddRange(Findings(file, System.Text.Encoding.UTF8.GetString(bytes)));
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void The_scan_finds_planted_secrets_and_lets_the_emulator_key_pass()
    {
        // Built at run time, so that this file itself holds no secret-looking literal.
        var fakeKey = string.Concat(Enumerable.Repeat("q7Zx", 22)) + "==";
        string[] planted =
        [
            "DefaultEndpointsProtocol=https;AccountName=prod;Account" + "Key=" + fakeKey + ";EndpointSuffix=core.windows.net",
            "-----BEGIN RSA PRIV" + "ATE KEY-----\nMIIEow\n",
            "https://x.table.core.windows.net/?sv=2022-11-02&s" + "ig=" + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789%3D",
            "curl -H 'x-functions" + "-key: " + "Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA=' https://app/api/programmes/import",
            "request.Headers.Add(\"x-functions" + "-key\", \"" + "Zm9vYmFyYmF6cXV4cXV1eDEy\");",
            "https://app.azurewebsites.net/api/programmes/import?co" + "de=" + "Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTAxMjM0NTY3OA==",
            "{ \"DevHost\": { \"Function" + "Key\": \"" + "s3cr3t-value-for-prod\" } }",
            "token: gh" + "p_" + new string('a', 36),
            "AK" + "IA" + "ABCDEFGHIJKLMNOP",
        ];

        Assert.All(planted, text => Assert.NotEmpty(Findings("sample.txt", text)));
        Assert.NotEmpty(Findings(".local/admin-key", "anything"));
        Assert.NotEmpty(Findings("FoerderFinder.Functions/local.settings.json", "{}"));
        Assert.Empty(Findings("sample.txt", "AccountName=devstoreaccount1;Account" + "Key=" + AzuriteKey + ";"));
        Assert.Empty(Findings("sample.txt", "curl -H \"x-functions" + "-key: $KEY\" -H 'If-Match: \"r1\"'"));
        Assert.Empty(Findings("sample.txt", "[\"DevHost:Function" + "Key\"] = FunctionKey,"));
        Assert.Empty(Findings("sample.txt", "r.Headers.Add(\"x-functions" + "-key\", key.ToUpperInvariant());"));
    }

    private static List<string> TrackedFiles()
    {
        var git = Process.Start(new ProcessStartInfo("git", ["-C", RepoPaths.Root, "ls-files", "-z"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git ls-files failed: " + git.StandardError.ReadToEnd());
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    [GeneratedRegex(@"AccountKey\s*=\s*(?<value>[A-Za-z0-9+/=]{20,})")]
    private static partial Regex AccountKey();

    [GeneratedRegex(@"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----(?<value>)")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?:SharedAccessSignature=|[?&]sig=)(?<value>[A-Za-z0-9%+/=]{16,})")]
    private static partial Regex SharedAccessSignature();

    /// <summary>As a header line ("x-functions-key: value") or as a quoted argument ("x-functions-key", "value").</summary>
    [GeneratedRegex(@"x-functions-key(?:[""']?\s*[:=]\s*[""']?|[""']\s*,\s*[""'])(?<value>[^\s""',;)]{16,})", RegexOptions.IgnoreCase)]
    private static partial Regex FunctionKeyLiteral();

    [GeneratedRegex(@"[?&]code=(?<value>[A-Za-z0-9_\-+/=%]{20,})")]
    private static partial Regex CodeInUrl();

    [GeneratedRegex(@"""(?:FunctionKey|MasterKey|AzureWebJobsSecretStorageKey)""\s*:\s*""(?<value>[^""]+)""")]
    private static partial Regex ConfiguredKey();

    [GeneratedRegex(@"(?<value>(?:ghp|gho|ghs|ghu|github_pat)_[A-Za-z0-9_]{20,})")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"(?<value>AKIA[0-9A-Z]{16})")]
    private static partial Regex AwsKey();

    [GeneratedRegex(@"(^|/)(\.local/|local\.settings\.json$|\.env$|[^/]*\.(pfx|p12|pem|key)$|admin-key$)")]
    private static partial Regex NeverTrackedPath();
}
