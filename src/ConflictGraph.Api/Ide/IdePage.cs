using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Ide;

/// <summary>Where the IDE's static build is (section <c>ConflictGraph:Ide</c>).</summary>
public sealed class IdeOptions
{
    public const string Section = "ConflictGraph:Ide";

    /// <summary>The folder holding the IDE's index.html; default: the npm package the build fetched into Ide/node_modules.</summary>
    public string? Path { get; set; }

    /// <summary>The title the IDE shows.</summary>
    public string Title { get; set; } = "ConflictGraph";
}

/// <summary>
/// Banana Cake Pop, served from its npm package with no network access needed: its files under
/// /graphql/, its settings (endpoint = this service, telemetry off) as /graphql/bcp-config.json.
/// </summary>
public static class IdePage
{
    private const string Package = "node_modules/@chillicream/bananacakepop-graphql-ide";

    public static string? Folder(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<IdeOptions>>().Value.Path;
        var root = services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        string[] candidates = configured is not null
            ? [System.IO.Path.GetFullPath(configured, root)]
            : [System.IO.Path.Combine(root, "Ide", Package), System.IO.Path.Combine(AppContext.BaseDirectory, "Ide", Package)];
        return candidates.FirstOrDefault(folder => File.Exists(System.IO.Path.Combine(folder, "index.html")));
    }

    public static IServiceCollection AddIde(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdeOptions>().Bind(configuration.GetSection(IdeOptions.Section))
            .Validate(o => o.Path is null || File.Exists(System.IO.Path.Combine(o.Path, "index.html")),
                $"{IdeOptions.Section}:Path holds no index.html; give the folder of the IDE's static build")
            .ValidateOnStart();
        return services;
    }

    public static WebApplication MapIde(this WebApplication app)
    {
        app.MapGet("/graphql/bcp-config.json", (IOptions<IdeOptions> options) => Results.Json(new
        {
            useBrowserUrlAsEndpoint = true,
            endpoint = "/graphql",
            title = options.Value.Title,
            disableTelemetry = true,
            includeCookies = false,
            graphQLDocument = "{ retaliations(first: 5) { totalCount nodes { from { id } to { id } status claimedBy { text speaker { name } } } } }",
        })).ExcludeFromDescription();
        // The licence ships with the IDE and must be served with it; static files skip it for having no extension.
        app.MapGet("/graphql/LICENSE", (HttpContext http) => Folder(http.RequestServices) is { } ide && File.Exists(System.IO.Path.Combine(ide, "LICENSE"))
            ? Results.File(System.IO.Path.Combine(ide, "LICENSE"), "text/plain; charset=utf-8")
            : Results.NotFound()).ExcludeFromDescription();
        if (Folder(app.Services) is { } folder)
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(folder),
                RequestPath = "/graphql",
                // The service worker caches the app; it must itself always be fetched fresh.
                OnPrepareResponse = file =>
                {
                    if (file.File.Name == "service-worker.js") file.Context.Response.Headers.CacheControl = "no-cache";
                },
            });
        return app;
    }

    /// <summary>
    /// The IDE's page, unmodified, at /graphql/; /graphql redirects there, because the page's
    /// asset paths are relative.
    /// </summary>
    public static async Task ServeAsync(HttpContext http)
    {
        if (!http.Request.Path.Value!.EndsWith('/'))
        {
            http.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            http.Response.Headers.Location = $"{http.Request.PathBase}{http.Request.Path}/{http.Request.QueryString}";
            return;
        }
        if (Folder(http.RequestServices) is not { } folder)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(
                "The Banana Cake Pop IDE is not installed. Run `npm ci` in src/ConflictGraph.Api/Ide (the build does this when npm is available), " +
                "or set ConflictGraph__Ide__Path to its folder. GraphQL itself works: POST application/json to /graphql.");
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.SendFileAsync(System.IO.Path.Combine(folder, "index.html"), http.RequestAborted);
    }
}
