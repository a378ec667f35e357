using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// No Neo4j starts here, so the compose file and the Testcontainers server are held to what Neo4j's
/// own source accepts: the same pinned LTS image, every NEO4J_ setting a valid one, credentials the
/// image takes, and a health check that asks the Query API.
/// </summary>
public sealed partial class Neo4jSettingsTests
{
    /// <summary>
    /// server.http_enabled_modules is a set of org.neo4j.server.configuration.ConfigurableServerModules
    /// (neo4j/neo4j, community/server/src/main/java/org/neo4j/server/configuration/ConfigurableServerModules.java;
    /// ServerSettings.java declares it with setOfEnums), so any other name stops Neo4j at start-up.
    /// QUERY_API_ENDPOINTS is the Query API; there is no QUERY_API.
    /// </summary>
    private static readonly string[] ServerModules =
        ["TRANSACTIONAL_ENDPOINTS", "UNMANAGED_EXTENSIONS", "BROWSER", "ENTERPRISE_MANAGEMENT_ENDPOINTS", "QUERY_API_ENDPOINTS"];

    /// <summary>The settings we set, each with the check of its value; a setting without one fails the test.</summary>
    private static readonly Dictionary<string, Action<string>> Checks = new()
    {
        ["server.http_enabled_modules"] = value =>
        {
            var modules = value.Split(',', StringSplitOptions.TrimEntries);
            Assert.All(modules, m => Assert.Contains(m, ServerModules));
            Assert.Contains("QUERY_API_ENDPOINTS", modules);
        },
    };

    /// <summary>Environment names the image reads itself rather than as settings (docker-entrypoint.sh's not_configs).</summary>
    private static readonly string[] NotSettings = ["NEO4J_AUTH", "NEO4J_AUTH_PATH", "NEO4J_ACCEPT_LICENSE_AGREEMENT", "NEO4J_PLUGINS", "NEO4J_DEBUG"];

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)((YamlMappingNode)Compose()["services"])[name];

    private static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)Service(service)["environment"]).Children.ToDictionary(p => p.Key.ToString(), p => Resolve(p.Value.ToString()));

    /// <summary>A value as compose gives it when the variables it names are unset: ${NAME:-default} becomes default.</summary>
    private static string Resolve(string value) => DefaultedVariable().Replace(value, m => m.Groups[1].Value);

    [GeneratedRegex(@"\$\{[A-Z_]+:-([^}]*)\}")]
    private static partial Regex DefaultedVariable();

    /// <summary>The setting an environment name stands for, as the image maps it: NEO4J_ dropped, _ to ., __ to _.</summary>
    private static string SettingName(string variable) => variable["NEO4J_".Length..].Replace("__", "\0").Replace('_', '.').Replace('\0', '_');

    [Fact]
    public void ComposeAndTheTestsRunOnePinnedLtsImage()
    {
        var image = Service("neo4j")["image"].ToString();
        Assert.Equal(Neo4jServer.Image, image);
        var match = Regex.Match(image, @"^neo4j:(\d+)\.(\d+)\.(\d+)-community$");
        Assert.True(match.Success, $"'{image}' is not an exact community release");
        var (major, minor) = (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
        Assert.True(major > 5 || (major == 5 && minor >= 26), $"'{image}' is older than the 5.26 LTS, whose Query API the store relies on");
    }

    [Fact]
    public void EveryNeo4jSettingInComposeAndTheTestsIsOneNeo4jAccepts()
    {
        var compose = Environment("neo4j").Where(e => e.Key.StartsWith("NEO4J_", StringComparison.Ordinal) && !NotSettings.Contains(e.Key)).ToList();
        Assert.Equal(compose.OrderBy(e => e.Key), Neo4jServer.Settings.OrderBy(e => e.Key));
        foreach (var (variable, value) in compose)
        {
            var setting = SettingName(variable);
            Assert.True(Checks.TryGetValue(setting, out var check), $"{variable} sets {setting}, which no check here knows; add one from Neo4j's source");
            check(value);
        }
    }

    [Theory]
    [InlineData("NEO4J_server_http__enabled__modules", "server.http_enabled_modules")]
    [InlineData("NEO4J_dbms_memory_heap_max__size", "dbms.memory.heap.max_size")]
    public void EnvironmentNamesMapToSettingsAsTheImageMapsThem(string variable, string setting) => Assert.Equal(setting, SettingName(variable));

    [Theory]
    [InlineData("TRANSACTIONAL_ENDPOINTS,QUERY_API")]
    [InlineData("BROWSER")]
    public void AModuleListWithoutTheQueryApiOrWithAnUnknownNameIsRefused(string modules) =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Checks["server.http_enabled_modules"](modules));

    [Fact]
    public void TheServiceUsesThePasswordNeo4jIsGivenAndTheImageAccepts()
    {
        // docker-entrypoint.sh (neo4j/docker-neo4j, docker-image-src/5/coredb) takes NEO4J_AUTH as user/password,
        // refuses 'neo4j' as the password, and Neo4j refuses passwords shorter than
        // dbms.security.auth_minimum_password_length (8 by default).
        var auth = Environment("neo4j")["NEO4J_AUTH"];
        var match = Regex.Match(auth, "^([^/]+)/([^/]+)$");
        Assert.True(match.Success, $"NEO4J_AUTH '{auth}' is not user/password");
        Assert.NotEqual("neo4j", match.Groups[2].Value);
        Assert.True(match.Groups[2].Value.Length >= 8);
        Assert.True(Neo4jServer.Password.Length >= 8);
        var api = Environment("api");
        Assert.Equal((match.Groups[1].Value, match.Groups[2].Value), (api["ConflictGraph__Neo4j__User"], api["ConflictGraph__Neo4j__Password"]));
    }

    [Fact]
    public void TheApiWaitsForAHealthCheckThatRunsAQueryThroughTheQueryApi()
    {
        var check = string.Join(' ', ((YamlSequenceNode)((YamlMappingNode)Service("neo4j")["healthcheck"])["test"]).Children.Select(c => c.ToString()));
        Assert.Contains("/db/neo4j/query/v2", check);
        Assert.Contains("RETURN 1", check);
        Assert.Contains("--post-data", check);
        var dependsOn = (YamlMappingNode)((YamlMappingNode)Service("api")["depends_on"])["neo4j"];
        Assert.Equal("service_healthy", dependsOn["condition"].ToString());
    }

    [SkippableFact]
    public async Task DockerComposeAcceptsTheComposeFile()
    {
        var compose = System.Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, "docker-compose")).FirstOrDefault(File.Exists);
        Skip.If(compose is null, "docker-compose is not on PATH (apt-get install docker-compose); the other tests here check the file without it");
        var start = new ProcessStartInfo(compose!, ["-f", Path.Combine(RepoPaths.Root, "docker-compose.yml"), "config", "-q"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"docker-compose config refused the file: {error}");
    }
}
