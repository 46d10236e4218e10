package io.crosslist.adapter.persistence.internal.tenancy;

import io.crosslist.adapter.persistence.TenantSqlRenderer;
import io.crosslist.adapter.persistence.UnresolvedTenantPlaceholderException;
import io.crosslist.domain.tenant.TenantId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.parsing.XNode;
import org.apache.ibatis.scripting.defaults.RawSqlSource;
import org.apache.ibatis.scripting.xmltags.XMLLanguageDriver;
import org.apache.ibatis.session.Configuration;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Crosslist's default MyBatis scripting language: MyBatis XML, plus tenant rendering. When a mapper
 * is loaded it rejects any {@code ${...}} other than {@code ${tenant}} (so a mapper with {@code
 * ${orderBy}} fails at start-up, not in production); when a statement runs, the SQL MyBatis built is
 * rendered for the {@link TenantId} passed as the parameter named {@code tenant}. A tenant statement
 * called without one fails before anything is sent to PostgreSQL.
 *
 * <p>Public only because MyBatis instantiates it by reflection.
 */
public final class TenantLanguageDriver extends XMLLanguageDriver {
  /** Name of the mapper parameter that carries the tenant: {@code @Param("tenant") TenantId tenant}. */
  static final String TENANT_PARAMETER = "tenant";

  @Override
  public SqlSource createSqlSource(Configuration configuration, XNode script, Class<?> parameterType) {
    String where = describe(script);
    boolean usesTenant = hideTenantPlaceholders(script.getNode(), where);
    SqlSource parsed = super.createSqlSource(configuration, script, parameterType);
    return usesTenant ? new TenantSqlSource(configuration, where, parsed) : parsed;
  }

  @Override
  public SqlSource createSqlSource(Configuration configuration, String script, Class<?> parameterType) {
    String where = "annotated statement";
    String hidden = TenantSqlRenderer.hideFromMyBatis(script, where);
    SqlSource parsed = super.createSqlSource(configuration, hidden, parameterType);
    return TenantSqlRenderer.needsTenant(hidden) ? new TenantSqlSource(configuration, where, parsed) : parsed;
  }

  /** Rewrites every text node under {@code node}; true when any held {@code ${tenant}}. */
  private static boolean hideTenantPlaceholders(Node node, String where) {
    boolean found = false;
    NodeList children = node.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      short type = child.getNodeType();
      if (type == Node.TEXT_NODE || type == Node.CDATA_SECTION_NODE) {
        String text = child.getNodeValue();
        String hidden = TenantSqlRenderer.hideFromMyBatis(text, where);
        if (!hidden.equals(text)) {
          child.setNodeValue(hidden);
          found = true;
        }
      } else if (type == Node.ELEMENT_NODE) {
        found |= hideTenantPlaceholders(child, where);
      }
    }
    return found;
  }

  private static String describe(XNode script) {
    XNode mapper = script.getParent();
    String namespace = mapper == null ? null : mapper.getStringAttribute("namespace");
    String id = script.getStringAttribute("id", script.getName());
    return "mapper statement " + (namespace == null ? "" : namespace + ".") + id;
  }

  /** A statement that needs a tenant: MyBatis builds the SQL, then it is rendered for the call's tenant. */
  private static final class TenantSqlSource implements SqlSource {
    private final Configuration configuration;
    private final String where;
    private final SqlSource parsed;
    /** For a static statement (no dynamic tags): its SQL template and parameters, taken once at load. */
    private final BoundSql staticTemplate;
    /**
     * Rendered SQL of a static statement for recently seen tenants, one slot per {@code id mod
     * SLOTS}. Reusing the same String lets PgJDBC find its prepared statement by a cached hash and an
     * identity match instead of hashing and comparing the whole text on every call. Bounded: a
     * colliding tenant simply replaces the slot.
     */
    private final AtomicReferenceArray<Rendered> rendered;
    private static final int SLOTS = 1024;

    private record Rendered(TenantId tenant, String sql) {}

    TenantSqlSource(Configuration configuration, String where, SqlSource parsed) {
      this.configuration = configuration;
      this.where = where;
      this.parsed = parsed;
      this.staticTemplate = parsed instanceof RawSqlSource ? parsed.getBoundSql(null) : null;
      this.rendered = staticTemplate == null ? null : new AtomicReferenceArray<>(SLOTS);
    }

    @Override
    public BoundSql getBoundSql(Object parameter) {
      TenantId tenant = tenantOf(parameter);
      if (staticTemplate != null) {
        return new BoundSql(configuration, staticSqlFor(tenant), staticTemplate.getParameterMappings(), parameter);
      }
      BoundSql built = parsed.getBoundSql(parameter);
      BoundSql rendered = new BoundSql(configuration, TenantSqlRenderer.render(built.getSql(), tenant),
          built.getParameterMappings(), built.getParameterObject());
      built.getAdditionalParameters().forEach(rendered::setAdditionalParameter);
      return rendered;
    }

    private String staticSqlFor(TenantId tenant) {
      int slot = (int) (tenant.value() & (SLOTS - 1));
      Rendered cached = rendered.get(slot);
      if (cached == null || !cached.tenant().equals(tenant)) {
        cached = new Rendered(tenant, TenantSqlRenderer.render(staticTemplate.getSql(), tenant));
        rendered.set(slot, cached);
      }
      return cached.sql();
    }

    private TenantId tenantOf(Object parameter) {
      if (parameter instanceof TenantId tenant) {
        return tenant;
      }
      if (parameter instanceof Map<?, ?> params && params.containsKey(TENANT_PARAMETER)
          && params.get(TENANT_PARAMETER) instanceof TenantId tenant) {
        return tenant;
      }
      throw new UnresolvedTenantPlaceholderException(where + " uses ${tenant} but was called without a "
          + "TenantId parameter named '" + TENANT_PARAMETER + "'");
    }
  }
}
