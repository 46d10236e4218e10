package io.crosslist.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosslist.adapter.persistence.internal.tenancy.TenantLanguageDriver;
import io.crosslist.domain.tenant.TenantId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.Test;

class TenantSqlRendererTest {
  private static final TenantId T42 = TenantId.of(42);

  @Test
  void renders_every_placeholder_as_the_quoted_schema() {
    assertEquals("select 1 from \"user_42\".products p join \"user_42\".listings l on true",
        TenantSqlRenderer.render("select 1 from ${tenant}.products p join ${tenant}.listings l on true", T42));
  }

  @Test
  void a_placeholder_other_than_tenant_never_leaves_the_renderer() {
    UnresolvedTenantPlaceholderException e = assertThrows(UnresolvedTenantPlaceholderException.class,
        () -> TenantSqlRenderer.render("select * from ${tenant}.products order by ${column}", T42));
    assertTrue(e.getMessage().contains("${column}"), e.getMessage());
    assertThrows(UnresolvedTenantPlaceholderException.class,
        () -> TenantSqlRenderer.render("select * from ${tenant .products", T42));
  }

  @Test
  void sql_that_needs_a_tenant_cannot_pass_as_tenant_free() {
    assertThrows(UnresolvedTenantPlaceholderException.class,
        () -> TenantSqlRenderer.requireNoPlaceholder("select * from ${tenant}.products", "test"));
    assertThrows(UnresolvedTenantPlaceholderException.class, () -> TenantSqlRenderer.requireNoPlaceholder(
        TenantSqlRenderer.hideFromMyBatis("select * from ${tenant}.products", "test"), "test"));
  }

  // --- the MyBatis path: TenantLanguageDriver ---

  private static final String MAPPER_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<!DOCTYPE mapper PUBLIC \"-//mybatis.org//DTD Mapper 3.0//EN\" \"https://mybatis.org/dtd/mybatis-3-mapper.dtd\">\n"
      + "<mapper namespace=\"fixture\">\n";

  /** A configuration whose data source counts connection requests: nothing may reach the database. */
  private static Configuration configuration(AtomicInteger connectionRequests) {
    DataSource counting = (DataSource) java.lang.reflect.Proxy.newProxyInstance(
        DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            connectionRequests.incrementAndGet();
            return TestDatabase.get().connect();
          }
          throw new UnsupportedOperationException(method.getName());
        });
    Configuration configuration = new Configuration(new Environment("test", new JdbcTransactionFactory(), counting));
    configuration.setDefaultScriptingLanguage(TenantLanguageDriver.class);
    return configuration;
  }

  private static void load(Configuration configuration, String statements) {
    String xml = MAPPER_HEAD + statements + "</mapper>";
    new XMLMapperBuilder(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), configuration,
        "fixture.xml", configuration.getSqlFragments()).parse();
  }

  @Test
  void a_mapper_with_any_other_substitution_fails_when_it_is_loaded() {
    Configuration configuration = configuration(new AtomicInteger());
    RuntimeException e = assertThrows(RuntimeException.class, () -> load(configuration,
        "<select id=\"sorted\" resultType=\"long\">select id from ${tenant}.products order by ${orderBy}</select>"));
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof UnresolvedTenantPlaceholderException)) {
      cause = cause.getCause();
    }
    assertTrue(cause instanceof UnresolvedTenantPlaceholderException, "cause: " + cause);
    assertTrue(cause.getMessage().contains("fixture.sorted uses ${orderBy}"), cause.getMessage());
  }

  @Test
  void a_tenant_statement_called_without_a_tenant_fails_before_postgresql() {
    AtomicInteger connections = new AtomicInteger();
    Configuration configuration = configuration(connections);
    load(configuration, "<select id=\"count\" resultType=\"long\">"
        + "select count(*) from ${tenant}.products <if test=\"id != null\">where id = #{id}</if></select>");
    try (SqlSession session = new SqlSessionFactoryBuilder().build(configuration).openSession(true)) {
      // MyBatis wraps whatever a statement throws; the cause is the renderer's refusal
      Throwable e = assertThrows(org.apache.ibatis.exceptions.PersistenceException.class,
          () -> session.selectOne("fixture.count", java.util.Map.of("id", 1L))).getCause();
      assertTrue(e instanceof UnresolvedTenantPlaceholderException, "cause: " + e);
      assertTrue(e.getMessage().contains("fixture.count uses ${tenant}"), e.getMessage());
    }
    assertEquals(0, connections.get(), "no connection may be opened for an unrenderable statement");
  }

  @Test
  void the_statement_postgresql_receives_is_qualified_with_the_callers_schema() {
    Configuration configuration = configuration(new AtomicInteger());
    load(configuration, "<select id=\"schemaOf\" resultType=\"string\">"
        + "select '${tenant}' || <if test=\"true\">'.products'</if></select>");
    try (SqlSession session = new SqlSessionFactoryBuilder().build(configuration).openSession(true)) {
      String sql = configuration.getMappedStatement("fixture.schemaOf")
          .getBoundSql(java.util.Map.of("tenant", T42)).getSql();
      assertTrue(sql.contains("'\"user_42\"'"), sql);
      assertEquals("\"user_7\".products", session.selectOne("fixture.schemaOf",
          java.util.Map.of("tenant", TenantId.of(7))));
    }
  }

  @Test
  void tenants_sharing_a_memo_slot_each_get_their_own_schema() {
    Configuration configuration = configuration(new AtomicInteger());
    load(configuration, "<select id=\"staticSchemaOf\" resultType=\"string\">select '${tenant}' where #{x} = 1</select>");
    TenantId a = TenantId.of(7);
    TenantId b = TenantId.of(7 + 1024); // same slot of the rendered-SQL memo
    try (SqlSession session = new SqlSessionFactoryBuilder().build(configuration).openSession(true)) {
      for (int i = 0; i < 3; i++) {
        assertEquals("\"user_7\"", session.selectOne("fixture.staticSchemaOf", java.util.Map.of("tenant", a, "x", 1)));
        assertEquals("\"user_1031\"", session.selectOne("fixture.staticSchemaOf", java.util.Map.of("tenant", b, "x", 1)));
      }
    }
  }
}
