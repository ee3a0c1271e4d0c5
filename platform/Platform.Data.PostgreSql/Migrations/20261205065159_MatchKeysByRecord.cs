using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class MatchKeysByRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecordMatchPairs_EntityKey_RecordId",
                table: "RecordMatchPairs");

            migrationBuilder.DropIndex(
                name: "IX_RecordMatchKeys_EntityKey_RecordId",
                table: "RecordMatchKeys");

            migrationBuilder.CreateIndex(
                name: "IX_RecordMatchPairs_RecordId_EntityKey",
                table: "RecordMatchPairs",
                columns: new[] { "RecordId", "EntityKey" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordMatchKeys_RecordId_EntityKey_Rule",
                table: "RecordMatchKeys",
                columns: new[] { "RecordId", "EntityKey", "Rule" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecordMatchPairs_RecordId_EntityKey",
                table: "RecordMatchPairs");

            migrationBuilder.DropIndex(
                name: "IX_RecordMatchKeys_RecordId_EntityKey_Rule",
                table: "RecordMatchKeys");

            migrationBuilder.CreateIndex(
                name: "IX_RecordMatchPairs_EntityKey_RecordId",
                table: "RecordMatchPairs",
                columns: new[] { "EntityKey", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordMatchKeys_EntityKey_RecordId",
                table: "RecordMatchKeys",
                columns: new[] { "EntityKey", "RecordId" });
        }
    }
}
