package io.crosslist.adapter.persistence.internal.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.domain.tenant.InvalidTenantArchiveException;
import io.crosslist.domain.tenant.TenantId;
import io.crosslist.domain.tenant.TenantStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The archive manifest reads back what was written, whatever the names, and refuses what it cannot read. */
class ArchiveManifestTest {
  private static final ArchiveManifest MANIFEST = new ArchiveManifest(1, TenantId.of(42), TenantStatus.SUSPENDED,
      Instant.parse("2026-01-02T03:04:05.123456Z"), 150020,
      List.of(new ArchiveManifest.Track("crosslist", 2, List.of("aa", "bb")), new ArchiveManifest.Track("acme", 0,
          List.of())),
      List.of(new ArchiveManifest.Table("products", 3, 120, List.of(new TenantCatalog.Column("id", "bigint"),
          new TenantCatalog.Column("price", "numeric(12,2)"))),
          new ArchiveManifest.Table(" odd = name: #1 !\\ \"q\" é☂\nx", 0, 21, List.of(new TenantCatalog.Column(
              "a=b:c", "character varying(10)[]")))),
      List.of(new ArchiveManifest.Sequence("products_id_seq", 4L), new ArchiveManifest.Sequence("unused_seq", null)),
      3);

  private static byte[] written(ArchiveManifest manifest) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    manifest.write(out);
    return out.toByteArray();
  }

  @Test
  void a_manifest_reads_back_as_written_whatever_its_names_hold() throws Exception {
    byte[] bytes = written(MANIFEST);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertTrue(text.chars().allMatch(ch -> ch < 0x80), "ASCII only");
    assertTrue(text.contains("\nexported.at=2026-01-02T03:04:05.123456Z\n"), "readable values: " + text);
    assertEquals(MANIFEST, ArchiveManifest.read(new ByteArrayInputStream(bytes), "t.zip"));
  }

  @Test
  void a_missing_key_a_newer_format_or_a_bad_tenant_id_is_refused_naming_it() throws Exception {
    String text = new String(written(MANIFEST), StandardCharsets.ISO_8859_1);
    for (String[] change : new String[][] {
        {"table.2.rows=0\n", "", "t.zip: manifest.properties: table.2.rows is missing"},
        {"format.version=1", "format.version=2", "archive format 2 was written by a newer Crosslist; this build reads"
            + " format 1 and older"},
        {"source.tenant=42", "source.tenant=042", "source.tenant, source.status or exported.at is not valid"},
        {"format=crosslist-tenant-archive", "format=other", "format must be crosslist-tenant-archive"},
        {"tables=2", "tables=-1", "tables must be between 0 and"}}) {
      assertTrue(text.contains(change[0]), change[0]);
      InvalidTenantArchiveException e = assertThrows(InvalidTenantArchiveException.class, () -> ArchiveManifest.read(
          new ByteArrayInputStream(text.replace(change[0], change[1]).getBytes(StandardCharsets.ISO_8859_1)), "t.zip"));
      assertTrue(e.getMessage().contains(change[2]), e.getMessage());
    }
  }

  @Test
  void tables_are_loaded_after_the_tables_they_reference_and_a_cycle_is_refused() {
    assertEquals(List.of("batches", "products", "jobs", "tasks"), TenantCatalog.loadOrder(new java.util.TreeMap<>(
        java.util.Map.of("tasks", java.util.Set.of("jobs"), "jobs", java.util.Set.of("products", "batches"),
            "products", java.util.Set.of(), "batches", java.util.Set.of())), TenantId.of(1)));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> TenantCatalog.loadOrder(
        java.util.Map.of("a", java.util.Set.of("b"), "b", java.util.Set.of("a"), "c", java.util.Set.of()),
        TenantId.of(1)));
    assertTrue(e.getMessage().contains("the tables [a, b] of tenant 1 reference each other"), e.getMessage());
  }
}
