package io.crosslist.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.host.NoteMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crosslist's tenant SQL is Citus-compatible by the lint's rules, and each rule catches its bad case. */
class CitusLintTest {

  @Test
  void every_crosslist_mapper_statement_and_tenant_migration_passes() {
    assertEquals(List.of(), CitusLint.problems(PersistenceModule.MAPPERS, List.of(MigrationTrack.crosslist())));
  }

  @Test
  void a_hosts_mappers_and_track_are_linted_the_same_way() {
    assertEquals(List.of(), CitusLint.problems(List.of(NoteMapper.class), List.of(HostMappersTest.HOST)));
  }

  @Test
  void each_rule_catches_its_bad_case() {
    assertProblem("select * from user_42.products", "names the tenant schema user_42 literally");
    assertProblem("select * from ${tenant}.products p join other.products o on o.id = p.id",
        "names other.products: a tenant statement names only its own schema");
    assertProblem("alter table ${tenant}.notes add foreign key (p) references tenants_b.products (id)",
        "names tenants_b.products in a foreign key");
    assertProblem("with moved as (delete from ${tenant}.jobs returning id) insert into crosslist.job_dispatch"
        + " select id from moved", "writes the shared table crosslist.job_dispatch in a statement on the tenant schema");
    assertProblem("insert into ${tenant}.notes (id) values (nextval('crosslist.ids'))", "uses the sequence 'crosslist.ids'");
    assertProblem("select crosslist.next_id() from ${tenant}.notes", "uses the shared function crosslist.next_id");
    assertProblem("insert into ${tenant}.notes (id) select crosslist.next_id()", "uses the shared function crosslist.next_id");
    assertProblem("create sequence note_ids", "creates the sequence note_ids outside the tenant schema");
    assertProblem("create or replace function touch() returns trigger language plpgsql as $$ begin end $$",
        "creates the function touch() outside the tenant schema".replace("()", ""));
  }

  @Test
  void what_is_allowed_passes() {
    assertEquals(List.of(), CitusLint.problems("ok", "select p.id from ${tenant}.products p"
        + " join crosslist.brands b on b.code = p.brand_code where p.id = #{id}"));
    assertEquals(List.of(), CitusLint.problems("ok", "insert into crosslist.job_dispatch (tenant_id) values (#{t})"));
    assertEquals(List.of(), CitusLint.problems("ok", "create sequence ${tenant}.note_ids; -- user_1 in a comment"));
    assertEquals(List.of(), CitusLint.problems("ok", "update ${tenant}.products set title = #{t}"
        + " on conflict (id) do update set title = excluded.title"));
  }

  private static void assertProblem(String sql, String expected) {
    List<String> problems = CitusLint.problems("statement", sql);
    assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), sql + " -> " + problems);
  }
}
