using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RecordShares : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecordShares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EntityKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RecordId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DepartmentId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    CanEdit = table.Column<bool>(type: "bit", nullable: false),
                    SharedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SharedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordShares", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecordShares_DepartmentId",
                table: "RecordShares",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordShares_EntityKey_RecordId",
                table: "RecordShares",
                columns: new[] { "EntityKey", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordShares_UserId",
                table: "RecordShares",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecordShares");
        }
    }
}
