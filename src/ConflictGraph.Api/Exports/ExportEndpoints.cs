using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Transport;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Exports;

/// <summary>
/// Files for analysts' tools, under the same read keys as <c>/graphql</c>: <c>/export/events.csv</c> (a
/// spreadsheet), <c>/export/events.geojson</c> (QGIS and other GIS) with the events list's filter as
/// query parameters, streamed from one store cursor as they are read, and <c>/export/graph.graphml</c>,
/// a node's neighbourhood for Gephi or yEd. Refusals are JSON with a GraphQL-style error code.
/// </summary>
public static class ExportEndpoints
{
    public static IServiceCollection AddExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder routes)
    {
        var exports = routes.MapGroup("/export").ExcludeFromDescription();
        exports.MapGet("/events.csv", (HttpContext http, IGraphStore store) => ServeAsync(http, EventCsv.MediaType, "events.csv", () =>
        {
            var events = store.ExportEventsAsync(ExportFilterParameters.Read(http.Request.Query), http.RequestAborted);
            return Task.FromResult<Func<Task>>(() => EventCsv.WriteAsync(http.Response.BodyWriter, events, http.RequestAborted));
        }));
        exports.MapGet("/events.geojson", (HttpContext http, IGraphStore store) => ServeAsync(http, EventGeoJson.MediaType, "events.geojson", () =>
        {
            var events = store.ExportEventsAsync(ExportFilterParameters.Read(http.Request.Query), http.RequestAborted);
            return Task.FromResult<Func<Task>>(() => EventGeoJson.WriteAsync(http.Response.BodyWriter, events, http.RequestAborted));
        }));
        exports.MapGet("/graph.graphml", (HttpContext http, IGraphStore store, IOptions<ExportOptions> options) => ServeAsync(http, GraphMl.MediaType, "graph.graphml", async () =>
        {
            var (id, depth) = GraphParameters(http.Request.Query, options.Value);
            var graph = await Neighbourhood.WalkAsync(store, id, depth, options.Value.MaxGraphNodes, http.RequestAborted);
            return (Func<Task>)(() => GraphMl.WriteAsync(http.Response.Body, graph, id, http.RequestAborted));
        }));
        return routes;
    }

    /// <summary>
    /// Checks the read key, reads the request (<paramref name="prepare"/>: refusals end here, before any
    /// byte is sent), then writes the file. A store failure before the first byte is a 503; after it, the
    /// connection is cut so the client sees an incomplete file, not a complete-looking short one.
    /// </summary>
    private static async Task ServeAsync(HttpContext http, string mediaType, string fileName, Func<Task<Func<Task>>> prepare)
    {
        try
        {
            if (!http.RequestServices.GetRequiredService<AccessKeys>().Check(http.Request.Headers.Authorization).CanRead)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                throw new ExportRefusal(StatusCodes.Status401Unauthorized, ApiErrors.Unauthenticated, "reading needs a key: send 'Authorization: Bearer <key>'");
            }
            var write = await prepare();
            http.Response.ContentType = mediaType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await write();
        }
        catch (Exception e) when (!http.Response.HasStarted && Refusal(e) is { } refusal)
        {
            await refusal.ToResult().ExecuteAsync(http);
        }
        catch (Exception e) when (http.Response.HasStarted && e is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILogger<ExportRefusal>>().LogError(e, "export of {Path} failed while streaming", http.Request.Path);
            http.Abort();
        }
    }

    private static ExportRefusal? Refusal(Exception e) => e switch
    {
        ExportRefusal refusal => refusal,
        StoreUnavailableException unavailable => new ExportRefusal(StatusCodes.Status503ServiceUnavailable, ApiErrors.StoreUnavailable,
            $"the graph store is unavailable: {unavailable.Message}"),
        NotSupportedException unsupported => new ExportRefusal(StatusCodes.Status501NotImplemented, ApiErrors.Internal, unsupported.Message),
        _ => null,
    };

    private static (string Id, int Depth) GraphParameters(IQueryCollection query, ExportOptions options)
    {
        foreach (var name in query.Keys.Where(k => k is not ("id" or "depth")))
            throw ExportRefusal.BadInput($"unknown query parameter '{name}'; the graph export takes id and depth");
        if (query["id"] is not { Count: 1 } ids || string.IsNullOrEmpty(ids[0])) throw ExportRefusal.BadInput("id: give the id of the node whose neighbourhood to export, once");
        var depth = 1;
        if (query["depth"] is { Count: > 0 } given && (given.Count > 1 || !int.TryParse(given[0], out depth) || depth < 1 || depth > options.MaxGraphDepth))
            throw ExportRefusal.BadInput($"depth: '{given}' is not a whole number from 1 to {options.MaxGraphDepth}");
        return (ids[0]!, depth);
    }
}
