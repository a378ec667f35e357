using System.Net;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Explorer;

/// <summary>How the service serves the explorer: the page, its shareable links, its libraries and their licences.</summary>
public sealed class ExplorerPageTests : IClassFixture<ConflictGraphApp>
{
    private readonly ConflictGraphApp app;

    public ExplorerPageTests(ConflictGraphApp app) => this.app = app;

    private static void SkipWithoutLibraries() =>
        Skip.If(!File.Exists(Path.Combine(ConflictGraphApp.RepoRoot, "src", "ConflictGraph.Api", "Explorer", "vendor", "licenses.json")),
            "the explorer's libraries are not installed: run `npm ci` in src/ConflictGraph.Api/Explorer (the build does this when npm is on PATH)");

    [SkippableTheory]
    [InlineData("/explore")]
    [InlineData("/explore/node/org:kataib-hezbollah")]
    [InlineData("/explore/node/org%3Akataib-hezbollah")]
    public async Task ThePageAndItsShareableLinksServeTheSameHtmlThatMayOnlyTalkToThisService(string path)
    {
        SkipWithoutLibraries();
        using var response = await (await app.ReadyClientAsync()).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("connect-src 'self'", policy);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<base href=\"/explore/\">", html);
        Assert.Contains("js/app.js", html);
    }

    [SkippableFact]
    public async Task EveryLibraryServedComesWithItsLicenceFile()
    {
        SkipWithoutLibraries();
        var client = await app.ReadyClientAsync();
        var packages = JsonNode.Parse(await client.GetStringAsync("/explore/vendor/licenses.json"))!.AsArray();
        Assert.Contains(packages, p => p!["name"]!.GetValue<string>() == "cytoscape");
        foreach (var item in packages)
        {
            var name = item!["name"]!.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(item["license"]?.GetValue<string>()), $"{name} names no licence");
            var licence = await client.GetStringAsync($"/explore/vendor/{name}/{item["licenseFile"]}");
            Assert.Contains("permission", licence, StringComparison.OrdinalIgnoreCase);
            foreach (var file in item["files"]!.AsArray())
            {
                using var served = await client.GetAsync($"/explore/vendor/{name}/{file}");
                Assert.True(served.IsSuccessStatusCode, $"{name}/{file}: HTTP {(int)served.StatusCode}");
            }
        }
        using var page = await client.GetAsync("/explore/licenses");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [SkippableFact]
    public async Task OnlyTheFilesListedAreServedFromThePackages()
    {
        SkipWithoutLibraries();
        using var response = await (await app.ReadyClientAsync()).GetAsync("/explore/vendor/cytoscape/package.json");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
