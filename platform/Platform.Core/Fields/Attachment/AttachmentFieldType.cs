using Platform.Core.Fields.Files;

namespace Platform.Core.Fields.Attachment;

/// <summary>Files attached to the record (contracts, scans), up to 20.</summary>
public sealed class AttachmentFieldType() : FilesFieldType("attachment");
