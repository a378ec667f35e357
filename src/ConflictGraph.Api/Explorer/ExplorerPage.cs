using Microsoft.Extensions.FileProviders;

namespace ConflictGraph.Api.Explorer;

/// <summary>
/// The explorer page at /explore (and /explore/node/{id}, a shareable link to one node): our own
/// page in site/, and the npm libraries it uses in vendor/ (copied there from node_modules, each
/// beside its licence, when the build runs npm). It only reads the public GraphQL API, and its
/// content security policy keeps every request on this service.
/// </summary>
public static class ExplorerPage
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The folder holding site/ and vendor/: beside the sources when run from them, else beside the build output.</summary>
    public static string? Folder(IServiceProvider services)
    {
        var root = services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        return new[] { Path.Combine(root, "Explorer"), Path.Combine(AppContext.BaseDirectory, "Explorer") }
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "site", "index.html")) && File.Exists(Path.Combine(folder, "vendor", "licenses.json")));
    }

    public static WebApplication MapExplorer(this WebApplication app)
    {
        app.MapGet("/explore", (HttpContext http) => PageAsync(http, "index.html")).ExcludeFromDescription();
        app.MapGet("/explore/node/{**id}", (HttpContext http) => PageAsync(http, "index.html")).ExcludeFromDescription();
        app.MapGet("/explore/licenses", (HttpContext http) => PageAsync(http, "licenses.html")).ExcludeFromDescription();
        if (Folder(app.Services) is not { } folder) return app;
        app.UseStaticFiles(Files(Path.Combine(folder, "site"), "/explore"));
        // Licence files have no extension; they are plain text.
        app.UseStaticFiles(Files(Path.Combine(folder, "vendor"), "/explore/vendor", serveUnknown: true));
        return app;
    }

    private static StaticFileOptions Files(string folder, string path, bool serveUnknown = false) => new()
    {
        FileProvider = new PhysicalFileProvider(folder),
        RequestPath = path,
        ServeUnknownFileTypes = serveUnknown,
        DefaultContentType = "text/plain; charset=utf-8",
        OnPrepareResponse = file =>
        {
            file.Context.Response.Headers.CacheControl = "no-cache";
            file.Context.Response.Headers.XContentTypeOptions = "nosniff";
        },
    };

    /// <summary>One of the page's HTML files, its base address set to where the service is mounted.</summary>
    private static async Task PageAsync(HttpContext http, string file)
    {
        if (Folder(http.RequestServices) is not { } folder)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(
                "The explorer's libraries are not installed. Run `npm ci` in src/ConflictGraph.Api/Explorer (the build does this when npm is available). " +
                "GraphQL itself works: POST application/json to /graphql, or open /graphql in a browser.");
            return;
        }
        var html = await File.ReadAllTextAsync(Path.Combine(folder, "site", file), http.RequestAborted);
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ContentSecurityPolicy = Policy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        await http.Response.WriteAsync(html.Replace("<base href=\"/explore/\">", $"<base href=\"{http.Request.PathBase}/explore/\">", StringComparison.Ordinal), http.RequestAborted);
    }
}
