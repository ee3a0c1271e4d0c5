using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Records;
using Platform.Web.Security;

namespace Platform.RecordApi.OpenApi;

/// <summary>
/// Every entity the caller may read, described in the OpenAPI document from its metadata as it is now: its record as a schema
/// (each field the caller may read, typed as the OData API writes it, its title in both languages; lines as their records;
/// what the platform sets read-only) and its operations — the list with the OData query options, one record by key, and,
/// where the caller may, create, change (with <c>If-Match</c>) and delete. Asked afresh for each document, so an entity
/// added in the designer is there the next time.
/// </summary>
public sealed class EntityOperations(IHttpContextAccessor http) : IOpenApiDocumentTransformer
{
    private const string Tag = "Records";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (http.HttpContext is not { } request)
        {
            return;
        }

        var actor = Actors.From(request.User);
        await using var scope = context.ApplicationServices.CreateAsyncScope();
        var records = scope.ServiceProvider.GetRequiredService<IRecordStore>();
        var schema = await scope.ServiceProvider.GetRequiredService<ISchemaManager>().LoadSchemaAsync(cancellationToken);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Paths ??= [];
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = Tag, Description = "The records of each entity over OData 4: lists with $filter, $orderby, $top, $skip, $count, $select, $expand and $apply; one record by key; create, change, delete." });
        document.Components.Schemas["File"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A file held by an attachment or image field.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = Uuid(), ["name"] = Of(JsonSchemaType.String), ["size"] = Of(JsonSchemaType.Integer, "int64"), ["contentType"] = Of(JsonSchemaType.String),
            },
        };

        foreach (var entity in schema.Entities.Where(e => schema.ParentOf(e.Name) is null).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            await using var reader = await records.OpenReaderAsync(entity.Name, actor, cancellationToken);
            if (reader is null || reader.Forbidden)
            {
                continue;
            }

            foreach (var lines in entity.LiveFields.Where(f => f.Kind == FieldTypes.Lines && reader.Fields.MayRead(f.Name)).Select(f => schema.Find(f.Target!)).OfType<EntityDefinition>())
            {
                document.Components.Schemas[lines.Name] = Record(document, schema, lines, reader.FieldsOf(lines), line: true);
            }

            document.Components.Schemas[entity.Name] = Record(document, schema, entity, reader.Fields, line: false);
            var (creates, changes, deletes) = (reader.ScopeFor(RecordAction.Create) != RecordScope.None, reader.ScopeFor(RecordAction.Update) != RecordScope.None,
                reader.ScopeFor(RecordAction.Delete) != RecordScope.None);
            var title = $"{entity.Label.For("zh-CN")} / {entity.Label.For("en")}";
            var set = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = List(document, entity, title) } };
            if (creates)
            {
                set.Operations[HttpMethod.Post] = Create(document, entity, title);
            }

            document.Paths[$"/odata/{entity.Name}"] = set;
            var one = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = Read(document, entity, title) } };
            if (changes)
            {
                one.Operations[HttpMethod.Patch] = Change(document, entity, title);
            }

            if (deletes)
            {
                one.Operations[HttpMethod.Delete] = Delete(document, entity, title);
            }

            document.Paths[$"/odata/{entity.Name}({{id}})"] = one;
        }
    }

    private static OpenApiOperation List(OpenApiDocument document, EntityDefinition entity, string title) => new()
    {
        OperationId = $"list_{entity.Name}", Summary = $"{title}: list", Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
        Description = "The records you may read, a page at a time (`@odata.nextLink` for the next). `$apply` groups and aggregates in the database instead.",
        Parameters =
        [
            Query("$filter", "An OData condition, e.g. `amount gt 100 and status eq 'approved'`."),
            Query("$orderby", "Fields to sort by, e.g. `createdAt desc`."),
            Query("$top", "How many records (at most a page).", JsonSchemaType.Integer),
            Query("$skip", "How many records to skip.", JsonSchemaType.Integer),
            Query("$count", "`true` to have the number of matching records in `@odata.count`.", JsonSchemaType.Boolean),
            Query("$select", "The fields to return, comma-separated."),
            Query("$expand", "Lines or looked-up records to return with each record (`lines`, `customer_record`)."),
            Query("$apply", "Group and aggregate: `groupby((ownerId),aggregate(total with sum as revenue))`."),
        ],
        Responses = new OpenApiResponses
        {
            ["200"] = Json("The records.", new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["value"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(entity.Name, document) },
                    ["@odata.count"] = Of(JsonSchemaType.Integer, "int64"),
                    ["@odata.nextLink"] = Of(JsonSchemaType.String, "uri"),
                },
            }),
            ["400"] = Problem("A query option that cannot be read, said where."),
        },
    };

    private static OpenApiOperation Read(OpenApiDocument document, EntityDefinition entity, string title) => new()
    {
        OperationId = $"get_{entity.Name}", Summary = $"{title}: one record", Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
        Parameters = [Key(), Query("$select", "The fields to return."), Query("$expand", "Lines or looked-up records to return with it.")],
        Responses = new OpenApiResponses
        {
            ["200"] = Json("The record; its `ETag` header is the version to send back in `If-Match` when changing it.", new OpenApiSchemaReference(entity.Name, document)),
            ["404"] = Problem("No such record, or not one you may read."),
        },
    };

    private static OpenApiOperation Create(OpenApiDocument document, EntityDefinition entity, string title) => new()
    {
        OperationId = $"create_{entity.Name}", Summary = $"{title}: create", Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
        RequestBody = Body(document, entity),
        Responses = new OpenApiResponses
        {
            ["201"] = Json("Created: the record as saved.", new OpenApiSchemaReference(entity.Name, document)),
            ["400"] = Problem("A value refused, with the field it belongs to (`target`); nothing is saved."),
        },
    };

    private static OpenApiOperation Change(OpenApiDocument document, EntityDefinition entity, string title) => new()
    {
        OperationId = $"change_{entity.Name}", Summary = $"{title}: change the fields sent", Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
        Parameters = [Key(), new OpenApiParameter { Name = "If-Match", In = ParameterLocation.Header, Description = "The ETag read with the record: refused (412) if someone changed it since.", Schema = Of(JsonSchemaType.String) }],
        RequestBody = Body(document, entity),
        Responses = new OpenApiResponses
        {
            ["200"] = Json("The record as saved.", new OpenApiSchemaReference(entity.Name, document)),
            ["400"] = Problem("A value refused, with its field; nothing is saved."),
            ["404"] = Problem("No such record, or not one you may change."),
            ["412"] = Problem("Changed by someone else since it was read."),
        },
    };

    private static OpenApiOperation Delete(OpenApiDocument document, EntityDefinition entity, string title) => new()
    {
        OperationId = $"delete_{entity.Name}", Summary = $"{title}: move to the recycle bin", Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
        Parameters = [Key()],
        Responses = new OpenApiResponses { ["204"] = new OpenApiResponse { Description = "In the recycle bin." }, ["404"] = Problem("No such record, or not one you may delete.") },
    };

    /// <summary>A record as the API writes it: the platform's own fields (read-only), then each field the caller may read.</summary>
    private static OpenApiSchema Record(OpenApiDocument document, RecordsSchema schema, EntityDefinition entity, FieldAccess access, bool line)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            [SystemFields.Id] = ReadOnly(Uuid()),
            [SystemFields.CreatedAt] = ReadOnly(Of(JsonSchemaType.String, "date-time")),
            [SystemFields.CreatedBy] = ReadOnly(Of(JsonSchemaType.String)),
            [SystemFields.UpdatedAt] = ReadOnly(Of(JsonSchemaType.String, "date-time")),
            [SystemFields.UpdatedBy] = ReadOnly(Of(JsonSchemaType.String)),
            [SystemFields.RowVersion] = ReadOnly(Of(JsonSchemaType.Integer, "int32")),
        };
        if (line)
        {
            properties[SystemFields.LineNumber] = ReadOnly(Of(JsonSchemaType.Integer, "int32"));
        }
        else
        {
            properties[SystemFields.Owner] = Described(Of(JsonSchemaType.String | JsonSchemaType.Null), "The user who owns the record.");
            properties[SystemFields.Department] = Described(Of(JsonSchemaType.String | JsonSchemaType.Null), "The department it belongs to.");
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in entity.LiveFields.Where(f => access.MayRead(f.Name)))
        {
            var type = FieldTypes.Find(field.Type)!;
            IOpenApiSchema property = type == FieldTypes.Lines
                ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(field.Target!, document) }
                : type.HoldsFiles ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference("File", document) }
                : Value(field);
            if (property is OpenApiSchema own)
            {
                own.Description = $"{field.Label.For("zh-CN")} / {field.Label.For("en")}" + (field.Kind == FieldTypes.Lookup ? $" — the id of a {field.Target} record" : "");
                own.ReadOnly = type.SetByPlatform || field.Kind == FieldTypes.Computed || !access.MayChange(field.Name);
            }

            properties[field.Name] = property;
            if (field.Required && !type.SetByPlatform)
            {
                required.Add(field.Name);
            }
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object, Title = $"{entity.Label.For("zh-CN")} / {entity.Label.For("en")}", Properties = properties, Required = required,
        };
    }

    /// <summary>A field's value as the OData API writes it (nullable: a field may be empty).</summary>
    private static OpenApiSchema Value(FieldDefinition field)
    {
        var type = FieldTypes.StorageOf(field);
        if (type == FieldTypes.MultiChoice)
        {
            return new OpenApiSchema { Type = JsonSchemaType.Array | JsonSchemaType.Null, Items = Choices(field, Of(JsonSchemaType.String)) };
        }

        var value = type.ClrType switch
        {
            var t when t == typeof(long) => Of(JsonSchemaType.Integer | JsonSchemaType.Null, "int64"),
            var t when t == typeof(decimal) => Of(JsonSchemaType.Number | JsonSchemaType.Null, "decimal"),
            var t when t == typeof(DateOnly) => Of(JsonSchemaType.String | JsonSchemaType.Null, "date"),
            var t when t == typeof(DateTimeOffset) => Of(JsonSchemaType.String | JsonSchemaType.Null, "date-time"),
            var t when t == typeof(bool) => Of(JsonSchemaType.Boolean | JsonSchemaType.Null),
            var t when t == typeof(Guid) => Of(JsonSchemaType.String | JsonSchemaType.Null, "uuid"),
            _ => Of(JsonSchemaType.String | JsonSchemaType.Null),
        };
        if (type.IsText && (field.MaxLength ?? type.DefaultMaxLength) is { } length)
        {
            value.MaxLength = length;
        }

        return type == FieldTypes.Choice ? Choices(field, value) : value;
    }

    private static OpenApiSchema Choices(FieldDefinition field, OpenApiSchema value)
    {
        if (field.Choices is { Count: > 0 } choices)
        {
            // The values, and empty: the field may be left empty.
            value.Enum = [.. choices.Select(c => (JsonNode)JsonValue.Create(c.Value)!), null!];
        }

        return value;
    }

    private static OpenApiRequestBody Body(OpenApiDocument document, EntityDefinition entity) => new()
    {
        Required = true,
        Description = "The fields to set (read-only ones are ignored or refused); lines as a list of their records.",
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(entity.Name, document) } },
    };

    private static OpenApiParameter Key() => new() { Name = "id", In = ParameterLocation.Path, Required = true, Schema = Uuid(), Description = "The record's id." };

    private static OpenApiParameter Query(string name, string description, JsonSchemaType type = JsonSchemaType.String) =>
        new() { Name = name, In = ParameterLocation.Query, Description = description, Schema = Of(type) };

    private static OpenApiResponse Json(string description, IOpenApiSchema schema) =>
        new() { Description = description, Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } } };

    private static OpenApiResponse Problem(string description) => Json(description, new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["error"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema> { ["code"] = Of(JsonSchemaType.String), ["message"] = Of(JsonSchemaType.String), ["target"] = Of(JsonSchemaType.String | JsonSchemaType.Null) },
            },
        },
    });

    private static OpenApiSchema Of(JsonSchemaType type, string? format = null) => new() { Type = type, Format = format };

    private static OpenApiSchema Uuid() => Of(JsonSchemaType.String, "uuid");

    private static OpenApiSchema ReadOnly(OpenApiSchema schema)
    {
        schema.ReadOnly = true;
        return schema;
    }

    private static OpenApiSchema Described(OpenApiSchema schema, string description)
    {
        schema.Description = description;
        return schema;
    }
}
