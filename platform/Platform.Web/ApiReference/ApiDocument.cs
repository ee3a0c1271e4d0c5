using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Platform.Web.Security;
using Scalar.AspNetCore;

namespace Platform.Web.ApiReference;

/// <summary>
/// The platform's OpenAPI 3 document (<c>/api/openapi/v1.json</c>) and its reference page (<c>/api/reference</c>), both for
/// signed-in people and API tokens only. The document describes every endpoint the modules map (their names and summaries);
/// modules add what no endpoint declares — the records API describes each entity from its metadata — as document transformers
/// of <see cref="Name"/>.
/// </summary>
public static class ApiDocument
{
    public const string Name = Platform.Web.Endpoints.ApiDocuments.Main;

    public const string Address = "/api/openapi/{documentName}.json";

    public const string ReferencePage = "/api/reference";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddOpenApi(Name, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Business App Platform API",
                    Version = "1",
                    Description = "Records of every entity over OData (`/odata`), workflows, import and export, files, reports, printing and administration. "
                        + "Sign in with a cookie (the browser) or send an API token: `Authorization: Bearer <token>` (`POST /api/auth/token`, or a personal token made on the API tokens page).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "An API token: POST /api/auth/token, or one made on the API tokens page.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static void MapApiDocument(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(Address).RequireAuthorization().WithTags("Platform");
        endpoints.MapScalarApiReference(ReferencePage, options => options
                .WithTitle("Business App Platform API")
                .WithOpenApiRoutePattern(Address)
                .DisableDefaultFonts())
            .RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
            {
                // The reference page configures its script inline; it may run that and its own bundle, nothing from elsewhere.
                AnswerPolicy.Set(context.HttpContext,
                    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'");
                return await next(context);
            });
    }
}
