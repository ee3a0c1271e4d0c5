using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BackgroundJobsAndScanCapture : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BackgroundJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Done = table.Column<int>(type: "int", nullable: false),
                    Total = table.Column<int>(type: "int", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NotBefore = table.Column<long>(type: "bigint", nullable: false),
                    LeaseOwner = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<long>(type: "bigint", nullable: false),
                    Error = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    RequestedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackgroundJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OcrBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TemplateName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    TemplateVersion = table.Column<int>(type: "int", nullable: false),
                    Template = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    JobId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcrBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OcrCorrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CellId = table.Column<long>(type: "bigint", nullable: false),
                    BatchId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    From = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    To = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    By = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    How = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcrCorrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OcrTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Definition = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Blank = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    Source = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcrTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OcrBatchFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BatchId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ordinal = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    StoredFileId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Refusal = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    PageCount = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcrBatchFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OcrBatchFiles_OcrBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "OcrBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OcrPages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BatchId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ordinal = table.Column<int>(type: "int", nullable: false),
                    PageNumber = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ReasonCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Warnings = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    TurnedOver = table.Column<bool>(type: "bit", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    Lines = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Milliseconds = table.Column<double>(type: "float", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcrPages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OcrPages_OcrBatchFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "OcrBatchFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OcrCells",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BatchId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PageId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Path = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Field = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    Confidence = table.Column<double>(type: "float", nullable: false),
                    Flags = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Crop = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    Corrected = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    Confirmed = table.Column<bool>(type: "bit", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcrCells", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OcrCells_OcrPages_PageId",
                        column: x => x.PageId,
                        principalTable: "OcrPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BackgroundJobs_State_NotBefore",
                table: "BackgroundJobs",
                columns: new[] { "State", "NotBefore" });

            migrationBuilder.CreateIndex(
                name: "IX_BackgroundJobs_Subject",
                table: "BackgroundJobs",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_OcrBatchFiles_BatchId_Ordinal",
                table: "OcrBatchFiles",
                columns: new[] { "BatchId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OcrCells_BatchId_Field",
                table: "OcrCells",
                columns: new[] { "BatchId", "Field" });

            migrationBuilder.CreateIndex(
                name: "IX_OcrCells_PageId_Path",
                table: "OcrCells",
                columns: new[] { "PageId", "Path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OcrCorrections_BatchId",
                table: "OcrCorrections",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_OcrCorrections_CellId",
                table: "OcrCorrections",
                column: "CellId");

            migrationBuilder.CreateIndex(
                name: "IX_OcrPages_BatchId_Ordinal",
                table: "OcrPages",
                columns: new[] { "BatchId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OcrPages_BatchId_State",
                table: "OcrPages",
                columns: new[] { "BatchId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_OcrPages_FileId",
                table: "OcrPages",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_OcrTemplates_Name",
                table: "OcrTemplates",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackgroundJobs");

            migrationBuilder.DropTable(
                name: "OcrCells");

            migrationBuilder.DropTable(
                name: "OcrCorrections");

            migrationBuilder.DropTable(
                name: "OcrTemplates");

            migrationBuilder.DropTable(
                name: "OcrPages");

            migrationBuilder.DropTable(
                name: "OcrBatchFiles");

            migrationBuilder.DropTable(
                name: "OcrBatches");
        }
    }
}
