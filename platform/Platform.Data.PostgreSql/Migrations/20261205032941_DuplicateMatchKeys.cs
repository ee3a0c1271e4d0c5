using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DuplicateMatchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecordMatchKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntityKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Rule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordMatchKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecordMatchPairs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntityKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Rule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Pair = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordMatchPairs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecordMatchKeys_EntityKey_RecordId",
                table: "RecordMatchKeys",
                columns: new[] { "EntityKey", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordMatchKeys_EntityKey_Rule_Key",
                table: "RecordMatchKeys",
                columns: new[] { "EntityKey", "Rule", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordMatchPairs_EntityKey_RecordId",
                table: "RecordMatchPairs",
                columns: new[] { "EntityKey", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordMatchPairs_EntityKey_Rule_Pair_RecordId",
                table: "RecordMatchPairs",
                columns: new[] { "EntityKey", "Rule", "Pair", "RecordId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecordMatchKeys");

            migrationBuilder.DropTable(
                name: "RecordMatchPairs");
        }
    }
}
