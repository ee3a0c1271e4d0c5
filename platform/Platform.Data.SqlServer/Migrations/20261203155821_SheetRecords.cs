using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SheetRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RecordId",
                table: "OcrPages",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordKey",
                table: "OcrPages",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordProblems",
                table: "OcrPages",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "OcrPages",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OcrPages_RecordKey",
                table: "OcrPages",
                column: "RecordKey",
                unique: true,
                filter: "[RecordKey] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OcrPages_RecordKey",
                table: "OcrPages");

            migrationBuilder.DropColumn(
                name: "RecordId",
                table: "OcrPages");

            migrationBuilder.DropColumn(
                name: "RecordKey",
                table: "OcrPages");

            migrationBuilder.DropColumn(
                name: "RecordProblems",
                table: "OcrPages");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "OcrPages");
        }
    }
}
