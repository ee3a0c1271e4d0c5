using Platform.Abstractions.Permissions;

namespace Platform.OcrCapture;

/// <summary>Permission names of scanned-form capture.</summary>
public sealed class Permissions : IPermissionProvider
{
    /// <summary>See batches, their pages and cells (the scans hold what customers wrote).</summary>
    public const string ReadBatches = "OcrCapture.Batches.Read";

    /// <summary>Upload scans as new batches.</summary>
    public const string CreateBatches = "OcrCapture.Batches.Create";

    /// <summary>Confirm and correct what was read (proofreading).</summary>
    public const string Proofread = "OcrCapture.Batches.Proofread";

    /// <summary>Make confirmed sheets records (the user's permissions on the record's entity apply as well).</summary>
    public const string MakeRecords = "OcrCapture.Batches.MakeRecords";

    /// <summary>Create and change form templates.</summary>
    public const string ManageTemplates = "OcrCapture.Templates.Manage";

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(ReadBatches, "OcrCapture.Permissions.Group", "OcrCapture.Permissions.ReadBatches"),
        new(CreateBatches, "OcrCapture.Permissions.Group", "OcrCapture.Permissions.CreateBatches"),
        new(Proofread, "OcrCapture.Permissions.Group", "OcrCapture.Permissions.Proofread"),
        new(MakeRecords, "OcrCapture.Permissions.Group", "OcrCapture.Permissions.MakeRecords"),
        new(ManageTemplates, "OcrCapture.Permissions.Group", "OcrCapture.Permissions.ManageTemplates"),
    ];
}
