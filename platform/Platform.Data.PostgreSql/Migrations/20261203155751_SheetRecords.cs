using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.PostgreSql.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordKey",
                table: "OcrPages",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordProblems",
                table: "OcrPages",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "OcrPages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OcrPages_RecordKey",
                table: "OcrPages",
                column: "RecordKey",
                unique: true);
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
