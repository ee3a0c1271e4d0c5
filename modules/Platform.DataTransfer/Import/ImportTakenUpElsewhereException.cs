namespace Platform.DataTransfer.Import;

/// <summary>This run of an import found the import moved on by another run of it (a host that took it up meanwhile): it undid its last chunk and stopped.</summary>
public sealed class ImportTakenUpElsewhereException(Guid runId)
    : Exception($"The import {runId} was taken up by another run meanwhile; this run undid its last chunk and stopped.");
