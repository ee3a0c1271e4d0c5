using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Modules;
using Platform.RecordApi.Endpoints;

namespace Platform.RecordApi;

/// <summary>
/// The records' REST API for integrations and scripts: OData 4 (<c>/odata</c>: the service document,
/// <c>$metadata</c>, queries with <c>$filter</c>, <c>$orderby</c>, paging, <c>$select</c>, <c>$expand</c>;
/// create, change with ETags, delete to the recycle bin), a save preview, the audit trail and files.
/// Every call goes through the record service with the caller's rights, as the pages do.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // The API document describes each entity's records from its metadata (the OData endpoints serve every entity through one route).
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(Platform.Web.Endpoints.ApiDocuments.Main, options => options.AddDocumentTransformer<OpenApi.EntityOperations>());
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuditEndpoints();
        endpoints.MapFileEndpoints();
        endpoints.MapRecordPreviewEndpoints();
        endpoints.MapRecordActionEndpoints();
        endpoints.MapRecordShareEndpoints();
        endpoints.MapDuplicateEndpoints();
        endpoints.MapMergeEndpoints();
        endpoints.MapDocumentEndpoints();
        endpoints.MapODataWriteEndpoints(); // before the catch-all GET of the queries
        endpoints.MapODataEndpoints();
    }
}
