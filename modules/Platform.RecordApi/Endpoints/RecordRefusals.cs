using Microsoft.AspNetCore.Http;
using Platform.RecordApi.OData;
using Platform.Records;

namespace Platform.RecordApi.Endpoints;

/// <summary>How a refused record operation answers over HTTP outside OData writes (actions, shares, transfers): 404, 403, 409 or 400, with every problem.</summary>
internal static class RecordRefusals
{
    public static IResult Of(RecordOutcome outcome, IReadOnlyList<RecordFieldError> errors)
    {
        var (status, code) = outcome switch
        {
            RecordOutcome.NotFound or RecordOutcome.UnknownEntity => (StatusCodes.Status404NotFound, "NotFound"),
            RecordOutcome.Forbidden => (StatusCodes.Status403Forbidden, "Forbidden"),
            RecordOutcome.Locked => (StatusCodes.Status409Conflict, "Locked"),
            RecordOutcome.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
            _ => (StatusCodes.Status400BadRequest, "ValidationFailed"),
        };
        return new ODataErrorResult(status, code, errors[0].Message, errors[0].Field, errors);
    }
}
