using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StockLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StockBins",
                columns: table => new
                {
                    Item = table.Column<Guid>(type: "TEXT", nullable: false),
                    Warehouse = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 6, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 28, scale: 6, nullable: false),
                    ValuationRate = table.Column<decimal>(type: "TEXT", precision: 28, scale: 9, nullable: false),
                    Layers = table.Column<string>(type: "TEXT", nullable: false),
                    LastPostedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockBins", x => new { x.Item, x.Warehouse });
                });

            migrationBuilder.CreateTable(
                name: "StockLedgerEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Item = table.Column<Guid>(type: "TEXT", nullable: false),
                    Warehouse = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VoucherEntity = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VoucherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoucherNumber = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VoucherLine = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EnteredQuantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 6, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 6, nullable: false),
                    CountedQuantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 6, nullable: true),
                    IncomingRate = table.Column<decimal>(type: "TEXT", precision: 28, scale: 9, nullable: true),
                    Batch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TransferOf = table.Column<long>(type: "INTEGER", nullable: true),
                    QuantityChange = table.Column<decimal>(type: "TEXT", precision: 28, scale: 6, nullable: false),
                    ValueChange = table.Column<decimal>(type: "TEXT", precision: 28, scale: 6, nullable: false),
                    Rate = table.Column<decimal>(type: "TEXT", precision: 28, scale: 9, nullable: false),
                    QuantityAfter = table.Column<decimal>(type: "TEXT", precision: 28, scale: 6, nullable: false),
                    ValueAfter = table.Column<decimal>(type: "TEXT", precision: 28, scale: 6, nullable: false),
                    ValuationRate = table.Column<decimal>(type: "TEXT", precision: 28, scale: 9, nullable: false),
                    Layers = table.Column<string>(type: "TEXT", nullable: false),
                    IsCancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockLedgerEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StockBins_Warehouse",
                table: "StockBins",
                column: "Warehouse");

            migrationBuilder.CreateIndex(
                name: "IX_StockLedgerEntries_Item_Warehouse_IsCancelled_PostedAt_Id",
                table: "StockLedgerEntries",
                columns: new[] { "Item", "Warehouse", "IsCancelled", "PostedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StockLedgerEntries_TransferOf",
                table: "StockLedgerEntries",
                column: "TransferOf");

            migrationBuilder.CreateIndex(
                name: "IX_StockLedgerEntries_VoucherEntity_VoucherId",
                table: "StockLedgerEntries",
                columns: new[] { "VoucherEntity", "VoucherId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StockBins");

            migrationBuilder.DropTable(
                name: "StockLedgerEntries");
        }
    }
}
